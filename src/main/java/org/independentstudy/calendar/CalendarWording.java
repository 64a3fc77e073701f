package org.independentstudy.calendar;

import static org.independentstudy.calendar.CalendarEntryKind.BREAK;
import static org.independentstudy.calendar.CalendarEntryKind.FIRST_DAY;
import static org.independentstudy.calendar.CalendarEntryKind.HOLIDAY;
import static org.independentstudy.calendar.CalendarEntryKind.LAST_DAY;
import static org.independentstudy.calendar.CalendarEntryKind.OTHER;
import static org.independentstudy.calendar.CalendarEntryKind.SCHOOL_DAY;
import static org.independentstudy.calendar.CalendarEntryKind.SCHOOL_MONTH_START;
import static org.independentstudy.calendar.CalendarEntryKind.SEMESTER_2_START;
import static org.independentstudy.calendar.CalendarEntryKind.STAFF_DAY;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The wordings districts use in the event summaries of the calendars they publish (CAL-01): a Google or Outlook
 * export carries summaries only, no categories. One table, read top to bottom; the first row with a phrase in
 * the summary says what the event is. Matching takes whole words and ignores case, accents and punctuation:
 * "Presidents’ Day - NO SCHOOL" reads as "presidents day no school". Add a district's own wording to a row;
 * an event no row recognises stays a school day and makes the import ask for a confirmation.
 */
final class CalendarWording {

    private record Row(CalendarEntryKind kind, List<String> phrases) {
    }

    private static final List<Row> TABLE = List.of(
            // the year's boundaries first: "Last Day of School - Minimum Day" is the last day
            row(SEMESTER_2_START, "second semester begins", "second semester starts", "start of second semester",
                    "first day of second semester", "semester 2 begins", "semester 2 starts", "2nd semester begins",
                    "spring semester begins"),
            row(FIRST_DAY, "first day of school", "first day of instruction", "first day of classes",
                    "first day for students", "first student day", "first day of the school year"),
            row(LAST_DAY, "last day of school", "last day of instruction", "last day of classes",
                    "last day for students", "last student day", "last day of the school year"),
            // ATT-06: a district's attendance months, as attendance calendars write them ("School Month 3 Begins")
            new Row(SCHOOL_MONTH_START, monthStartPhrases()),
            // students attend, whatever else the day is called ("Minimum Day before Thanksgiving")
            row(SCHOOL_DAY, "minimum day", "minimum days", "early release", "early dismissal", "late start",
                    "shortened day", "back to school night", "open house", "picture day", "assembly"),
            row(BREAK, "break", "recess", "vacation"),
            // the holidays public schools close on (EC 37220) and those districts add, as districts write them
            row(HOLIDAY, "new year's", "martin luther king", "mlk", "lincoln day", "lincoln's birthday",
                    "lincoln birthday", "presidents' day", "president's day", "washington day",
                    "washington's birthday", "memorial day", "juneteenth", "independence day", "fourth of july",
                    "4th of july", "labor day", "labour day", "native american day", "columbus day",
                    "indigenous peoples' day", "veterans day", "thanksgiving", "christmas", "cesar chavez",
                    "holiday"),
            // pupil-free days
            row(STAFF_DAY, "pupil free", "non student", "nonstudent", "student free", "teacher work day",
                    "teacher workday", "staff work day", "staff development", "professional development",
                    "professional learning", "in service", "inservice", "teacher preparation", "grading day"),
            row(OTHER, "no school", "no students", "school closed", "schools closed", "district closed", "furlough",
                    "closure"));

    private CalendarWording() {
    }

    /** What a summary says, or empty when no row recognises it. */
    static Optional<CalendarEntryKind> read(String summary) {
        String words = " " + words(summary) + " ";
        return TABLE.stream()
                .filter(row -> row.phrases().stream().anyMatch(phrase -> words.contains(" " + phrase + " ")))
                .map(Row::kind)
                .findFirst();
    }

    /** Lower case words without accents or punctuation; an apostrophe joins ("Lincoln's" is "lincolns"). */
    static String words(String text) {
        String withoutAccents = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutAccents.toLowerCase(Locale.ROOT).replaceAll("['\\u2018\\u2019`]", "").replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static List<String> monthStartPhrases() {
        return java.util.stream.IntStream.rangeClosed(1, 12).boxed().flatMap(n -> java.util.stream.Stream.of(
                "school month " + n + " begins", "school month " + n + " starts", "start of school month " + n,
                "attendance month " + n + " begins", "begin school month " + n, "month " + n + " begins"))
                .toList();
    }

    private static Row row(CalendarEntryKind kind, String... phrases) {
        return new Row(kind, Arrays.stream(phrases).map(CalendarWording::words).toList());
    }
}
