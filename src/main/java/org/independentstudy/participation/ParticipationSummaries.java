package org.independentstudy.participation;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The case view's summary of a placement's participation, register and assignments. */
@Service
@Transactional(readOnly = true)
public class ParticipationSummaries {

    private final NamedParameterJdbcTemplate jdbc;
    private final AttendanceRegister register;
    private final Assignments assignments;

    ParticipationSummaries(NamedParameterJdbcTemplate jdbc, AttendanceRegister register, Assignments assignments) {
        this.jdbc = jdbc;
        this.register = register;
        this.assignments = assignments;
    }

    public ParticipationSummary of(Long caseId) {
        Map<String, Object> days = jdbc.queryForMap("""
                select coalesce(sum(case when status = 'PARTICIPATORY' then 1 else 0 end), 0) as participatory,
                       coalesce(sum(case when status = 'NONPARTICIPATORY' then 1 else 0 end), 0) as nonparticipatory,
                       coalesce(sum(synchronous_offered_minutes), 0) as offered,
                       coalesce(sum(synchronous_attended_minutes), 0) as attended
                  from participation_day where case_id = :caseId""", new MapSqlParameterSource("caseId", caseId));
        List<AssignmentView> given = assignments.ofCase(caseId);
        return new ParticipationSummary(number(days, "participatory"), number(days, "nonparticipatory"),
                number(days, "offered"), number(days, "attended"), register.totalOf(caseId),
                (int) given.stream().filter(a -> a.completedOn() != null).count(),
                (int) given.stream().filter(AssignmentView::missed).count(),
                (int) given.stream().filter(a -> a.completedOn() == null && !a.missed()).count(),
                (int) given.stream().filter(a -> a.approvalRequired() && a.approvedBy() == null).count());
    }

    private static int number(Map<String, Object> row, String column) {
        // column labels come back upper-case from H2 and lower-case from PostgreSQL
        Object value = row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column))
                .map(Map.Entry::getValue).findFirst().orElse(0);
        return ((Number) value).intValue();
    }
}
