package org.independentstudy.reengagement;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.enrollment.PlacementClosed;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.participation.ParticipationRecorded;
import org.independentstudy.people.GuardianContactHistory;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.CurrentActor;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * REE-05..10: a student's re-engagement from the sweep that opened it to its end: one open per student (REE-10),
 * its triggers, tiers, contact check, outreach plan, conference and the principal's decision, each on the case
 * timeline with who and when. A correction that takes the ground from under every trigger withdraws it.
 */
@Service
@Transactional
public class Reengagements {

    /** Tiers as the overview shows them, in order. */
    public enum Tier { CONTACT_CHECK, OUTREACH, IMPROVEMENT_WINDOW, CONFERENCE, PRINCIPAL_DECISION, FOLLOW_UP, ENDED }

    /** REE-09: the principal's decision. */
    public enum Decision { CONTINUE, CONTINUE_WITH_REVISED_AGREEMENT, RETURN_TO_IN_PERSON, REFER }

    public record Outcome(int opened, int joined) {
    }

    /** A re-engagement as the process and the API read it. */
    public record Reengagement(Long id, Long caseId, Long studentId, Long schoolId, String schoolYear,
                               LocalDate openedOn, String tier, String outcome, boolean open) {
    }

    public record ContactUpdate(Long guardianId, String email, String phone) {
    }

    public record Referral(String service, String provider, String notes) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseRecord caseRecord;
    private final SchoolCalendar calendar;
    private final ReengagementProcesses processes;
    private final CurrentActor actor;
    private final Clock clock;
    private final TriggerFindings triggers;
    private final GuardianContactHistory contactHistory;

    Reengagements(NamedParameterJdbcTemplate jdbc, CaseRecord caseRecord, SchoolCalendar calendar,
                  ReengagementProcesses processes, CurrentActor actor, Clock clock, TriggerFindings triggers,
                  GuardianContactHistory contactHistory) {
        this.triggers = triggers;
        this.contactHistory = contactHistory;
        this.jdbc = jdbc;
        this.caseRecord = caseRecord;
        this.calendar = calendar;
        this.processes = processes;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * REE-10: each triggered case joins its student's open re-engagement or opens one; a trigger already on the open
     * re-engagement adds nothing. Opened re-engagements start their process.
     */
    Outcome openOrJoin(LocalDate day, Map<Long, List<TriggerFindings.Finding>> findingsByCase) {
        if (findingsByCase.isEmpty()) {
            return new Outcome(0, 0);
        }
        Map<Long, Long> open = openByCase(findingsByCase.keySet());
        List<Long> opened = new ArrayList<>();
        String schoolYear = calendar.schoolYearOf(day).label();
        for (Map.Entry<Long, List<TriggerFindings.Finding>> entry : findingsByCase.entrySet()) {
            if (!open.containsKey(entry.getKey())) {
                TriggerFindings.Finding first = entry.getValue().get(0);
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.update("""
                        insert into reengagement (case_id, student_id, school_id, school_year, opened_on,
                            open_student_id, tier)
                        values (:caseId, :studentId, :schoolId, :year, :day, :studentId, 'CONTACT_CHECK')""",
                        new MapSqlParameterSource("caseId", first.caseId()).addValue("studentId", first.studentId())
                                .addValue("schoolId", first.schoolId()).addValue("year", schoolYear)
                                .addValue("day", day), key, new String[] {"id"});
                Long id = Objects.requireNonNull(key.getKey()).longValue();
                open.put(entry.getKey(), id);
                opened.add(entry.getKey());
            }
        }
        Set<String> present = triggersOf(open.values());
        List<TriggerFindings.Finding> all = findingsByCase.values().stream().flatMap(List::stream)
                .filter(f -> !present.contains(open.get(f.caseId()) + "/" + f.ruleId() + "/" + f.sourceKey())).toList();
        // plain rows the driver batches into few statements; the unique key still guards against a racing run
        jdbc.batchUpdate("""
                insert into reengagement_trigger (reengagement_id, case_id, rule_id, source_key, found_on, measured,
                    required)
                values (:reengagementId, :caseId, :ruleId, :sourceKey, :day, :measured, :required)""", all.stream()
                .map(f -> new MapSqlParameterSource("reengagementId", open.get(f.caseId())).addValue("caseId", f.caseId())
                        .addValue("ruleId", f.ruleId()).addValue("sourceKey", f.sourceKey()).addValue("day", day)
                        .addValue("measured", f.measured(), Types.INTEGER)
                        .addValue("required", f.required(), Types.INTEGER))
                .toArray(SqlParameterSource[]::new));
        Map<Long, List<String>> added = new HashMap<>();
        all.forEach(f -> added.computeIfAbsent(f.caseId(), id -> new ArrayList<>()).add(TriggerWording.of(f)));
        int joined = 0;
        for (Map.Entry<Long, List<String>> entry : added.entrySet()) {
            Long caseId = entry.getKey();
            if (opened.contains(caseId)) {
                caseRecord.append(caseId, CaseEvent.underRule(entry.getValue().get(0).substring(0, 6),
                        "reengagementOpened", "Re-engagement opened by the sweep after " + day + ": "
                                + String.join("; ", entry.getValue())));
                processes.start(caseId, open.get(caseId));
            } else {
                joined++;
                caseRecord.append(caseId, CaseEvent.underRule("REE-10", "reengagementTriggerJoined",
                        "The sweep after " + day + " found a new trigger; it joins the open re-engagement: "
                                + String.join("; ", entry.getValue())));
            }
        }
        return new Outcome(opened.size(), joined);
    }

    /** The triggers already on these re-engagements, as "reengagement/rule/source". */
    private Set<String> triggersOf(java.util.Collection<Long> reengagementIds) {
        Set<String> present = new java.util.HashSet<>();
        List<Long> ids = List.copyOf(reengagementIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.query("select reengagement_id, rule_id, source_key from reengagement_trigger where reengagement_id in (:ids)",
                    new MapSqlParameterSource("ids", ids.subList(i, Math.min(ids.size(), i + 1000))),
                    rs -> {
                        present.add(rs.getLong("reengagement_id") + "/" + rs.getString("rule_id") + "/"
                                + rs.getString("source_key"));
                    });
        }
        return present;
    }

    private Map<Long, Long> openByCase(java.util.Collection<Long> caseIds) {
        Map<Long, Long> open = new HashMap<>();
        List<Long> ids = List.copyOf(caseIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.query("select case_id, id from reengagement where open_student_id is not null and case_id in (:ids)",
                    new MapSqlParameterSource("ids", ids.subList(i, Math.min(ids.size(), i + 1000))),
                    rs -> {
                        open.put(rs.getLong("case_id"), rs.getLong("id"));
                    });
        }
        return open;
    }

    @Transactional(readOnly = true)
    public Reengagement get(Long id) {
        return jdbc.query("select * from reengagement where id = :id", new MapSqlParameterSource("id", id),
                (rs, row) -> new Reengagement(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("student_id"),
                        rs.getLong("school_id"), rs.getString("school_year"),
                        rs.getObject("opened_on", LocalDate.class), rs.getString("tier"), rs.getString("outcome"),
                        rs.getObject("open_student_id") != null)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No re-engagement " + id));
    }

    /** The triggers of a re-engagement as the case record words them. */
    @Transactional(readOnly = true)
    public List<String> triggersOf(Long id) {
        return jdbc.query("select * from reengagement_trigger where reengagement_id = :id order by id",
                new MapSqlParameterSource("id", id), (rs, row) -> TriggerWording.of(new TriggerFindings.Finding(
                        rs.getLong("case_id"), null, null, rs.getString("rule_id"), rs.getString("source_key"),
                        rs.getObject("measured", Integer.class), rs.getObject("required", Integer.class)))
                        + (rs.getTimestamp("withdrawn_at") == null ? "" : " (withdrawn)"));
    }

    /** The step the re-engagement stands at and its due time, for the overview (REE-05..09). */
    public void enterTier(Long id, Tier tier, Date due) {
        jdbc.update("update reengagement set tier = :tier, step_due_at = :due where id = :id and ended_at is null",
                new MapSqlParameterSource("id", id).addValue("tier", tier.name())
                        .addValue("due", due == null ? null : new Timestamp(due.getTime()), Types.TIMESTAMP));
    }

    /** REE-05: the counselor verified the contacts; a changed e-mail or phone updates the guardian, history kept. */
    public void verifyContacts(Long id, List<ContactUpdate> updates, String notes) {
        Reengagement reengagement = get(id);
        List<String> changes = new ArrayList<>();
        for (ContactUpdate update : updates == null ? List.<ContactUpdate>of() : updates) {
            Map<String, Object> guardian = jdbc.queryForList("""
                    select full_name, email, phone from guardian where id = :id and student_id = :student""",
                    new MapSqlParameterSource("id", update.guardianId()).addValue("student",
                            reengagement.studentId())).stream().findFirst()
                    .orElseThrow(() -> InvalidRequestException.rule("REE-05", "contacts",
                            "guardian " + update.guardianId() + " is not a guardian of this student"));
            String email = blankToNull(update.email());
            String phone = blankToNull(update.phone());
            if (Objects.equals(email, guardian.get("email")) && Objects.equals(phone, guardian.get("phone"))) {
                continue;
            }
            contactHistory.record(new GuardianContactHistory.ContactChange(update.guardianId(),
                    (String) guardian.get("email"), (String) guardian.get("phone"), email, phone, actor.username(),
                    clock.instant(), id));
            jdbc.update("update guardian set email = :email, phone = :phone where id = :id",
                    new MapSqlParameterSource("id", update.guardianId()).addValue("email", email, Types.VARCHAR)
                            .addValue("phone", phone, Types.VARCHAR));
            changes.add(guardian.get("full_name") + ": e-mail " + guardian.get("email") + " -> " + email + ", phone "
                    + guardian.get("phone") + " -> " + phone);
        }
        caseRecord.append(reengagement.caseId(), CaseEvent.underRule("REE-05", "contactInformationVerified",
                "Contact information of the student and parents verified; " + (changes.isEmpty() ? "unchanged"
                        : "changed: " + String.join("; ", changes)) + suffix(notes)));
    }

    /** REE-07: the outreach plan: the needs assessed and each referral, with who and when. */
    public void recordOutreachPlan(Long id, String needsAssessment, List<Referral> referrals) {
        if (needsAssessment == null || needsAssessment.isBlank()) {
            throw InvalidRequestException.rule("REE-07", "needsAssessment", "required: the student's needs as assessed");
        }
        Reengagement reengagement = get(id);
        LocalDate today = LocalDate.now(clock.withZone(calendar.districtZone()));
        List<String> referred = new ArrayList<>();
        for (Referral referral : referrals == null ? List.<Referral>of() : referrals) {
            if (referral.service() == null || referral.provider() == null || referral.provider().isBlank()) {
                throw InvalidRequestException.rule("REE-07", "referrals", "each referral names its service and provider");
            }
            jdbc.update("""
                    insert into reengagement_referral (reengagement_id, service, provider, notes, referred_by,
                        referred_on)
                    values (:id, :service, :provider, :notes, :by, :on)""", new MapSqlParameterSource("id", id)
                    .addValue("service", referral.service()).addValue("provider", referral.provider())
                    .addValue("notes", referral.notes(), Types.VARCHAR).addValue("by", actor.username())
                    .addValue("on", today));
            referred.add(referral.service() + " (" + referral.provider() + ")");
        }
        caseRecord.append(reengagement.caseId(), CaseEvent.underRule("REE-07", "outreachPlanned",
                "Outreach plan: needs assessed: " + needsAssessment.strip() + "; referrals: "
                        + (referred.isEmpty() ? "none" : String.join(", ", referred))));
    }

    /** REE-08: whether an attendance trigger of the student still holds on the latest school day up to today. */
    @Transactional(readOnly = true)
    public boolean stillTriggered(Long id) {
        return !triggers.attendanceTriggersOn(LocalDate.now(clock.withZone(calendar.districtZone())),
                get(id).caseId()).isEmpty();
    }

    /** REE-08: re-engagements of the student opened in this school year, this one included. */
    @Transactional(readOnly = true)
    public int reengagementsThisSchoolYear(Long id) {
        Reengagement reengagement = get(id);
        return jdbc.queryForObject("""
                select count(*) from reengagement where student_id = :student and school_year = :year""",
                new MapSqlParameterSource("student", reengagement.studentId()).addValue("year",
                        reengagement.schoolYear()), Integer.class);
    }

    /** REE-08: the conference held, with who took part. */
    public void recordConference(Long id, LocalDate heldOn, String participants, String notes) {
        if (heldOn == null) {
            throw InvalidRequestException.rule("REE-08", "conferenceHeldOn", "required: the day it was held");
        }
        LocalDate today = LocalDate.now(clock.withZone(calendar.districtZone()));
        if (heldOn.isAfter(today)) {
            throw InvalidRequestException.rule("REE-08", "conferenceHeldOn", heldOn + " is in the future (today is "
                    + today + "): a conference is recorded once it was held");
        }
        caseRecord.append(get(id).caseId(), CaseEvent.underRule("REE-08", "reengagementConferenceHeld",
                "Student-parent-educator conference held on " + heldOn + " with " + participants
                        + "; the written agreement and the program's impact were reviewed" + suffix(notes)));
    }

    /** REE-09: the principal's decision, with who and when. */
    public void decide(Long id, Decision decision, String notes) {
        if (decision == null) {
            throw InvalidRequestException.rule("REE-09", "reengagementDecision",
                    "required: CONTINUE, CONTINUE_WITH_REVISED_AGREEMENT, RETURN_TO_IN_PERSON or REFER");
        }
        Reengagement reengagement = get(id);
        jdbc.update("""
                update reengagement set outcome = :outcome, decided_by = :by, decided_at = :now,
                       decision_notes = :notes where id = :id""", new MapSqlParameterSource("id", id)
                .addValue("outcome", decision.name()).addValue("by", actor.username())
                .addValue("now", Timestamp.from(clock.instant())).addValue("notes", notes, Types.VARCHAR));
        caseRecord.append(reengagement.caseId(), CaseEvent.underRule("REE-09", "reengagementDecided",
                "The principal decided: " + TriggerWording.of(decision) + suffix(notes)));
    }

    /** The re-engagement ends; the student may have another one later (REE-10). */
    public void end(Long id, String outcome, String description) {
        Reengagement reengagement = get(id);
        int ended = jdbc.update("""
                update reengagement set open_student_id = null, tier = 'ENDED', step_due_at = null,
                       ended_at = :now, outcome = coalesce(outcome, :outcome) where id = :id and ended_at is null""",
                new MapSqlParameterSource("id", id).addValue("outcome", outcome)
                        .addValue("now", Timestamp.from(clock.instant())));
        if (ended == 1) {
            caseRecord.append(reengagement.caseId(), CaseEvent.underRule("REE-10", "reengagementEnded", description));
        }
    }

    /**
     * Corrections: when a correction leaves none of an open re-engagement's triggers holding on the day each was
     * found, the triggers are withdrawn with the correction named, and the re-engagement ends. Notices already
     * sent stay on record. Violations (REE-03) and evaluations (REE-04) are not attendance and keep it open.
     */
    @EventListener
    public void onParticipationRecorded(ParticipationRecorded recorded) {
        Map<Long, List<String>> byCase = new HashMap<>();
        recorded.corrections().forEach(c -> byCase.computeIfAbsent(c.caseId(), id -> new ArrayList<>())
                .add(c.description()));
        byCase.forEach(this::withdrawIfNoLongerHolds);
    }

    private void withdrawIfNoLongerHolds(Long caseId, List<String> corrections) {
        List<Map<String, Object>> open = jdbc.queryForList("""
                select t.id, t.reengagement_id, t.rule_id, t.found_on from reengagement_trigger t
                  join reengagement r on r.id = t.reengagement_id
                 where r.case_id = :caseId and r.open_student_id is not null and t.withdrawn_at is null""",
                new MapSqlParameterSource("caseId", caseId));
        if (open.isEmpty() || open.stream().anyMatch(t -> !isAttendance((String) t.get("rule_id")))) {
            return;
        }
        for (Map<String, Object> trigger : open) {
            LocalDate foundOn = ((java.sql.Date) trigger.get("found_on")).toLocalDate();
            boolean holds = triggers.findings(triggers.sweepDay(foundOn), caseId).stream()
                    .anyMatch(f -> f.ruleId().equals(trigger.get("rule_id")));
            if (holds) {
                return;
            }
        }
        Long reengagementId = ((Number) open.get(0).get("reengagement_id")).longValue();
        String because = String.join("; ", corrections);
        jdbc.update("""
                update reengagement_trigger set withdrawn_at = :now, withdrawn_because = :because
                 where reengagement_id = :id and withdrawn_at is null""", new MapSqlParameterSource("id", reengagementId)
                .addValue("now", Timestamp.from(clock.instant()))
                .addValue("because", because.substring(0, Math.min(1000, because.length()))));
        end(reengagementId, "TRIGGER_WITHDRAWN", "Trigger withdrawn: after the correction (" + because
                + ") the attendance no longer meets it; the re-engagement ends. Notices already sent stay on record.");
        processes.withdraw(reengagementId);
    }

    /** TRN-04: the case closed; an open re-engagement ends with it and its process stops. */
    @EventListener
    public void onPlacementClosed(PlacementClosed closed) {
        jdbc.queryForList("select id from reengagement where case_id = :caseId and open_student_id is not null",
                new MapSqlParameterSource("caseId", closed.caseId()), Long.class).forEach(id -> {
                    end(id, "CASE_CLOSED", "The placement ended on " + closed.lastDay()
                            + "; the open re-engagement ends with it");
                    processes.cancel(id, "the placement ended");
                });
    }

    /** A step passed its due time: principals now see it too, and the record says so (REE-05..09). */
    public void stepOverdue(Long id, String step, Date due) {
        caseRecord.append(get(id).caseId(), CaseEvent.underRule("REE-09", "reengagementStepOverdue",
                "The step \"" + step + "\" was not done by " + (due == null ? "its due time" : due.toInstant())
                        + "; escalated to the principal"));
    }

    /** REE-05: the guardians of the student with their current contacts, for the counselor's check. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> contactsOf(Long id) {
        return jdbc.queryForList("select id, full_name, relationship, email, phone from guardian where student_id = :s "
                + "order by id", new MapSqlParameterSource("s", get(id).studentId()));
    }

    /** A re-engagement still open, for a step that must not run on an ended one. */
    public void requireOpen(Long id) {
        if (!get(id).open()) {
            throw new ConflictException("Re-engagement " + id + " has ended");
        }
    }

    private static boolean isAttendance(String ruleId) {
        return ruleId.equals("REE-01") || ruleId.equals("REE-02");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String suffix(String notes) {
        return notes == null || notes.isBlank() ? "" : ". Notes: " + notes.strip();
    }
}
