package org.independentstudy.desk.process;

import org.independentstudy.desk.SchoolDayCountdown;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.process.DeadlineNames;
import org.independentstudy.records.CasePhase;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Open work with the case it belongs to: a person's tasks (assigned to them, or offered to one of their groups and
 * not yet taken), the principals' escalations, and the deadlines a school is about to miss. Every process of a case
 * carries the case id as its business key, which is how a task or a timer finds its case.
 */
@Component
public class WorkList {

    /** How many tasks one page lists: a person's day, not an export. */
    static final int PAGE_LIMIT = 500;

    public record CaseLine(Long caseId, String studentNumber, String student, Long schoolId, String school,
                           CasePhase phase) {
    }

    /** One task or deadline with its case and how far it is, in school days. */
    public record Item(String taskId, String name, String holder, CaseLine theCase, LocalDate due,
                       SchoolDayCountdown countdown) {

        public boolean overdue() {
            return countdown != null && countdown.overdue();
        }
    }

    /** Overdue first, then the nearest due date; work without a due date last. */
    static final Comparator<Item> MOST_URGENT_FIRST = Comparator.comparing((Item i) -> !i.overdue())
            .thenComparing(Item::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Item::name);

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final IdentityService identity;
    private final NamedParameterJdbcTemplate jdbc;
    private final SchoolCalendar calendar;
    private final DeadlineNames deadlineNames;
    private final Clock clock;

    WorkList(TaskService tasks, RuntimeService runtime, ManagementService management, IdentityService identity,
             NamedParameterJdbcTemplate jdbc, SchoolCalendar calendar, DeadlineNames deadlineNames, Clock clock) {
        this.deadlineNames = deadlineNames;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.identity = identity;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The person's open tasks, filtered by school and phase when given, most urgent first. */
    public List<Item> tasksOf(String username, Long schoolId, CasePhase phase) {
        List<String> groups = identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId)
                .toList();
        List<Task> open = groups.isEmpty()
                ? tasks.createTaskQuery().taskAssignee(username).active().listPage(0, PAGE_LIMIT)
                : tasks.createTaskQuery().or().taskAssignee(username).taskCandidateGroupIn(groups).endOr().active()
                        .listPage(0, PAGE_LIMIT);
        return items(open, schoolId, phase);
    }

    /** Tasks waiting for the given group (e.g. the principals' escalations), taken or not. */
    public List<Item> tasksOfGroup(String group, Long schoolId) {
        return items(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().active()
                .listPage(0, PAGE_LIMIT), schoolId, null);
    }

    /** Process deadlines (timers) of open cases falling within the given number of school days, or already past. */
    public List<Item> deadlinesWithin(int schoolDays, Long schoolId) {
        LocalDate today = today();
        LocalDate limit = calendar.addSchoolDays(today, schoolDays);
        Instant before = limit.plusDays(1).atStartOfDay(zone()).toInstant();
        List<Job> timers = management.createJobQuery().timers().duedateLowerThan(java.util.Date.from(before))
                .orderByJobDuedate().asc().listPage(0, PAGE_LIMIT);
        Map<String, CaseLine> cases = casesOfInstances(timers.stream().map(Job::getProcessInstanceId).toList());
        // timers of no process instance (the nightly sweep's start) belong to no case
        return timers.stream().filter(t -> t.getProcessInstanceId() != null && cases.containsKey(t.getProcessInstanceId()))
                .map(t -> item(null, deadlineNames.nameOf(t), null, cases.get(t.getProcessInstanceId()),
                        t.getDuedate()))
                .filter(i -> schoolId == null || schoolId.equals(i.theCase().schoolId()))
                .sorted(MOST_URGENT_FIRST).toList();
    }

    private List<Item> items(List<Task> open, Long schoolId, CasePhase phase) {
        Map<String, CaseLine> cases = casesOfInstances(open.stream().map(Task::getProcessInstanceId).toList());
        return open.stream()
                .map(t -> item(t.getId(), t.getName(), t.getAssignee(), cases.get(t.getProcessInstanceId()),
                        t.getDueDate()))
                .filter(i -> schoolId == null || (i.theCase() != null && schoolId.equals(i.theCase().schoolId())))
                .filter(i -> phase == null || (i.theCase() != null && phase == i.theCase().phase()))
                .sorted(MOST_URGENT_FIRST).toList();
    }

    private Item item(String taskId, String name, String holder, CaseLine theCase, java.util.Date due) {
        LocalDate dueDay = due == null ? null : due.toInstant().atZone(zone()).toLocalDate();
        return new Item(taskId, name, holder, theCase, dueDay,
                dueDay == null ? null : SchoolDayCountdown.of(calendar, today(), dueDay));
    }

    /** Process instance id to the case it serves (open cases only). */
    private Map<String, CaseLine> casesOfInstances(Collection<String> processInstanceIds) {
        Set<String> ids = processInstanceIds.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> caseOfInstance = new HashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(ids).list()) {
            String key = instance.getBusinessKey();
            if (key != null && key.matches("\\d{1,18}")) {
                caseOfInstance.put(instance.getId(), Long.valueOf(key));
            }
        }
        Map<Long, CaseLine> lines = cases(caseOfInstance.values());
        Map<String, CaseLine> result = new HashMap<>();
        caseOfInstance.forEach((instance, caseId) -> {
            if (lines.containsKey(caseId)) {
                result.put(instance, lines.get(caseId));
            }
        });
        return result;
    }

    private Map<Long, CaseLine> cases(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("""
                select c.id, s.student_number, s.first_name || ' ' || s.last_name as student, c.school_id,
                       sc.name as school, c.phase
                  from is_case c join student s on s.id = c.student_id join school sc on sc.id = c.school_id
                 where c.id in (:ids) and c.closed_at is null""", new MapSqlParameterSource("ids", Set.copyOf(caseIds)),
                (rs, row) -> new CaseLine(rs.getLong("id"), rs.getString("student_number"), rs.getString("student"),
                        rs.getLong("school_id"), rs.getString("school"), CasePhase.valueOf(rs.getString("phase"))))
                .stream().collect(Collectors.toMap(CaseLine::caseId, Function.identity()));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    private ZoneId zone() {
        return calendar.districtZone();
    }
}
