package org.independentstudy.progress;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolCalendarException;
import org.independentstudy.calendar.SchoolMonth;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.participation.AttendanceRegister;
import org.independentstudy.participation.Supervisions;
import org.independentstudy.policy.DistrictPolicies;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ATT-06..08: the monthly progress evaluation of an active placement. Once per school month of the placement the
 * supervising teacher judges the four indicators with the month's data prefilled; progress that is not
 * satisfactory, or the policy's number of missed assignments, starts the formal evaluation (ATT-07), whose
 * outcome is recorded. Each evaluation is a mandatory interim student record kept three years (ATT-08).
 */
@Service
public class ProgressEvaluations {

    /** ATT-08: how long the written record of an evaluation is kept, from the evaluation date. */
    public static final int RETENTION_YEARS = 3;

    /** A school month of the placement due for evaluation, and the teacher who evaluates it. */
    public record MonthToEvaluate(String schoolYear, int number, LocalDate firstDay, LocalDate lastDay,
                                  String teacher) {
    }

    /** What recording an evaluation decided. */
    public record Recorded(Long evaluationId, boolean formalEvaluation) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SchoolCalendar calendar;
    private final AttendanceRegister register;
    private final DistrictPolicies policies;
    private final CaseRecord caseRecord;
    private final Clock clock;

    ProgressEvaluations(NamedParameterJdbcTemplate jdbc, SchoolCalendar calendar, AttendanceRegister register,
                        DistrictPolicies policies, CaseRecord caseRecord, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.register = register;
        this.policies = policies;
        this.caseRecord = caseRecord;
        this.clock = clock;
    }

    /**
     * The school month to evaluate next: the one the placement's first day falls in, else the one after the month
     * that ended on {@code previousMonthLastDay}. Empty when that month does not end before the placement's last
     * day: the placement's final weeks are judged when the case closes (TRN-04), not by a task the close cancels.
     */
    @Transactional(readOnly = true)
    public Optional<MonthToEvaluate> nextMonth(Long caseId, LocalDate previousMonthLastDay) {
        Object[] placement = jdbc.queryForObject("""
                select min(s.starts_on) as first_day,
                       max(case when e.ended_on is not null and e.ended_on < s.ends_on then e.ended_on
                                else s.ends_on end) as last_day,
                       max(case when s.class_name = :traditional then s.teacher_username end) as supervising,
                       min(s.teacher_username) as any_teacher
                  from supervision s join enrollment e on e.case_id = s.case_id
                 where s.case_id = :caseId""", new MapSqlParameterSource("caseId", caseId)
                .addValue("traditional", Supervisions.TRADITIONAL_CLASS), (rs, row) -> new Object[] {
                rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                rs.getString("supervising") != null ? rs.getString("supervising") : rs.getString("any_teacher")});
        LocalDate firstDay = (LocalDate) placement[0];
        LocalDate lastDay = (LocalDate) placement[1];
        if (firstDay == null) {
            return Optional.empty();
        }
        try {
            LocalDate inMonth = previousMonthLastDay == null ? calendar.firstSchoolDayOnOrAfter(firstDay)
                    : calendar.addSchoolDays(previousMonthLastDay, 1);
            SchoolMonth month = calendar.schoolMonthOf(inMonth);
            if (!month.lastDay().isBefore(lastDay)) {
                return Optional.empty();
            }
            return Optional.of(new MonthToEvaluate(month.schoolYear(), month.number(),
                    month.firstDay().isBefore(firstDay) ? firstDay : month.firstDay(), month.lastDay(),
                    (String) placement[2]));
        } catch (SchoolCalendarException e) {
            return Optional.empty(); // the next month lies in a school year not loaded: past the placement anyway
        }
    }

    /** ATT-06: the month's data, prefilled for the teacher. */
    @Transactional(readOnly = true)
    public ProgressIndicators indicatorsOf(Long caseId, LocalDate first, LocalDate last) {
        MapSqlParameterSource params = new MapSqlParameterSource("caseId", caseId).addValue("first", first)
                .addValue("last", last);
        int[] assignments = jdbc.queryForObject("""
                select coalesce(sum(case when completed_on between :first and :last then 1 else 0 end), 0) as completed,
                       coalesce(sum(case when completed_on is null and due_on between :first and :last then 1 else 0 end), 0)
                           as missed
                  from assignment where case_id = :caseId""", params, ProgressEvaluations::twoCounts);
        int[] days = jdbc.queryForObject("""
                select coalesce(sum(case when status = 'PARTICIPATORY' then 1 else 0 end), 0) as participatory,
                       coalesce(sum(case when status = 'NONPARTICIPATORY' then 1 else 0 end), 0) as nonparticipatory
                  from participation_day where case_id = :caseId and school_day between :first and :last""", params,
                ProgressEvaluations::twoCounts);
        BigDecimal registerDays = register.daysOf(caseId).stream()
                .filter(d -> !d.day().isBefore(first) && !d.day().isAfter(last))
                .map(AttendanceRegister.RegisterDay::value).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, java.math.RoundingMode.DOWN);
        return new ProgressIndicators(first, last, assignments[0], assignments[1], days[0], days[1], registerDays,
                policies.inForceOn(first).getMissedAssignmentsForEvaluation());
    }

    /** ATT-06, ATT-07, ATT-08: the teacher's evaluation of the month, kept three years. */
    @Transactional
    public Recorded record(Long caseId, MonthToEvaluate month, String teacher, ProgressJudgement judgement) {
        ProgressIndicators data = indicatorsOf(caseId, month.firstDay(), month.lastDay());
        boolean formal = !judgement.satisfactory() || data.missedTooMany();
        LocalDate today = LocalDate.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into progress_evaluation (case_id, student_id, school_year, school_month, month_first_day,
                    month_last_day, teacher_username, evaluated_on, evaluated_at, achievement_and_engagement,
                    assignments_and_assessments, concepts_learned, progress_toward_completion, notes,
                    assignments_completed, assignments_missed, participatory_days, nonparticipatory_days,
                    register_days, satisfactory, formal_evaluation, retain_until)
                select c.id, c.student_id, :year, :month, :first, :last, :teacher, :today, :now, :achievement,
                    :assignments, :concepts, :completion, :notes, :completed, :missed, :participatory,
                    :nonparticipatory, :registerDays, :satisfactory, :formal, :retainUntil
                  from is_case c where c.id = :caseId""", new MapSqlParameterSource("caseId", caseId)
                .addValue("year", month.schoolYear()).addValue("month", month.number())
                .addValue("first", month.firstDay()).addValue("last", month.lastDay()).addValue("teacher", teacher)
                .addValue("today", today).addValue("now", Timestamp.from(clock.instant()))
                .addValue("achievement", judgement.achievementAndEngagement())
                .addValue("assignments", judgement.assignmentsAndAssessments())
                .addValue("concepts", judgement.conceptsLearned())
                .addValue("completion", judgement.progressTowardCompletion()).addValue("notes", judgement.notes())
                .addValue("completed", data.assignmentsCompleted()).addValue("missed", data.assignmentsMissed())
                .addValue("participatory", data.participatoryDays())
                .addValue("nonparticipatory", data.nonparticipatoryDays())
                .addValue("registerDays", data.registerDays()).addValue("satisfactory", judgement.satisfactory())
                .addValue("formal", formal).addValue("retainUntil", today.plusYears(RETENTION_YEARS)), key,
                new String[] {"id"});
        String why = judgement.satisfactory() ? "" : " Progress is not satisfactory.";
        if (data.missedTooMany()) {
            why += " " + data.assignmentsMissed() + " assignments missed (the policy's number is "
                    + data.missedAssignmentsForEvaluation() + ").";
        }
        caseRecord.append(caseId, CaseEvent.underRule(formal ? "ATT-07" : "ATT-06", "progressEvaluated",
                "School month " + month.number() + " (" + month.firstDay() + " to " + month.lastDay() + ") evaluated by "
                        + teacher + ": " + (formal ? "a formal evaluation follows." + why : "satisfactory progress.")
                        + " Record kept until " + today.plusYears(RETENTION_YEARS) + " (ATT-08)."));
        return new Recorded(key.getKeyAs(Number.class).longValue(), formal);
    }

    /** ATT-07: the formal evaluation's decision, by whom and why. */
    @Transactional
    public void recordOutcome(Long evaluationId, EvaluationOutcome outcome, String by, String notes) {
        if (outcome == null) {
            throw InvalidRequestException.rule("ATT-07", "evaluationOutcome", "choose what the evaluation decides");
        }
        if (notes == null || notes.isBlank()) {
            throw InvalidRequestException.rule("ATT-07", "outcomeNotes", "the written record says why");
        }
        int updated = jdbc.update("""
                update progress_evaluation set outcome = :outcome, outcome_by = :by, outcome_at = :now,
                    outcome_notes = :notes where id = :id and formal_evaluation = true and outcome is null""",
                new MapSqlParameterSource("id", evaluationId).addValue("outcome", outcome.name()).addValue("by", by)
                        .addValue("now", Timestamp.from(clock.instant())).addValue("notes", notes.strip()));
        if (updated != 1) {
            throw new IllegalStateException("ATT-07: evaluation " + evaluationId + " has no open formal evaluation");
        }
        Long caseId = jdbc.queryForObject("select case_id from progress_evaluation where id = :id",
                new MapSqlParameterSource("id", evaluationId), Long.class);
        caseRecord.append(caseId, CaseEvent.underRule("ATT-07", "evaluationDecided", "Formal evaluation decided by "
                + by + ": " + wording(outcome) + ". " + notes.strip()));
    }

    /** ATT-07: what a counselor did to follow up a formal evaluation (the letter mailed, the referral made...). */
    @Transactional
    public void recordFollowUp(Long caseId, String step, String by, String note) {
        if (note == null) {
            throw InvalidRequestException.rule("ATT-07", "followUpNote", "say what was done");
        }
        caseRecord.append(caseId, CaseEvent.underRule("ATT-07", "evaluationFollowedUp", step + ", by " + by + ": "
                + note));
    }

    /** The case's evaluations with their notices, oldest first. */
    @Transactional(readOnly = true)
    public List<ProgressEvaluationView> ofCase(Long caseId) {
        return jdbc.query("select * from progress_evaluation where case_id = :caseId order by month_first_day",
                new MapSqlParameterSource("caseId", caseId), (rs, row) -> {
                    long id = rs.getLong("id");
                    String outcome = rs.getString("outcome");
                    return new ProgressEvaluationView(id, rs.getString("school_year"), rs.getInt("school_month"),
                            rs.getObject("month_first_day", LocalDate.class),
                            rs.getObject("month_last_day", LocalDate.class), rs.getString("teacher_username"),
                            rs.getObject("evaluated_on", LocalDate.class), rs.getBoolean("satisfactory"),
                            rs.getBoolean("formal_evaluation"), rs.getInt("assignments_completed"),
                            rs.getInt("assignments_missed"), rs.getBigDecimal("register_days"),
                            outcome == null ? null : EvaluationOutcome.valueOf(outcome), rs.getString("outcome_by"),
                            rs.getObject("retain_until", LocalDate.class), noticesOf(id));
                });
    }

    private List<ProgressEvaluationView.Notice> noticesOf(long evaluationId) {
        return jdbc.query("select * from evaluation_notice where evaluation_id = :id order by id",
                new MapSqlParameterSource("id", evaluationId), (rs, row) -> new ProgressEvaluationView.Notice(
                        rs.getString("recipient_name"), rs.getString("recipient_role"), rs.getString("channel"),
                        rs.getString("status")));
    }

    static String wording(EvaluationOutcome outcome) {
        return switch (outcome) {
            case REMAIN -> "the student remains in independent study";
            case REMAIN_WITH_REVISED_AGREEMENT -> "the student remains, with a revised written agreement";
            case RETURN_TO_IN_PERSON -> "the student returns to in-person instruction";
            case REFER -> "the student is referred for further support";
        };
    }

    private static int[] twoCounts(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new int[] {rs.getInt(1), rs.getInt(2)};
    }
}
