package org.independentstudy.participation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.independentstudy.errors.InvalidRequestException;

/**
 * ATT-01: a video platform's participant report, read as the platforms publish it: Zoom's meeting "Participants"
 * CSV (one row per join, several per participant, possibly several meetings and days) and Microsoft Teams'
 * attendance report (UTF-16 tab-separated, a "1. Summary" section before "2. Participants"). Per participant and
 * day it yields the minutes attended, overlapping joins counted once, and per day the session's length (first
 * join to last leave), which is what was offered.
 */
public record ParticipantReport(Format format, List<Attendance> attendance, Map<LocalDate, Integer> sessionMinutes) {

    public enum Format { ZOOM, TEAMS }

    /** A participant's time in the sessions of one day; {@code line} is the report line of their first join. */
    public record Attendance(String name, String email, LocalDate day, int minutes, int line) {
    }

    private static final List<DateTimeFormatter> TIMES = List.of(
            DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yy, h:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US),
            DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.US),
            DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a", Locale.US));
    private static final Pattern TEAMS_DURATION = Pattern.compile("(?:(\\d+)h)?\\s*(?:(\\d+)m)?\\s*(?:(\\d+)s)?");

    private record Join(String name, String email, LocalDateTime from, LocalDateTime to, int line) {
    }

    public static ParticipantReport parse(byte[] file) {
        String text = decode(file);
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String header = lines.get(i).toLowerCase(Locale.ROOT);
            if (header.startsWith("name (original name)") || header.startsWith("name (original name),")
                    || (header.startsWith("name") && header.contains("join time") && header.contains("leave time"))) {
                return zoom(lines, i);
            }
            if (header.startsWith("name\tfirst join") || header.startsWith("name\tjoin time")) {
                return teams(lines, i);
            }
        }
        throw InvalidRequestException.field("file", "not a participant report this system reads: a Zoom "
                + "participants CSV (columns Name (original name), Email, Join time, Leave time) or a Teams "
                + "attendance report (section 2. Participants)");
    }

    private static ParticipantReport zoom(List<String> lines, int headerLine) {
        List<String> header = split(lines.get(headerLine), ',');
        int name = column(header, headerLine, "name");
        int email = column(header, headerLine, "email");
        int join = column(header, headerLine, "join time");
        int leave = column(header, headerLine, "leave time");
        List<Join> joins = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> row = split(lines.get(i), ',');
            if (row.size() <= Math.max(Math.max(name, email), Math.max(join, leave))) {
                throw InvalidRequestException.field("line " + (i + 1), "has " + row.size() + " columns, the header "
                        + header.size());
            }
            joins.add(new Join(row.get(name), row.get(email), time(row.get(join), i), time(row.get(leave), i), i + 1));
        }
        return of(Format.ZOOM, joins);
    }

    private static ParticipantReport teams(List<String> lines, int headerLine) {
        List<String> header = split(lines.get(headerLine), '\t');
        int name = column(header, headerLine, "name");
        int first = column(header, headerLine, "join");
        int last = column(header, headerLine, "leave");
        int duration = column(header, headerLine, "duration");
        int email = column(header, headerLine, "email");
        List<Join> joins = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size() && !lines.get(i).isBlank()
                && !lines.get(i).matches("\\d+\\. .*"); i++) {
            List<String> row = split(lines.get(i), '\t');
            LocalDateTime from = time(row.get(first), i);
            // Teams reports each participant's total time; first join to last leave brackets the session
            Duration inMeeting = teamsDuration(row.get(duration), i);
            joins.add(new Join(row.get(name), row.get(email), from, from.plus(inMeeting), i + 1));
            joins.add(new Join(null, null, from, time(row.get(last), i), i + 1));
        }
        return of(Format.TEAMS, joins);
    }

    private static ParticipantReport of(Format format, List<Join> joins) {
        Map<LocalDate, LocalDateTime[]> sessions = new TreeMap<>();
        Map<String, List<Join>> byParticipantAndDay = new LinkedHashMap<>();
        for (Join j : joins) {
            if (j.to().isBefore(j.from())) {
                throw InvalidRequestException.field("line " + j.line(), "leaves before it joins");
            }
            LocalDate day = j.from().toLocalDate();
            sessions.merge(day, new LocalDateTime[] {j.from(), j.to()}, (a, b) -> new LocalDateTime[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            if (j.email() != null && !j.email().isBlank()) {
                byParticipantAndDay.computeIfAbsent(j.email().strip().toLowerCase(Locale.ROOT) + "|" + day,
                        k -> new ArrayList<>()).add(j);
            }
        }
        List<Attendance> attendance = new ArrayList<>();
        byParticipantAndDay.forEach((key, list) -> {
            Join firstJoin = list.stream().min(Comparator.comparing(Join::from)).orElseThrow();
            attendance.add(new Attendance(firstJoin.name().strip(), key.substring(0, key.indexOf('|')),
                    firstJoin.from().toLocalDate(), mergedMinutes(list), list.stream().mapToInt(Join::line).min()
                    .orElseThrow()));
        });
        Map<LocalDate, Integer> sessionMinutes = new TreeMap<>();
        sessions.forEach((day, span) -> sessionMinutes.put(day, (int) Duration.between(span[0], span[1]).toMinutes()));
        return new ParticipantReport(format, attendance, sessionMinutes);
    }

    /** Overlapping or repeated joins count once. */
    private static int mergedMinutes(List<Join> joins) {
        List<Join> sorted = joins.stream().sorted(Comparator.comparing(Join::from)).toList();
        long seconds = 0;
        LocalDateTime coveredTo = null;
        for (Join j : sorted) {
            LocalDateTime from = coveredTo != null && coveredTo.isAfter(j.from()) ? coveredTo : j.from();
            if (j.to().isAfter(from)) {
                seconds += Duration.between(from, j.to()).getSeconds();
            }
            coveredTo = coveredTo == null || j.to().isAfter(coveredTo) ? j.to() : coveredTo;
        }
        return (int) (seconds / 60);
    }

    private static String decode(byte[] file) {
        if (file.length >= 2 && (file[0] & 0xff) == 0xff && (file[1] & 0xff) == 0xfe) {
            return new String(file, 2, file.length - 2, StandardCharsets.UTF_16LE);
        }
        if (file.length >= 2 && (file[0] & 0xff) == 0xfe && (file[1] & 0xff) == 0xff) {
            return new String(file, 2, file.length - 2, StandardCharsets.UTF_16BE);
        }
        String text;
        try {
            // Issue 13.6: bytes that are not UTF-8 are refused, not read as replacement characters
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidRequestException.field("file", "not UTF-8 or UTF-16 text: save the report as CSV UTF-8");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int column(List<String> header, int line, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).contains(name)) {
                return i;
            }
        }
        throw InvalidRequestException.field("line " + (line + 1), "the report has no column '" + name + "'");
    }

    private static LocalDateTime time(String text, int line) {
        String value = text.strip();
        for (DateTimeFormatter format : TIMES) {
            try {
                return LocalDateTime.parse(value, format);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        throw InvalidRequestException.field("line " + (line + 1), "'" + value + "' is not a time this report uses");
    }

    private static Duration teamsDuration(String text, int line) {
        Matcher m = TEAMS_DURATION.matcher(text.strip());
        if (text.isBlank() || !m.matches()) {
            throw InvalidRequestException.field("line " + (line + 1), "'" + text + "' is not a duration like 1h 5m 3s");
        }
        return Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2))).plusSeconds(number(m.group(3)));
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    /** One line of a delimited file, with quoted fields ("Hernandez, Ethan") and doubled quotes. */
    static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
