package org.independentstudy.participation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolCalendarException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.participation.ParticipantReport.Attendance;
import org.independentstudy.records.Sha256;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ATT-01: a participant report only suggests synchronous minutes; the teacher of record confirms them through
 * {@link ParticipationRecording}, and the suggestion stays beside what was confirmed. A file is imported once: the
 * same file again changes nothing. A row for a non-school day, a day outside the placement or a student the teacher
 * does not supervise refuses the whole file, naming its line; participants who are no student (guests, staff) are
 * listed, not guessed.
 */
@Service
public class ParticipationImports {

    /** What a file suggests for one student's day, and what the teacher confirmed (null until then). */
    public record Suggestion(Long caseId, String studentNumber, LocalDate schoolDay, int offeredMinutes,
                             int attendedMinutes, Integer confirmedMinutes) {
    }

    public record Imported(Long importId, boolean alreadyImported, String format, List<Suggestion> suggestions,
                           List<String> unmatched) {
    }

    /** The teacher's correction of a suggestion before confirming it. */
    public record Correction(Long caseId, LocalDate schoolDay, int attendedMinutes) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Supervisions supervisions;
    private final ParticipationRecording recording;
    private final SchoolCalendar calendar;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ParticipationImports(NamedParameterJdbcTemplate jdbc, Supervisions supervisions, ParticipationRecording recording,
                         SchoolCalendar calendar, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.supervisions = supervisions;
        this.recording = recording;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Issue 13.5: the same file sent twice at the same moment is one import; the loser of the race answers as for
     * the same file sent again later.
     */
    public Imported importReport(String teacher, String fileName, byte[] file) {
        if (file == null || file.length == 0) {
            throw InvalidRequestException.field("file", "an empty file");
        }
        String sha256 = Sha256.hex(file);
        try {
            return transaction.execute(status -> earlierImport(teacher, sha256)
                    .orElseGet(() -> newImport(teacher, fileName, file, sha256)));
        } catch (DuplicateKeyException sameFileAtTheSameMoment) {
            return transaction.execute(status -> earlierImport(teacher, sha256)
                    .orElseThrow(() -> sameFileAtTheSameMoment));
        }
    }

    private Optional<Imported> earlierImport(String teacher, String sha256) {
        return jdbc.queryForList("select id from participation_import where teacher = :teacher and file_sha256 = :sha",
                new MapSqlParameterSource("teacher", teacher).addValue("sha", sha256), Long.class).stream()
                .findFirst().map(earlier -> new Imported(earlier, true, format(earlier), suggestionsOf(earlier),
                        List.of()));
    }

    private Imported newImport(String teacher, String fileName, byte[] file, String sha256) {
        ParticipantReport report = ParticipantReport.parse(file);
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        List<Suggestion> suggestions = new ArrayList<>();
        for (Attendance a : report.attendance()) {
            Optional<Long> student = studentWithEmail(a.email());
            if (student.isEmpty()) {
                unmatched.add(a.name() + " <" + a.email() + "> on " + a.day());
                continue;
            }
            String line = "line " + a.line();
            if (!isSchoolDay(a.day())) {
                problems.putIfAbsent(line, a.day() + " is not a school day of the district calendar");
                continue;
            }
            Optional<Supervisions.SupervisedStudent> supervised = supervisions.studentsOf(teacher, a.day()).stream()
                    .filter(s -> s.studentId() == student.get().longValue()).findFirst();
            if (supervised.isEmpty()) {
                problems.putIfAbsent(line, a.name() + " is not a student " + teacher + " supervises in independent "
                        + "study on " + a.day());
                continue;
            }
            int offered = report.sessionMinutes().get(a.day());
            suggestions.add(new Suggestion(supervised.get().caseId(), supervised.get().studentNumber(), a.day(),
                    offered, Math.min(a.minutes(), offered), null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("ATT-01: the report was not imported: " + problems.entrySet()
                    .iterator().next(), problems, "ATT-01");
        }
        Long importId = insert(teacher, fileName, sha256, report.format());
        jdbc.batchUpdate("""
                insert into participation_suggestion (import_id, case_id, school_day, offered_minutes, attended_minutes)
                values (:importId, :caseId, :day, :offered, :attended)""", suggestions.stream()
                .map(s -> new MapSqlParameterSource("importId", importId).addValue("caseId", s.caseId())
                        .addValue("day", s.schoolDay()).addValue("offered", s.offeredMinutes())
                        .addValue("attended", s.attendedMinutes())).toArray(MapSqlParameterSource[]::new));
        return new Imported(importId, false, report.format().name(), suggestionsOf(importId), unmatched);
    }

    /**
     * The teacher confirms the suggestions of an import, as they are or corrected: each day is recorded as
     * participatory with the confirmed minutes attended and the session offered; what else the day recorded
     * (live interactions) stays. Confirming again changes nothing.
     */
    @Transactional
    public Imported confirm(String teacher, Long importId, List<Correction> corrections) {
        // Issue 13.5: the same confirmation sent twice at once waits here for the other, then finds nothing open
        if (!jdbc.queryForList("select teacher from participation_import where id = :id for update",
                new MapSqlParameterSource("id", importId), String.class).contains(teacher)) {
            throw new NotFoundException("No participant report " + importId + " imported by " + teacher);
        }
        Map<String, Integer> corrected = new HashMap<>();
        (corrections == null ? List.<Correction>of() : corrections).forEach(c ->
                corrected.put(c.caseId() + "|" + c.schoolDay(), c.attendedMinutes()));
        List<Suggestion> open = suggestionsOf(importId).stream().filter(s -> s.confirmedMinutes() == null).toList();
        if (open.isEmpty()) {
            return new Imported(importId, true, format(importId), suggestionsOf(importId), List.of());
        }
        Map<String, ParticipationEntry> recorded = new HashMap<>();
        recording.recordedBetween(open.stream().map(Suggestion::caseId).distinct().toList(),
                open.stream().map(Suggestion::schoolDay).min(LocalDate::compareTo).orElseThrow(),
                open.stream().map(Suggestion::schoolDay).max(LocalDate::compareTo).orElseThrow())
                .forEach(e -> recorded.put(e.caseId() + "|" + e.schoolDay(), e));
        List<ParticipationEntry> entries = new ArrayList<>();
        List<MapSqlParameterSource> confirmations = new ArrayList<>();
        for (Suggestion s : open) {
            String key = s.caseId() + "|" + s.schoolDay();
            int attended = corrected.getOrDefault(key, s.attendedMinutes());
            ParticipationEntry before = recorded.get(key);
            int offered = Math.max(s.offeredMinutes(), before == null ? 0 : before.synchronousOfferedMinutes());
            entries.add(new ParticipationEntry(s.caseId(), s.schoolDay(), ParticipationStatus.PARTICIPATORY, null,
                    offered, attended, before == null ? List.of() : before.liveInteractions()));
            confirmations.add(new MapSqlParameterSource("importId", importId).addValue("caseId", s.caseId())
                    .addValue("day", s.schoolDay()).addValue("minutes", attended).addValue("teacher", teacher)
                    .addValue("now", Timestamp.from(clock.instant())));
        }
        recording.record(teacher, entries);
        jdbc.batchUpdate("""
                update participation_suggestion set confirmed_minutes = :minutes, confirmed_by = :teacher,
                    confirmed_at = :now
                 where import_id = :importId and case_id = :caseId and school_day = :day""",
                confirmations.toArray(MapSqlParameterSource[]::new));
        return new Imported(importId, false, format(importId), suggestionsOf(importId), List.of());
    }

    private Long insert(String teacher, String fileName, String sha256, ParticipantReport.Format format) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into participation_import (teacher, file_name, file_sha256, format, imported_at)
                values (:teacher, :fileName, :sha, :format, :now)""", new MapSqlParameterSource("teacher", teacher)
                .addValue("fileName", fileName == null || fileName.isBlank() ? "participants.csv"
                        : fileName.substring(0, Math.min(300, fileName.length())))
                .addValue("sha", sha256).addValue("format", format.name())
                .addValue("now", Timestamp.from(clock.instant())), key, new String[] {"id"});
        return key.getKeyAs(Number.class).longValue();
    }

    private List<Suggestion> suggestionsOf(Long importId) {
        return jdbc.query("""
                select p.case_id, st.student_number, p.school_day, p.offered_minutes, p.attended_minutes,
                       p.confirmed_minutes
                  from participation_suggestion p join is_case c on c.id = p.case_id join student st on st.id = c.student_id
                 where p.import_id = :id order by p.school_day, st.student_number""",
                new MapSqlParameterSource("id", importId), (rs, row) -> new Suggestion(rs.getLong("case_id"),
                        rs.getString("student_number"), rs.getObject("school_day", LocalDate.class),
                        rs.getInt("offered_minutes"), rs.getInt("attended_minutes"),
                        (Integer) rs.getObject("confirmed_minutes")));
    }

    private String format(Long importId) {
        return jdbc.queryForObject("select format from participation_import where id = :id",
                new MapSqlParameterSource("id", importId), String.class);
    }

    private Optional<Long> studentWithEmail(String email) {
        return jdbc.queryForList("select id from student where lower(email) = :email",
                new MapSqlParameterSource("email", email), Long.class).stream().findFirst();
    }

    private boolean isSchoolDay(LocalDate day) {
        try {
            return calendar.isSchoolDay(day);
        } catch (SchoolCalendarException e) {
            return false;
        }
    }
}
