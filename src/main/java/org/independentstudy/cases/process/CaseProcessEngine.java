package org.independentstudy.cases.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.cases.CaseProgress;
import org.independentstudy.enrollment.Enrollment;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.process.CaseVariables;
import org.independentstudy.process.DeadlineNames;
import org.springframework.stereotype.Component;

/** The engine side of a case: starting its process and reading its open tasks and timers. */
@Component
public class CaseProcessEngine implements CaseProgress {

    static final String PLACEMENT_ENDED = "PlacementEnded";
    static final String FAMILY_LEFT = "FamilyLeft";
    static final String RETURN_REQUESTED = "ReturnRequested";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    private final DeadlineNames deadlineNames;

    CaseProcessEngine(RuntimeService runtime, TaskService tasks, ManagementService management,
                      DeadlineNames deadlineNames) {
        this.deadlineNames = deadlineNames;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    /** Starts the case process for a registered request: business key and {@code caseId} are the case id. */
    @Override
    public void start(Long caseId) {
        runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, caseId.toString(),
                Map.of(CaseVariables.CASE_ID, caseId));
    }

    /** The open tasks of the case, including those of the phase processes it called (they share its business key). */
    @Override
    public List<OpenTask> openTasks(Long caseId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseId.toString())
                .orderByTaskCreateTime().asc().list().stream().map(this::openTask).toList();
    }

    @Override
    public List<Deadline> deadlines(Long caseId) {
        List<String> instances = instancesOfCase(caseId);
        return instances.isEmpty() ? List.of() : management.createJobQuery().processInstanceIds(Set.copyOf(instances))
                .timers().orderByJobDuedate().asc().list().stream().map(this::deadline).toList();
    }

    /** The case process waits for it at {@code placementEndedEarly}; anywhere else nothing waits, which is a 409. */
    @Override
    public void endPlacement(String processInstanceId, LocalDate lastDay, Enrollment.EndReason reason) {
        correlate(runtime.createMessageCorrelation(PLACEMENT_ENDED).processInstanceId(processInstanceId)
                .setVariable("placementLastDay", lastDay.toString())
                .setVariable("placementEndReason", reason.name()), "The case is not waiting in its active placement");
    }

    /** The case process waits for it at {@code returnRequested} while the placement runs; anywhere else, a 409. */
    @Override
    public void requestReturn(String processInstanceId, LocalDate requestedOn, String requestedBy) {
        correlate(runtime.createMessageCorrelation(RETURN_REQUESTED).processInstanceId(processInstanceId)
                .setVariable("returnRequestedOn", requestedOn.toString())
                .setVariable("returnRequestedBy", requestedBy),
                "The placement is not running, or its return to the classroom is under way");
    }

    /** The case process's event subprocess familyLeaves waits for it in every phase while the case runs. */
    @Override
    public void familyLeft(String processInstanceId, Enrollment.EndReason reason, String note) {
        correlate(runtime.createMessageCorrelation(FAMILY_LEFT).processInstanceId(processInstanceId)
                .setVariable("leavingReason", reason.name()).setVariable("leavingNote", note),
                "The case is no longer running");
    }

    /**
     * Delivers the message, or says why the case does not take it (409). Issue 13.5: the same message delivered
     * twice at once is taken once; the other delivery loses the race on the process and gets the same 409.
     */
    private static void correlate(MessageCorrelationBuilder message, String notWaiting) {
        try {
            message.correlate();
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            throw new ConflictException(notWaiting);
        }
    }

    /** Every process of a case carries the case id as its business key. */
    private List<String> instancesOfCase(Long caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString()).list().stream()
                .map(ProcessInstance::getId).toList();
    }

    private OpenTask openTask(Task task) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), groups, task.getAssignee(),
                instant(task.getDueDate()));
    }

    private Deadline deadline(Job job) {
        return new Deadline(deadlineNames.stepOf(job), deadlineNames.nameOf(job), instant(job.getDuedate()));
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }
}
