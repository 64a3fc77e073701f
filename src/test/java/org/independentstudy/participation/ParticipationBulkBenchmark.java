package org.independentstudy.participation;

import java.io.StringReader;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.independentstudy.support.PostgresIntegrationTest;
import org.independentstudy.support.StatewidePlacements;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ATT-01 at a state's scale: one school day for 277,000 students (California's independent-study enrolment order
 * of magnitude) through the bulk import on PostgreSQL, next to a bare {@code COPY} of the same rows in the same run.
 * Run with {@code ./mvnw -q test -Pbenchmark}; prints figures, asserts nothing.
 */
class ParticipationBulkBenchmark extends PostgresIntegrationTest {

    private static final int STUDENTS = 277_000;
    private static final LocalDate IMPORTED = LocalDate.of(2027, 2, 2);
    private static final LocalDate COPIED = LocalDate.of(2027, 2, 3);

    @Autowired
    StatewidePlacements statewide;
    @Autowired
    ParticipationRecording recording;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void oneSchoolDayForTheState() throws Exception {
        statewide.generate(1, STUDENTS);
        List<Long> caseIds = jdbc.queryForList("select case_id from supervision where teacher_username = 'bench' "
                + "order by case_id", Long.class);
        List<ParticipationEntry> entries = new ArrayList<>(caseIds.size());
        caseIds.forEach(id -> entries.add(new ParticipationEntry(id, IMPORTED, ParticipationStatus.PARTICIPATORY,
                null, 60, 45, List.of())));

        long start = System.nanoTime();
        RecordedDays recorded = recording.recordForDistrict("admin", entries);
        long imported = System.nanoTime() - start;

        StringBuilder rows = new StringBuilder();
        jdbc.query("select case_id, student_id from supervision where teacher_username = 'bench'", rs -> {
            rows.append(rs.getLong(1)).append(',').append(rs.getLong(2)).append(',').append(COPIED)
                    .append(",PARTICIPATORY,,60,45,admin,2027-02-03 16:00:00+00\n");
        });
        start = System.nanoTime();
        long copiedRows;
        try (Connection connection = dataSource.getConnection()) {
            copiedRows = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy participation_day (case_id, "
                    + "student_id, school_day, status, nonparticipatory_reason, synchronous_offered_minutes, "
                    + "synchronous_attended_minutes, recorded_by, recorded_at) from stdin with (format csv)",
                    new StringReader(rows.toString()));
        }
        long copied = System.nanoTime() - start;

        System.out.printf("BENCHMARK %-60s %9d rows %10.2f s  (%d created)%n",
                "ATT-01 bulk import: one school day through ParticipationRecording", entries.size(), imported / 1e9,
                recorded.created());
        System.out.printf("BENCHMARK %-60s %9d rows %10.2f s%n", "bare COPY of the same rows into participation_day",
                copiedRows, copied / 1e9);
        System.out.printf("BENCHMARK %-60s %9.1f x%n", "bulk import / COPY", (double) imported / copied);
    }

}
