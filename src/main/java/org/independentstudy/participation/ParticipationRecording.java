package org.independentstudy.participation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolCalendarException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ATT-01: the one place a school day's participation is recorded, whatever the way in (class-day page, bulk REST,
 * a confirmed LMS import). A call is all or nothing: a row for a day that is not a school day, a day outside the
 * placement, or a student the teacher does not supervise refuses the whole call, naming the row, before anything
 * is written. Built for volume (a district's day in one call): set-wise reads in chunks, batched writes.
 */
@Service
public class ParticipationRecording {

    /** TRN-04, REC-07: a closed case's record is read-only. */
    static final String CLOSED_CASE = "case %d is closed: its record is read-only; a correction is added to its "
            + "timeline (POST /api/cases/{id}/corrections, REC-07)";
    /** Rows per IN list: well below every database's parameter limit. */
    private static final int CHUNK = 1000;
    /** Row problems reported at most; a file of wrong rows does not become a page of errors. */
    private static final int MAX_PROBLEMS = 20;

    private final NamedParameterJdbcTemplate jdbc;
    private final SchoolCalendar calendar;
    private final CaseRecord caseRecord;
    private final Clock clock;
    private final Supervisions supervisions;
    private final AttendanceRegister register;
    private final ApplicationEventPublisher events;

    ParticipationRecording(NamedParameterJdbcTemplate jdbc, SchoolCalendar calendar, CaseRecord caseRecord,
                           Clock clock, Supervisions supervisions, AttendanceRegister register,
                           ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.register = register;
        this.supervisions = supervisions;
        this.calendar = calendar;
        this.caseRecord = caseRecord;
        this.clock = clock;
    }

    /** A teacher records the days of the students they supervise on those days. */
    @Transactional
    public RecordedDays record(String teacher, List<ParticipationEntry> entries) {
        return record(teacher, teacher, entries);
    }

    /**
     * The district records days for any supervised placement (an administrator's bulk load of the teachers'
     * records); the supervision and school-day rules hold as for a teacher.
     */
    @Transactional
    public RecordedDays recordForDistrict(String administrator, List<ParticipationEntry> entries) {
        return record(administrator, null, entries);
    }

    /** What is recorded for the students of a teacher's class on a school day, by case; absent days are absent. */
    @Transactional(readOnly = true)
    public Map<Long, ParticipationEntry> recordedFor(String teacher, String className, LocalDate schoolDay) {
        List<Long> caseIds = supervisions.classDay(teacher, className, schoolDay).stream()
                .map(Supervisions.SupervisedStudent::caseId).toList();
        Map<Long, ParticipationEntry> recorded = new HashMap<>();
        existing(caseIds, schoolDay, schoolDay).forEach((key, day) -> recorded.put(key.caseId(), day.entry()));
        return recorded;
    }

    /** What is recorded for the cases between two days, in no particular order. */
    @Transactional(readOnly = true)
    public List<ParticipationEntry> recordedBetween(Collection<Long> caseIds, LocalDate from, LocalDate to) {
        return existing(caseIds, from, to).values().stream().map(RecordedDay::entry).toList();
    }

    private RecordedDays record(String recorder, String teacher, List<ParticipationEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            throw InvalidRequestException.field("entries", "at least one day to record");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Map<Long, List<Window>> windows = windowsOf(caseIds(entries), teacher);
        Set<Long> closed = supervisions.closedAmong(caseIds(entries));
        Set<DayKey> seen = new HashSet<>();
        for (int i = 0; i < entries.size() && problems.size() < MAX_PROBLEMS; i++) {
            ParticipationEntry entry = entries.get(i);
            if (entry != null && closed.contains(entry.caseId())) {
                problems.put("entries[" + i + "].caseId", CLOSED_CASE.formatted(entry.caseId()));
                continue;
            }
            check(entry, "entries[" + i + "].", windows, teacher, seen, problems::put);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("ATT-01: " + problems.size() + " row(s) refused, nothing recorded: "
                    + problems.entrySet().iterator().next(), problems, "ATT-01");
        }
        LocalDate from = entries.stream().map(ParticipationEntry::schoolDay).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = entries.stream().map(ParticipationEntry::schoolDay).max(LocalDate::compareTo).orElseThrow();
        Map<DayKey, RecordedDay> before = existing(caseIds(entries), from, to);

        List<ParticipationEntry> created = new ArrayList<>();
        List<RecordedDay> corrected = new ArrayList<>();
        List<String> corrections = new ArrayList<>();
        List<BigDecimal> registerBefore = new ArrayList<>();
        int unchanged = 0;
        for (ParticipationEntry entry : entries) {
            ParticipationEntry normal = normalised(entry);
            RecordedDay old = before.get(new DayKey(entry.caseId(), entry.schoolDay()));
            if (old == null) {
                created.add(normal);
            } else if (old.entry().equals(normal)) {
                unchanged++;
            } else {
                corrected.add(new RecordedDay(old.id(), normal));
                corrections.add("Participation of " + entry.schoolDay() + " corrected by " + recorder + ": was "
                        + old.entry().describe() + "; now " + normal.describe());
                registerBefore.add(register.valueOf(entry.caseId(), entry.schoolDay()));
            }
        }
        insert(created, windows, recorder);
        update(corrected, recorder);
        List<ParticipationRecorded.Correction> recordedCorrections = new ArrayList<>();
        for (int i = 0; i < corrected.size(); i++) {
            ParticipationEntry now = corrected.get(i).entry();
            // REC-07: the record keeps what it said before, who changed it, and the register day it recomputed
            String correction = corrections.get(i) + ". Register " + now.schoolDay() + ": " + registerBefore.get(i)
                    + " -> " + register.valueOf(now.caseId(), now.schoolDay());
            caseRecord.append(now.caseId(), CaseEvent.underRule("ATT-01", "participationCorrected", correction));
            recordedCorrections.add(new ParticipationRecorded.Correction(now.caseId(), correction));
        }
        List<ParticipationEntry> nonparticipatory = new ArrayList<>();
        created.stream().filter(e -> e.status() == ParticipationStatus.NONPARTICIPATORY).forEach(nonparticipatory::add);
        corrected.stream().filter(d -> d.entry().status() == ParticipationStatus.NONPARTICIPATORY
                        && before.get(new DayKey(d.entry().caseId(), d.entry().schoolDay())).entry().status()
                        != ParticipationStatus.NONPARTICIPATORY)
                .forEach(d -> nonparticipatory.add(d.entry()));
        events.publishEvent(new ParticipationRecorded(recorder, nonparticipatory, recordedCorrections));
        return new RecordedDays(created.size(), corrected.size(), unchanged);
    }

    private void check(ParticipationEntry e, String row, Map<Long, List<Window>> windows, String teacher,
                       Set<DayKey> seen, BiConsumer<String, String> problem) {
        if (e == null) {
            problem.accept(row.substring(0, row.length() - 1), "a day to record, not null");
            return;
        }
        if (e.caseId() == null) {
            problem.accept(row + "caseId", "required");
            return;
        }
        if (e.schoolDay() == null) {
            problem.accept(row + "schoolDay", "required");
            return;
        }
        if (e.status() == null) {
            problem.accept(row + "status", "required: PARTICIPATORY or NONPARTICIPATORY");
        } else if (e.status() == ParticipationStatus.NONPARTICIPATORY && blank(e.nonparticipatoryReason())) {
            problem.accept(row + "nonparticipatoryReason", "a nonparticipatory day needs its reason");
        }
        if (e.synchronousOfferedMinutes() < 0 || e.synchronousAttendedMinutes() < 0) {
            problem.accept(row + "synchronousOfferedMinutes", "minutes are never negative");
        } else if (e.synchronousAttendedMinutes() > e.synchronousOfferedMinutes()) {
            problem.accept(row + "synchronousAttendedMinutes", e.synchronousAttendedMinutes()
                    + " minutes attended, but only " + e.synchronousOfferedMinutes() + " offered");
        }
        for (int j = 0; j < e.liveInteractions().size(); j++) {
            checkInteraction(e.liveInteractions().get(j), row + "liveInteractions[" + j + "].", problem);
        }
        if (!seen.add(new DayKey(e.caseId(), e.schoolDay()))) {
            problem.accept(row + "schoolDay", "case " + e.caseId() + " and " + e.schoolDay() + " twice in one call");
        }
        if (!isSchoolDay(e.schoolDay())) {
            problem.accept(row + "schoolDay", e.schoolDay() + " is not a school day of the district calendar");
            return;
        }
        List<Window> ofCase = windows.getOrDefault(e.caseId(), List.of());
        if (ofCase.isEmpty()) {
            problem.accept(row + "caseId", teacher == null ? "case " + e.caseId() + " has no active placement"
                    : "case " + e.caseId() + " is not a student " + teacher + " supervises");
        } else if (ofCase.stream().noneMatch(w -> w.contains(e.schoolDay()))) {
            Window w = ofCase.get(0);
            problem.accept(row + "schoolDay", e.schoolDay() + " is outside the placement (" + w.firstDay() + " to "
                    + w.lastDay() + ")");
        }
    }

    private static void checkInteraction(LiveInteraction i, String field,
                                         BiConsumer<String, String> problem) {
        if (i == null || blank(i.staffUsername())) {
            problem.accept(field + "staffUsername", "required: who interacted with the student");
        } else if (i.method() == null) {
            problem.accept(field + "method", "required: IN_PERSON, VIDEO or PHONE");
        } else if (i.minutes() <= 0) {
            problem.accept(field + "minutes", "a live interaction lasts at least one minute");
        } else if (blank(i.purpose())) {
            problem.accept(field + "purpose", "required: what the interaction was for");
        }
    }

    private boolean isSchoolDay(LocalDate day) {
        try {
            return calendar.isSchoolDay(day);
        } catch (SchoolCalendarException e) {
            return false; // a day of no loaded school year (summer, a year not imported) is no school day
        }
    }

    /** The days each case is supervised (by the teacher, or by anyone for the district): one query per chunk. */
    private Map<Long, List<Window>> windowsOf(Collection<Long> caseIds, String teacher) {
        Map<Long, List<Window>> windows = new HashMap<>();
        String sql = """
                select s.case_id, s.student_id, s.starts_on,
                       case when e.ended_on is not null and e.ended_on < s.ends_on then e.ended_on else s.ends_on end
                           as last_day
                  from supervision s join enrollment e on e.case_id = s.case_id
                 where s.case_id in (:ids)""" + (teacher == null ? "" : " and s.teacher_username = :teacher");
        inChunks(caseIds, chunk -> jdbc.query(sql, new MapSqlParameterSource("ids", chunk).addValue("teacher", teacher),
                rs -> {
                    windows.computeIfAbsent(rs.getLong("case_id"), id -> new ArrayList<>()).add(new Window(
                            rs.getLong("student_id"), rs.getObject("starts_on", LocalDate.class),
                            rs.getObject("last_day", LocalDate.class)));
                }));
        return windows;
    }

    private Map<DayKey, RecordedDay> existing(Collection<Long> caseIds, LocalDate from, LocalDate to) {
        Map<DayKey, RecordedDay> days = new HashMap<>();
        Map<Long, List<LiveInteraction>> interactions = new HashMap<>();
        inChunks(caseIds, chunk -> {
            MapSqlParameterSource params = new MapSqlParameterSource("ids", chunk).addValue("from", from)
                    .addValue("to", to);
            jdbc.query("""
                    select i.participation_day_id, i.staff_username, i.method, i.minutes, i.purpose
                      from live_interaction i join participation_day d on d.id = i.participation_day_id
                     where d.case_id in (:ids) and d.school_day between :from and :to order by i.id""", params, rs -> {
                interactions.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new LiveInteraction(
                        rs.getString(2), InteractionMethod.valueOf(rs.getString(3)), rs.getInt(4), rs.getString(5)));
            });
            jdbc.query("""
                    select id, case_id, school_day, status, nonparticipatory_reason, synchronous_offered_minutes,
                           synchronous_attended_minutes
                      from participation_day where case_id in (:ids) and school_day between :from and :to""",
                    params, rs -> {
                        long id = rs.getLong("id");
                        LocalDate day = rs.getObject("school_day", LocalDate.class);
                        days.put(new DayKey(rs.getLong("case_id"), day), new RecordedDay(id, new ParticipationEntry(
                                rs.getLong("case_id"), day, ParticipationStatus.valueOf(rs.getString("status")),
                                rs.getString("nonparticipatory_reason"), rs.getInt("synchronous_offered_minutes"),
                                rs.getInt("synchronous_attended_minutes"), interactions.getOrDefault(id, List.of()))));
                    });
        });
        return days;
    }

    private void insert(List<ParticipationEntry> created, Map<Long, List<Window>> windows, String recorder) {
        Timestamp now = Timestamp.from(clock.instant());
        List<MapSqlParameterSource> rows = new ArrayList<>(created.size());
        List<MapSqlParameterSource> interactions = new ArrayList<>();
        for (ParticipationEntry e : created) {
            rows.add(values(e, recorder, now).addValue("studentId", windows.get(e.caseId()).get(0).studentId()));
            e.liveInteractions().forEach(i -> interactions.add(interaction(i).addValue("caseId", e.caseId())
                    .addValue("day", e.schoolDay())));
        }
        jdbc.batchUpdate("""
                insert into participation_day (case_id, student_id, school_day, status, nonparticipatory_reason,
                    synchronous_offered_minutes, synchronous_attended_minutes, recorded_by, recorded_at)
                values (:caseId, :studentId, :day, :status, :reason, :offered, :attended, :recorder, :now)""",
                rows.toArray(MapSqlParameterSource[]::new));
        insertInteractions(interactions);
    }

    private void update(List<RecordedDay> corrected, String recorder) {
        Timestamp now = Timestamp.from(clock.instant());
        List<MapSqlParameterSource> rows = new ArrayList<>();
        List<MapSqlParameterSource> interactions = new ArrayList<>();
        for (RecordedDay day : corrected) {
            ParticipationEntry e = day.entry();
            rows.add(values(e, recorder, now).addValue("id", day.id()));
            e.liveInteractions().forEach(i -> interactions.add(interaction(i).addValue("caseId", e.caseId())
                    .addValue("day", e.schoolDay())));
        }
        jdbc.batchUpdate("""
                update participation_day set status = :status, nonparticipatory_reason = :reason,
                    synchronous_offered_minutes = :offered, synchronous_attended_minutes = :attended,
                    recorded_by = :recorder, recorded_at = :now, version = version + 1
                 where id = :id""", rows.toArray(MapSqlParameterSource[]::new));
        // the day's interactions are replaced as a whole; what they were is on the timeline entry (REC-07)
        jdbc.batchUpdate("delete from live_interaction where participation_day_id = :id",
                rows.stream().map(r -> new MapSqlParameterSource("id", r.getValue("id")))
                        .toArray(MapSqlParameterSource[]::new));
        insertInteractions(interactions);
    }

    private void insertInteractions(List<MapSqlParameterSource> interactions) {
        jdbc.batchUpdate("""
                insert into live_interaction (participation_day_id, staff_username, method, minutes, purpose)
                select d.id, :staff, :method, :minutes, :purpose from participation_day d
                 where d.case_id = :caseId and d.school_day = :day""",
                interactions.toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource values(ParticipationEntry e, String recorder, Timestamp now) {
        return new MapSqlParameterSource().addValue("caseId", e.caseId()).addValue("day", e.schoolDay())
                .addValue("status", e.status().name()).addValue("reason", e.nonparticipatoryReason())
                .addValue("offered", e.synchronousOfferedMinutes())
                .addValue("attended", e.synchronousAttendedMinutes()).addValue("recorder", recorder)
                .addValue("now", now);
    }

    private static MapSqlParameterSource interaction(LiveInteraction i) {
        return new MapSqlParameterSource().addValue("staff", i.staffUsername()).addValue("method", i.method().name())
                .addValue("minutes", i.minutes()).addValue("purpose", i.purpose());
    }

    /** A participatory day has no reason: a stale one from the form is not recorded. */
    private static ParticipationEntry normalised(ParticipationEntry e) {
        String reason = e.status() == ParticipationStatus.PARTICIPATORY ? null : e.nonparticipatoryReason().strip();
        return new ParticipationEntry(e.caseId(), e.schoolDay(), e.status(), reason, e.synchronousOfferedMinutes(),
                e.synchronousAttendedMinutes(), e.liveInteractions());
    }

    private static Set<Long> caseIds(List<ParticipationEntry> entries) {
        Set<Long> ids = new HashSet<>();
        entries.forEach(e -> {
            if (e != null && e.caseId() != null) {
                ids.add(e.caseId());
            }
        });
        return ids;
    }

    private static void inChunks(Collection<Long> ids, Consumer<List<Long>> work) {
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            work.accept(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private record DayKey(Long caseId, LocalDate day) {
    }

    private record RecordedDay(long id, ParticipationEntry entry) {
    }

    /** The days a case is supervised: from the first countable day to the last (an early end included). */
    private record Window(long studentId, LocalDate firstDay, LocalDate lastDay) {
        boolean contains(LocalDate day) {
            return !day.isBefore(firstDay) && !day.isAfter(lastDay);
        }
    }
}
