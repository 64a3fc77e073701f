package org.independentstudy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.participation.ParticipationEntry;
import org.independentstudy.participation.ParticipationRecording;
import org.independentstudy.participation.ParticipationStatus;
import org.independentstudy.reengagement.ReengagementSweep;
import org.independentstudy.reengagement.TriggerFindings;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.springframework.stereotype.Component;

/**
 * The steps of a re-engagement (process tiered-reengagement) as counselors and principals take them in Tasklist,
 * for the tests of phase 4. A test bean of the shared context.
 */
@Component
public class ReengagementWalk {

    /** Friday 2027-01-22: placements from {@link ActivePlacements#START} have 8 school days by then. */
    public static final LocalDate SWEPT_DAY = LocalDate.of(2027, 1, 22);

    private final ReengagementSweep sweep;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final ParticipationRecording recording;
    private final SchoolCalendar calendar;

    ReengagementWalk(ReengagementSweep sweep, RuntimeService runtime, TaskService tasks, ManagementService management,
                     IdentityService identity, ParticipationRecording recording, SchoolCalendar calendar) {
        this.recording = recording;
        this.calendar = calendar;
        this.sweep = sweep;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
    }

    /** The sweep after {@code day}, run in its evening. */
    public ReengagementSweep.SweepReport sweepAfter(LocalDate day) {
        FixedEngineClock.setClock(ZonedDateTime.of(day.atTime(19, 0), FixedEngineClock.DISTRICT));
        return sweep.sweep(day, "admin");
    }

    /** The sweep's findings for one placement. */
    public List<TriggerFindings.Finding> findingsOf(ReengagementSweep.SweepReport report, ActivePlacement placement) {
        return report.findings().stream().filter(f -> f.caseId().equals(placement.caseId())).toList();
    }

    /** The school days the placements of {@link ActivePlacements#START} have up to {@code day}. */
    public List<LocalDate> placedDays(LocalDate day) {
        return calendar.schoolDaysBetween(ActivePlacements.START, day);
    }

    /** Participatory days up to 2027-01-22 (8 school days) with 240 synchronous minutes offered and those attended. */
    public void recordDays(ActivePlacement placement, Integer... minutes) {
        recordDays(placement, placedDays(SWEPT_DAY), List.of(minutes));
    }

    public void recordDays(ActivePlacement placement, List<LocalDate> days, List<Integer> minutes) {
        List<ParticipationEntry> entries = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            entries.add(new ParticipationEntry(placement.caseId(), days.get(i), ParticipationStatus.PARTICIPATORY,
                    null, Math.max(minutes.get(i), 240), minutes.get(i), List.of()));
        }
        recording.record(placement.teacher(), entries);
    }

    /** Participatory days up to 2027-01-22 with 60 synchronous minutes offered and those attended. */
    public void recordSynchronous(ActivePlacement placement, Integer... attended) {
        List<LocalDate> days = placedDays(SWEPT_DAY);
        List<ParticipationEntry> entries = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            entries.add(new ParticipationEntry(placement.caseId(), days.get(i), ParticipationStatus.PARTICIPATORY,
                    null, 60, attended[i], List.of()));
        }
        recording.record(placement.teacher(), entries);
    }

    /** The case's re-engagement process; it must be the only one. */
    public ProcessInstance processOf(Long caseId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("tiered-reengagement")
                .processInstanceBusinessKey(caseId.toString()).singleResult();
    }

    public Task task(ProcessInstance process) {
        return tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
    }

    /** Tier 1 and 2 as a counselor: contacts confirmed unchanged, the outreach plan without referrals. */
    public void contactAndOutreach(ProcessInstance process) {
        asStaff("counselor", task(process), Map.of("contactNotes", "Called the mother"));
        asStaff("counselor", task(process), Map.of("needsAssessment",
                "The student works afternoons; needs a later check-in time"));
    }

    /** The improvement window's timer: the clock passes its due time and the job runs. */
    public void improvementWindowEnds(ProcessInstance process) {
        Job timer = management.createJobQuery().processInstanceId(process.getId()).timers()
                .activityId("improvementWindowEnded").singleResult();
        assertThat(timer).as("the improvement window's timer").isNotNull();
        ClockUtil.setCurrentTime(new java.util.Date(timer.getDuedate().getTime() + 1000));
        management.executeJob(timer.getId());
    }

    /** A re-engagement opened by the sweep after {@link #SWEPT_DAY}, through tiers 1 and 2 to its conference. */
    public ProcessInstance untilTheConference(ActivePlacement placement) {
        sweepAfter(SWEPT_DAY);
        ProcessInstance process = processOf(placement.caseId());
        contactAndOutreach(process);
        improvementWindowEnds(process);
        return process;
    }

    /** Tier 3: the conference held today, then the principal's decision. */
    public void conferenceAndDecision(ProcessInstance process, String decision) {
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(FixedEngineClock.DISTRICT).toLocalDate();
        asStaff("counselor", task(process), Map.of("conferenceHeldOn", today.toString(),
                "conferenceParticipants", "Student, mother, teacher, counselor",
                "conferenceNotes", "Agreement reviewed; the family asks for more live sessions"));
        asStaff("principal", task(process), Map.of("reengagementDecision", decision,
                "decisionNotes", "Decided after the conference"));
    }

    /** Completes the task as the staff member logged in to Tasklist, with their own groups (role and schools). */
    public void asStaff(String user, Task task, Map<String, Object> variables) {
        assertThat(task).as("an open task").isNotNull();
        identity.setAuthentication(user, TasklistUser.groupsOf(identity, user));
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
