package org.independentstudy.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Imports a school year from CSV (CAL-01), a format any district can produce from a spreadsheet.
 *
 * <pre>
 * # comment lines and blank lines are ignored
 * date,kind,description
 * 2025-08-14,FIRST_DAY,First day of instruction
 * 2025-09-01,HOLIDAY,Labor Day
 * 2025-11-24..2025-11-28,BREAK,Thanksgiving break
 * 2025-09-12,SCHOOL_MONTH_START,School month 2 begins
 * 2026-01-20,SEMESTER_2_START,Second semester begins
 * 2026-06-11,LAST_DAY,Last day of instruction
 * </pre>
 *
 * <ul>
 *   <li>The header {@code date,kind,description} is required (UTF-8, optional BOM).</li>
 *   <li>{@code date} is ISO {@code yyyy-MM-dd}, or an inclusive range {@code yyyy-MM-dd..yyyy-MM-dd};
 *       weekends inside a range are skipped (they are never school days).</li>
 *   <li>{@code kind} is one of FIRST_DAY, LAST_DAY, SEMESTER_2_START (exactly once each, single days),
 *       HOLIDAY, BREAK, STAFF_DAY, OTHER (non-instructional days), SCHOOL_DAY (an event on school days
 *       that closes nothing) or SCHOOL_MONTH_START (the first school day of one of the district's attendance
 *       months; without any, school months are blocks of 20 school days); case-insensitive.</li>
 *   <li>{@code description} is the rest of the line (commas allowed); surrounding double quotes are removed.</li>
 *   <li>One file holds one school year; its label (e.g. 2025-26) comes from the first day. A row is written
 *       for this import, so a day outside the school year is an error.</li>
 * </ul>
 */
@Component
public class CalendarCsvImporter implements CalendarFileImporter {

    static final String HEADER = "date,kind,description";

    @Override
    public boolean accepts(String fileName, String contentType) {
        if (fileName != null && fileName.contains(".")) {
            return fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
        }
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/csv");
    }

    @Override
    public ParsedCalendar parse(String source, InputStream content) {
        CalendarDraft draft = new CalendarDraft(source, CalendarDraft.OutsideTheYear.REJECT);
        int lineNumber = 0;
        // Issue 13.6: bytes that are not UTF-8 are refused, not read as replacement characters into the calendar
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(content,
                StandardCharsets.UTF_8.newDecoder()))) {
            boolean headerSeen = false;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String trimmed = (lineNumber == 1 ? line.replace("\uFEFF", "") : line).strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String where = "line " + lineNumber;
                if (!headerSeen) {
                    if (!trimmed.replace(" ", "").equalsIgnoreCase(HEADER)) {
                        throw new CalendarImportException(source + ", " + where + ": expected the header '"
                                + HEADER + "' but found '" + trimmed + "'");
                    }
                    headerSeen = true;
                    continue;
                }
                addRow(draft, trimmed, source, where);
            }
            if (!headerSeen) {
                throw new CalendarImportException(source + ": the file is empty; expected the header '" + HEADER + "'");
            }
        } catch (CharacterCodingException e) {
            throw new CalendarImportException(source + ", line " + (lineNumber + 1) + ": not UTF-8 text; save the "
                    + "file as CSV UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        return draft.build();
    }

    private static void addRow(CalendarDraft draft, String line, String source, String where) {
        String[] fields = line.split(",", 3);
        if (fields.length < 2) {
            throw new CalendarImportException(source + ", " + where + ": expected 'date,kind,description' but found '"
                    + line + "'");
        }
        CalendarEntryKind kind = CalendarEntryKind.parse(fields[1]).orElseThrow(() -> new CalendarImportException(
                source + ", " + where + ": unknown kind '" + fields[1].strip() + "'; expected one of "
                        + CalendarEntryKind.allNames()));
        String description = fields.length == 3 ? unquote(fields[2].strip()) : "";
        String date = fields[0].strip();
        int range = date.indexOf("..");
        LocalDate from = parseDate(range < 0 ? date : date.substring(0, range), source, where);
        LocalDate to = range < 0 ? from : parseDate(date.substring(range + 2), source, where);
        draft.add(kind, from, to, description, where);
    }

    private static LocalDate parseDate(String text, String source, String where) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CalendarImportException(source + ", " + where + ": '" + text.strip()
                    + "' is not a date (yyyy-MM-dd) or a range (yyyy-MM-dd..yyyy-MM-dd)");
        }
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text;
    }
}
