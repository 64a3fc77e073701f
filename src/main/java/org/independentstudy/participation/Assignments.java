package org.independentstudy.participation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.independentstudy.agreement.AssignmentDueDatePolicy;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolCalendarException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.participation.Supervisions.SupervisedStudent;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ATT-05, AGR-10: the assignments of a placement. A teacher gives them to the students they supervise, with a due
 * date the policy allows (a longer one waits for a principal's approval, recorded with who and when; none after
 * the placement's last day), then records each completed work product with the time value they judge it worth
 * (ATT-03) and their evaluation. Past due and not completed is missed. All or nothing per call.
 */
@Service
public class Assignments {

    /** The reference under which AGR-10 accepts a due date that still waits for its approval. */
    private static final String AWAITING_APPROVAL = "awaiting a principal's approval";

    private final NamedParameterJdbcTemplate jdbc;
    private final Supervisions supervisions;
    private final AssignmentDueDatePolicy dueDates;
    private final SchoolCalendar calendar;
    private final AttendanceRegister register;
    private final CaseRecord caseRecord;
    private final Clock clock;

    Assignments(NamedParameterJdbcTemplate jdbc, Supervisions supervisions, AssignmentDueDatePolicy dueDates,
                SchoolCalendar calendar, AttendanceRegister register, CaseRecord caseRecord, Clock clock) {
        this.jdbc = jdbc;
        this.supervisions = supervisions;
        this.dueDates = dueDates;
        this.calendar = calendar;
        this.register = register;
        this.caseRecord = caseRecord;
        this.clock = clock;
    }

    /** Gives, completes and evaluates assignments in one call; returns the ids in the order of the entries. */
    @Transactional
    public List<Long> record(String teacher, List<AssignmentEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            throw InvalidRequestException.field("assignments", "at least one assignment");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        List<Runnable> writes = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        Set<Long> closed = supervisions.closedAmong(entries.stream().filter(Objects::nonNull)
                .map(e -> e.caseId() != null ? e.caseId() : find(e.id()).map(AssignmentView::caseId).orElse(null))
                .filter(Objects::nonNull).toList());
        for (int i = 0; i < entries.size(); i++) {
            String row = "assignments[" + i + "].";
            AssignmentEntry entry = entries.get(i);
            int index = i;
            ids.add(null);
            BiConsumer<String, String> problem = (field, text) -> problems.putIfAbsent(row + field, text);
            Long caseOfEntry = entry == null ? null : entry.caseId() != null ? entry.caseId()
                    : find(entry.id()).map(AssignmentView::caseId).orElse(null);
            if (entry == null) {
                problem.accept("id", "an assignment, not null");
            } else if (closed.contains(caseOfEntry)) {
                problem.accept("caseId", ParticipationRecording.CLOSED_CASE.formatted(caseOfEntry));
            } else if (entry.id() == null) {
                checkNew(teacher, entry, problem).ifPresent(student -> writes.add(
                        () -> ids.set(index, insert(teacher, entry, student))));
            } else {
                checkUpdate(teacher, entry, problem).ifPresent(old -> writes.add(() -> {
                    update(teacher, entry, old);
                    ids.set(index, entry.id());
                }));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("ATT-05: " + problems.size() + " problem(s), nothing recorded: "
                    + problems.entrySet().iterator().next(), problems, null);
        }
        writes.forEach(Runnable::run);
        return ids;
    }

    /** AGR-10: a principal approves a due date past the policy's maximum; who, when and why are recorded. */
    @Transactional
    public AssignmentView approve(Long id, String principal, String reason) {
        AssignmentView assignment = find(id).orElseThrow(() -> new NotFoundException("No assignment " + id));
        if (reason == null || reason.isBlank()) {
            throw InvalidRequestException.rule("AGR-10", "reason", "an approval says why the longer period is needed");
        }
        if (!assignment.approvalRequired() || assignment.approvedBy() != null) {
            throw InvalidRequestException.rule("AGR-10", "id", "assignment " + id + " waits for no approval");
        }
        jdbc.update("update assignment set approved_by = :by, approved_at = :at, approval_reason = :reason, "
                + "version = version + 1 where id = :id", new MapSqlParameterSource("id", id).addValue("by", principal)
                .addValue("at", Timestamp.from(clock.instant())).addValue("reason", reason.strip()));
        caseRecord.append(assignment.caseId(), CaseEvent.underRule("AGR-10", "assignmentPeriodApproved",
                "Due date " + assignment.dueOn() + " of \"" + assignment.title() + "\" (assigned "
                        + assignment.assignedOn() + ") approved by " + principal + ": " + reason.strip()));
        return find(id).orElseThrow();
    }

    /** The case's assignments, by assignment date. */
    @Transactional(readOnly = true)
    public List<AssignmentView> ofCase(Long caseId) {
        return jdbc.query(SELECT + " where a.case_id = :caseId order by a.assigned_on, a.id",
                new MapSqlParameterSource("caseId", caseId).addValue("today", today()), Assignments::view);
    }

    private Optional<AssignmentView> find(Long id) {
        return jdbc.query(SELECT + " where a.id = :id", new MapSqlParameterSource("id", id).addValue("today", today()),
                Assignments::view).stream().findFirst();
    }

    private Optional<SupervisedStudent> checkNew(String teacher, AssignmentEntry e, BiConsumer<String, String> problem) {
        if (e.caseId() == null || blank(e.title()) || e.assignedOn() == null || e.dueOn() == null
                || e.timeValueMinutes() == null) {
            requireAll(e, problem);
            return Optional.empty();
        }
        if (e.timeValueMinutes() <= 0) {
            problem.accept("timeValueMinutes", "an assignment is worth at least one minute");
        }
        Optional<SupervisedStudent> student = supervisions.supervisedOn(teacher, e.caseId(), e.assignedOn());
        if (student.isEmpty()) {
            problem.accept("caseId", "case " + e.caseId() + " is not a student " + teacher + " supervises on "
                    + e.assignedOn());
            return Optional.empty();
        }
        String approval = dueDates.needsApproval(e.assignedOn(), e.dueOn()) ? AWAITING_APPROVAL : null;
        dueDates.problemsOf(e.assignedOn(), e.dueOn(), student.get().lastDay(), approval)
                .forEach(text -> problem.accept("dueOn", text));
        checkCompletion(e, e.assignedOn(), student.get(), problem);
        return student;
    }

    private Optional<AssignmentView> checkUpdate(String teacher, AssignmentEntry e, BiConsumer<String, String> problem) {
        Optional<AssignmentView> old = find(e.id()).filter(a -> a.teacher().equals(teacher));
        if (old.isEmpty()) {
            problem.accept("id", "no assignment " + e.id() + " of " + teacher);
            return Optional.empty();
        }
        if (e.completedOn() == null) {
            problem.accept("completedOn", "required: the school day the work product was received");
            return Optional.empty();
        }
        Optional<SupervisedStudent> student = supervisions.supervisedOn(teacher, old.get().caseId(), e.completedOn());
        if (student.isEmpty()) {
            problem.accept("completedOn", e.completedOn() + " is not a day " + teacher + " supervises the student");
            return Optional.empty();
        }
        checkCompletion(e, old.get().assignedOn(), student.get(), problem);
        return old;
    }

    /** The work product is received on a school day of the placement, not in the future; its value is judged. */
    private void checkCompletion(AssignmentEntry e, LocalDate assignedOn, SupervisedStudent student,
                                 BiConsumer<String, String> problem) {
        if (e.completedOn() == null) {
            if (e.creditedMinutes() != null) {
                problem.accept("completedOn", "a time value is judged for a completed work product only");
            }
            return;
        }
        if (e.completedOn().isBefore(assignedOn) || e.completedOn().isAfter(today())) {
            problem.accept("completedOn", "between the assignment date " + assignedOn + " and today");
        } else if (!isSchoolDay(e.completedOn())) {
            problem.accept("completedOn", e.completedOn() + " is not a school day: work is credited to the school "
                    + "day it is received (ATT-03)");
        } else if (e.completedOn().isBefore(student.firstDay()) || e.completedOn().isAfter(student.lastDay())) {
            problem.accept("completedOn", e.completedOn() + " is outside the placement");
        }
        if (e.creditedMinutes() == null || e.creditedMinutes() < 0) {
            problem.accept("creditedMinutes", "required: the time value the teacher judges the work worth (ATT-03)");
        }
        if (blank(e.evaluation())) {
            problem.accept("evaluation", "required: the teacher's evaluation of the work product (ATT-05)");
        }
    }

    private Long insert(String teacher, AssignmentEntry e, SupervisedStudent student) {
        MapSqlParameterSource values = new MapSqlParameterSource().addValue("caseId", e.caseId())
                .addValue("studentId", student.studentId()).addValue("teacher", teacher)
                .addValue("title", e.title().strip()).addValue("assignedOn", e.assignedOn())
                .addValue("dueOn", e.dueOn()).addValue("minutes", e.timeValueMinutes())
                .addValue("approval", dueDates.needsApproval(e.assignedOn(), e.dueOn()))
                .addValue("completedOn", e.completedOn()).addValue("credited", e.creditedMinutes())
                .addValue("evaluation", e.evaluation()).addValue("evaluatedBy", e.completedOn() == null ? null : teacher)
                .addValue("now", Timestamp.from(clock.instant()));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into assignment (case_id, student_id, teacher_username, title, assigned_on, due_on,
                    time_value_minutes, approval_required, completed_on, credited_minutes, evaluation, evaluated_by,
                    recorded_by, recorded_at)
                values (:caseId, :studentId, :teacher, :title, :assignedOn, :dueOn, :minutes, :approval,
                    :completedOn, :credited, :evaluation, :evaluatedBy, :teacher, :now)""", values, key,
                new String[] {"id"});
        return key.getKeyAs(Number.class).longValue();
    }

    private void update(String teacher, AssignmentEntry e, AssignmentView old) {
        LocalDate oldDay = old.completedOn();
        BigDecimal oldDayBefore = oldDay == null ? null : register.valueOf(old.caseId(), oldDay);
        BigDecimal newDayBefore = register.valueOf(old.caseId(), e.completedOn());
        jdbc.update("""
                update assignment set completed_on = :completedOn, credited_minutes = :credited,
                    evaluation = :evaluation, evaluated_by = :teacher, version = version + 1 where id = :id""",
                new MapSqlParameterSource("id", e.id()).addValue("completedOn", e.completedOn())
                        .addValue("credited", e.creditedMinutes()).addValue("evaluation", e.evaluation().strip())
                        .addValue("teacher", teacher));
        if (oldDay == null) {
            return;
        }
        if (Objects.equals(oldDay, e.completedOn()) && Objects.equals(old.creditedMinutes(), e.creditedMinutes())
                && Objects.equals(old.evaluation(), e.evaluation().strip())) {
            return;
        }
        // REC-07: a corrected work product changes the register; the record keeps both values
        StringBuilder text = new StringBuilder("\"" + old.title() + "\" corrected by " + teacher + ": was received "
                + oldDay + ", " + old.creditedMinutes() + " min; now " + e.completedOn() + ", "
                + e.creditedMinutes() + " min. Register " + e.completedOn() + ": " + newDayBefore + " -> "
                + register.valueOf(old.caseId(), e.completedOn()));
        if (!oldDay.equals(e.completedOn())) {
            text.append("; ").append(oldDay).append(": ").append(oldDayBefore).append(" -> ")
                    .append(register.valueOf(old.caseId(), oldDay));
        }
        caseRecord.append(old.caseId(), CaseEvent.underRule("ATT-03", "workProductCorrected", text.toString()));
    }

    private static void requireAll(AssignmentEntry e, BiConsumer<String, String> problem) {
        if (e.caseId() == null) {
            problem.accept("caseId", "required");
        }
        if (blank(e.title())) {
            problem.accept("title", "required");
        }
        if (e.assignedOn() == null) {
            problem.accept("assignedOn", "required");
        }
        if (e.dueOn() == null) {
            problem.accept("dueOn", "required");
        }
        if (e.timeValueMinutes() == null) {
            problem.accept("timeValueMinutes", "required: the minutes the assignment is planned to take");
        }
    }

    private boolean isSchoolDay(LocalDate day) {
        try {
            return calendar.isSchoolDay(day);
        } catch (SchoolCalendarException e) {
            return false;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static final String SELECT = """
            select a.*, (a.completed_on is null and a.due_on < :today) as missed from assignment a""";

    private static AssignmentView view(ResultSet rs, int row) throws SQLException {
        Timestamp approvedAt = rs.getTimestamp("approved_at");
        return new AssignmentView(rs.getLong("id"), rs.getLong("case_id"), rs.getString("title"),
                rs.getString("teacher_username"), rs.getObject("assigned_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getInt("time_value_minutes"),
                rs.getBoolean("approval_required"), rs.getString("approved_by"),
                approvedAt == null ? null : approvedAt.toInstant(), rs.getObject("completed_on", LocalDate.class),
                (Integer) rs.getObject("credited_minutes"), rs.getString("evaluation"), rs.getBoolean("missed"));
    }
}
