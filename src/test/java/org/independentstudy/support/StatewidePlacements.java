package org.independentstudy.support;

import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Placements at a state's scale for the benchmarks (PostgreSQL): grade-9 students with an active, long-term,
 * traditional placement 2027-01-11..03-26 supervised by the teacher "bench", generated set-wise from one placement
 * made through the real services. Their cases are opened by "bench"; their student numbers are B1, B2...
 */
@Component
public class StatewidePlacements {

    public static final String TEACHER = "bench";

    private final ActivePlacements activePlacements;
    private final JdbcTemplate jdbc;

    StatewidePlacements(ActivePlacements activePlacements, JdbcTemplate jdbc) {
        this.activePlacements = activePlacements;
        this.jdbc = jdbc;
    }

    /** Students number {@code first} to {@code first + count - 1} with their placements. */
    public void generate(int first, int count) {
        ActivePlacement template = activePlacements.traditional("S100011", "teacher");
        Long version = jdbc.queryForObject("select agreement_version_id from supervision where case_id = ?",
                Long.class, template.caseId());
        Long school = template.student().getSchoolId();
        jdbc.update("""
                insert into student (student_number, first_name, last_name, birth_date, grade, street, city,
                                     postal_code, school_id)
                select 'B' || g, 'Student', 'Number ' || g, date '2011-05-01', '9', '1 Main St', 'Long Beach',
                       '90802', ? from generate_series(?, ?) g""", school, first, first + count - 1);
        jdbc.update("""
                insert into is_case (student_id, school_id, phase, opened_at, opened_by)
                select s.id, s.school_id, 'ACTIVE', now(), 'bench' from student s
                 where s.student_number like 'B%' and not exists (select 1 from is_case c where c.student_id = s.id)""");
        jdbc.update("""
                insert into enrollment (case_id, student_id, requested_by_student, requester_name, received_via,
                    received_on, received_by, reason, requested_start, projected_end, preferred_placement,
                    conference_requested, advocate_requested, needs_device, needs_internet_access,
                    suspension_referral, classroom_alternative_offered, medical_treatment, program, long_term,
                    long_term_from, policy_code, activated_on)
                select c.id, c.student_id, false, 'Parent', 'PHONE', date '2027-01-04', 'bench', 'Bench',
                       date '2027-01-11', date '2027-03-26', 'LONG_TERM', false, false, false, false, 'NONE', false,
                       false, 'TRADITIONAL', true, date '2027-01-11', 'BP6158-2022', date '2027-01-11'
                  from is_case c where c.opened_by = 'bench'
                   and not exists (select 1 from enrollment e where e.case_id = c.id)""");
        jdbc.update("""
                insert into supervision (case_id, student_id, school_id, agreement_version_id, teacher_username,
                                         class_name, starts_on, ends_on)
                select c.id, c.student_id, c.school_id, ?, 'bench', 'Independent study', date '2027-01-11',
                       date '2027-03-26'
                  from is_case c where c.opened_by = 'bench'
                   and not exists (select 1 from supervision s where s.case_id = c.id)""", version);
        jdbc.execute("analyze");
    }
}
