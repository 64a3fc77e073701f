package org.independentstudy.participation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ATT-03: the attendance register of a placement, kept apart from classroom attendance. It is computed from its
 * inputs whenever it is read (synchronous minutes of {@code participation_day}, judged time values of completed
 * {@code assignment}s), so a corrected input recomputes its day by itself; the correction itself is on the case
 * timeline (REC-07). {@link #DAY_INPUTS} reads every case's days set-wise, for reports and the re-engagement sweep.
 */
@Service
@Transactional(readOnly = true)
public class AttendanceRegister {

    /** Per case and day: synchronous minutes attended, work minutes credited, and the case's minimum day (ATT-04). */
    public static final String DAY_INPUTS = """
            select x.case_id, x.register_day, sum(x.synchronous_minutes) as synchronous_minutes,
                   sum(x.work_minutes) as work_minutes, m.minutes as minimum_day_minutes
              from (select case_id, school_day as register_day, synchronous_attended_minutes as synchronous_minutes,
                           0 as work_minutes
                      from participation_day
                    union all
                    select case_id, completed_on, 0, credited_minutes
                      from assignment where credited_minutes is not null) x
              join enrollment e on e.case_id = x.case_id
              join student s on s.id = e.student_id
              join minimum_school_day m on m.policy_code = e.policy_code and m.program = e.program
                                        and m.grade = s.grade
            """;
    private static final String GROUP = " group by x.case_id, x.register_day, m.minutes order by x.register_day";

    /** A day of the register with its inputs. */
    public record RegisterDay(LocalDate day, int synchronousMinutes, int workMinutes, int minimumDayMinutes,
                              BigDecimal value) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    AttendanceRegister(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The days of the case that generated anything, or were recorded, in date order. */
    public List<RegisterDay> daysOf(Long caseId) {
        return jdbc.query(DAY_INPUTS + " where x.case_id = :caseId" + GROUP, new MapSqlParameterSource("caseId", caseId),
                (rs, row) -> {
                    int sync = rs.getInt("synchronous_minutes");
                    int work = rs.getInt("work_minutes");
                    int minimum = rs.getInt("minimum_day_minutes");
                    return new RegisterDay(rs.getObject("register_day", LocalDate.class), sync, work, minimum,
                            RegisterDayValue.of(work, sync, minimum));
                });
    }

    /** The register's value of one day (zero when nothing was generated). */
    public BigDecimal valueOf(Long caseId, LocalDate day) {
        return daysOf(caseId).stream().filter(d -> d.day().equals(day)).map(RegisterDay::value).findFirst()
                .orElse(BigDecimal.ZERO.setScale(RegisterDayValue.SCALE));
    }

    /** The days the placement generated, to two decimals (rounded down). */
    public BigDecimal totalOf(Long caseId) {
        return daysOf(caseId).stream().map(RegisterDay::value).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.DOWN);
    }
}
