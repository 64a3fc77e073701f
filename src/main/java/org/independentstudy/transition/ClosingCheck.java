package org.independentstudy.transition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TRN-04: a placement that ran closes with its records complete: a fully signed agreement (AGR-09), the day's
 * participation for every school day of the placement (ATT-01, which feeds the register, ATT-03), and an outcome
 * for every formal evaluation (ATT-07). What is missing goes to a counselor, who completes it or closes the case
 * with the gaps explained; the case never closes silently.
 */
@Service
public class ClosingCheck {

    /** How many missing days the list names before it only counts them. */
    private static final int DAYS_NAMED = 10;

    private final NamedParameterJdbcTemplate jdbc;
    private final SchoolCalendar calendar;
    private final CaseRecord caseRecord;

    ClosingCheck(NamedParameterJdbcTemplate jdbc, SchoolCalendar calendar, CaseRecord caseRecord) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.caseRecord = caseRecord;
    }

    /** What the records of the placement, ending on its last day, still lack; empty when they are complete. */
    @Transactional(readOnly = true)
    public List<String> missingRecords(Long caseId, LocalDate lastDay) {
        MapSqlParameterSource params = new MapSqlParameterSource("caseId", caseId);
        LocalDate firstDay = jdbc.queryForObject("select activated_on from enrollment where case_id = :caseId", params,
                LocalDate.class);
        List<String> missing = new ArrayList<>();
        if (firstDay == null) {
            return missing; // never active: no day, register or evaluation to keep
        }
        if (jdbc.queryForObject("""
                select count(*) from agreement_version v join written_agreement a on a.id = v.agreement_id
                 where a.case_id = :caseId and v.status = 'FULLY_SIGNED'""", params, Integer.class) == 0) {
            missing.add("AGR-09: no fully signed written agreement");
        }
        Set<LocalDate> recorded = new HashSet<>(jdbc.queryForList("select school_day from participation_day "
                + "where case_id = :caseId", params, LocalDate.class));
        List<LocalDate> unrecorded = lastDay.isBefore(firstDay) ? List.of() : calendar
                .schoolDaysBetween(firstDay, lastDay).stream().filter(day -> !recorded.contains(day)).toList();
        if (!unrecorded.isEmpty()) {
            missing.add("ATT-01: no participation recorded for " + unrecorded.size() + " school day(s): "
                    + String.join(", ", unrecorded.stream().limit(DAYS_NAMED).map(LocalDate::toString).toList())
                    + (unrecorded.size() > DAYS_NAMED ? ", ..." : ""));
        }
        jdbc.queryForList("select month_first_day from progress_evaluation where case_id = :caseId "
                + "and formal_evaluation = true and outcome is null", params, LocalDate.class)
                .forEach(month -> missing.add("ATT-07: the formal evaluation of the month from " + month
                        + " has no outcome"));
        return missing;
    }

    /**
     * TRN-04: when the missing records are due: the case was to close with them on its last day, so by the end of
     * the next school day. After the school year's last day they are due as that day ends: the year's records close
     * with it, and the next year's calendar may not be loaded yet (CAL-03).
     */
    public Date recordsDueAt(LocalDate lastDay) {
        LocalDate yearsLastDay = calendar.lastSchoolDayOfYear(lastDay);
        return calendar.endOfSchoolDay(lastDay.isBefore(yearsLastDay) ? calendar.addSchoolDays(lastDay, 1)
                : yearsLastDay);
    }

    /** TRN-04: the counselor closes the case with the records still incomplete; why goes on the record. */
    @Transactional
    public void closeWithGaps(Long caseId, List<String> missing, String by, String why) {
        if (why == null || why.isBlank()) {
            throw InvalidRequestException.rule("TRN-04", "closingNote", "why the case closes with its records "
                    + "incomplete");
        }
        caseRecord.append(caseId, CaseEvent.underRule("TRN-04", "closedWithGaps", "Closed by " + by + " with its "
                + "records incomplete (" + String.join("; ", missing) + "): " + why.strip()));
    }
}
