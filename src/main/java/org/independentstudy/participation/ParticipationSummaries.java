package org.independentstudy.participation;

import java.util.List;
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
        int[] days = jdbc.queryForObject("""
                select coalesce(sum(case when status = 'PARTICIPATORY' then 1 else 0 end), 0) as participatory,
                       coalesce(sum(case when status = 'NONPARTICIPATORY' then 1 else 0 end), 0) as nonparticipatory,
                       coalesce(sum(synchronous_offered_minutes), 0) as offered,
                       coalesce(sum(synchronous_attended_minutes), 0) as attended
                  from participation_day where case_id = :caseId""", new MapSqlParameterSource("caseId", caseId),
                (rs, row) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)});
        List<AssignmentView> given = assignments.ofCase(caseId);
        return new ParticipationSummary(days[0], days[1], days[2], days[3], register.totalOf(caseId),
                (int) given.stream().filter(a -> a.completedOn() != null).count(),
                (int) given.stream().filter(AssignmentView::missed).count(),
                (int) given.stream().filter(a -> a.completedOn() == null && !a.missed()).count(),
                (int) given.stream().filter(a -> a.approvalRequired() && a.approvedBy() == null).count());
    }
}
