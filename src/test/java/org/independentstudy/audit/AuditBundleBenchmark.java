package org.independentstudy.audit;

import java.util.List;
import org.independentstudy.benchmark.Figures;
import org.independentstudy.support.PostgresIntegrationTest;
import org.independentstudy.support.StatewidePlacements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit bundles of every student of a school of 2,000 independent-study students on PostgreSQL: each with its
 * signed agreement (rendered to PDF), signatures, 20 school days of participation and register, and timeline.
 * Prints the time per bundle. Run with {@code ./mvnw -q test -Pbenchmark}; prints figures, asserts nothing.
 */
class AuditBundleBenchmark extends PostgresIntegrationTest {

    private static final int STUDENTS = 2_000;

    @Autowired
    StatewidePlacements statewide;
    @Autowired
    AuditBundles bundles;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void bundlesOfASchool() {
        statewide.generate(1, STUDENTS);
        copyTheTemplateAgreement();
        jdbc.update("""
                insert into participation_day (case_id, student_id, school_day, status, synchronous_offered_minutes,
                    synchronous_attended_minutes, recorded_by, recorded_at)
                select c.id, c.student_id, d.day, 'PARTICIPATORY', 240, 200, 'bench', now()
                  from is_case c
                  cross join (select cast(date '2027-01-11' + g as date) as day from generate_series(0, 27) g) d
                 where c.opened_by = 'bench' and extract(isodow from d.day) < 6 and d.day not in
                       (date '2027-01-15', date '2027-01-18')""");
        jdbc.update("""
                insert into case_timeline_entry (case_id, recorded_at, actor, step, description, rule_id)
                select c.id, now(), 'bench', 'participationRecorded', 'A month of participation recorded', 'ATT-01'
                  from is_case c cross join generate_series(1, 10) g where c.opened_by = 'bench'""");
        jdbc.execute("analyze");
        List<String> numbers = jdbc.queryForList("select student_number from student where student_number like 'B%' "
                + "order by id", String.class);

        long[] nanos = new long[numbers.size()];
        long bytes = 0;
        long start = System.nanoTime();
        for (int i = 0; i < numbers.size(); i++) {
            long t = System.nanoTime();
            bytes += bundles.bundle(bundles.student(numbers.get(i))).length;
            nanos[i] = System.nanoTime() - t;
        }
        long total = System.nanoTime() - start;
        Figures.report("REC audit bundle per student, a school of " + numbers.size(), numbers.size(), total, nanos,
                bytes);
        System.out.printf("BENCHMARK %-60s %9.1f s  (%d KB per bundle)%n", "all bundles of the school", total / 1e9,
                bytes / numbers.size() / 1024);
    }

    /** Each generated case gets a signed copy of the template placement's agreement and its signatures. */
    private void copyTheTemplateAgreement() {
        Long template = jdbc.queryForObject("""
                select a.id from written_agreement a join is_case c on c.id = a.case_id
                 where c.opened_by <> 'bench' order by a.id desc fetch first 1 rows only""", Long.class);
        jdbc.update("""
                insert into written_agreement (case_id, kind, program, long_term, placement_start, placement_end,
                    policy_code, suspended_or_expelled_referral, classroom_alternative_offered, created_at, created_by)
                select c.id, a.kind, a.program, a.long_term, a.placement_start, a.placement_end, a.policy_code,
                       a.suspended_or_expelled_referral, a.classroom_alternative_offered, now(), 'bench'
                  from is_case c cross join written_agreement a where a.id = ? and c.opened_by = 'bench'""", template);
        jdbc.update("""
                insert into agreement_version (agreement_id, version_number, content, content_sha256, status,
                    created_at, created_by, fully_signed_at, signature_count)
                select w.id, v.version_number, v.content, v.content_sha256, v.status, v.created_at, 'bench',
                       v.fully_signed_at, v.signature_count
                  from written_agreement w cross join agreement_version v
                 where w.created_by = 'bench' and v.agreement_id = ?""", template);
        jdbc.update("""
                insert into agreement_signature (agreement_version_id, signer_role, signer_identity, signer_name,
                    method, signed_at, content_sha256)
                select nv.id, s.signer_role, s.signer_identity, s.signer_name, s.method, s.signed_at, s.content_sha256
                  from agreement_version nv join written_agreement w on w.id = nv.agreement_id
                  join agreement_version tv on tv.agreement_id = ? and tv.version_number = nv.version_number
                  join agreement_signature s on s.agreement_version_id = tv.id
                 where w.created_by = 'bench'""", template);
    }
}
