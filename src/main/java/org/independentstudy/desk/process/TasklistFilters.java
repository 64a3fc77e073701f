package org.independentstudy.desk.process;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.independentstudy.security.Roles;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters for school staff, kept as configured at every start: each shared with the groups it serves
 * and no other, so nobody meets the engine's "All tasks". Every filter lists the most urgent first (due date).
 */
@Component
class TasklistFilters {

    static final String MY_TASKS = "My tasks";
    static final String DUE_THIS_WEEK = "Due this week";
    static final String SIGNATURES_PENDING = "Signatures pending";
    static final String ESCALATIONS = "Escalations for principals";

    /** The user tasks where staff sign an agreement themselves (AGR-05). */
    static final String[] SIGNING_TASKS = {"signAsTeacher", "signAsSpecialEducationDesignee"};

    private static final List<String> CASE_STAFF = List.of(Roles.COUNSELORS_GROUP, Roles.TEACHERS_GROUP,
            Roles.PRINCIPALS_GROUP, Roles.SPECIAL_EDUCATION_GROUP);

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Order(1)
    @EventListener(ApplicationReadyEvent.class)
    void keepFiltersAsConfigured() {
        save(MY_TASKS, -10, "Assigned to you, or offered to you or your groups", mine(), CASE_STAFF);
        save(DUE_THIS_WEEK, -5, "Yours, due by the end of this school week (district calendar); overdue first",
                mine().dueBeforeExpression("${schoolWeek.end()}"), CASE_STAFF);
        save(SIGNATURES_PENDING, 0, "Agreements waiting for your signature (AGR-05)",
                mine().taskDefinitionKeyIn(SIGNING_TASKS), List.of(Roles.TEACHERS_GROUP,
                        Roles.SPECIAL_EDUCATION_GROUP));
        save(ESCALATIONS, 5, "Decisions and missed deadlines waiting for a principal",
                tasks.createTaskQuery().taskCandidateGroup(Roles.PRINCIPALS_GROUP).includeAssignedTasks()
                        .orderByDueDate().asc(), List.of(Roles.PRINCIPALS_GROUP));
    }

    private TaskQuery mine() {
        return tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
                .taskCandidateUserExpression("${currentUser()}").endOr().orderByDueDate().asc();
    }

    private void save(String name, int priority, String description, TaskQuery query, List<String> groups) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query);
        filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true));
        filters.saveFilter(filter);
        for (String group : groups) {
            if (authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                    .resourceId(filter.getId()).groupIdIn(group).count() == 0) {
                Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                read.setGroupId(group);
                read.setResource(Resources.FILTER);
                read.setResourceId(filter.getId());
                read.addPermission(Permissions.READ);
                authorizations.saveAuthorization(read);
            }
        }
    }
}
