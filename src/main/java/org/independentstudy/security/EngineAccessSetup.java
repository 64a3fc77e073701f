package org.independentstudy.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups and what each may do in the engine (at every start). The grants a role holds on all
 * resources of a type ("*") and its application grants are this class's: at each start they become exactly
 * those below, and one given by an earlier version and no longer listed is withdrawn. Grants on single resources
 * are left alone: tasks are visible and workable only by their candidate group, which the engine grants per task,
 * so a counselor never sees a principal's escalation in Tasklist.
 *
 * <p>Issue 13.8: analysts see no student data. Task names carry the student's name (config.TaskNamesWithStudent)
 * and variables the case, so analysts read no instances, tasks, variables or history of any process, in
 * /engine-rest or Cockpit. They deploy diagrams and see definitions, diagrams and deployments; Cockpit counts
 * only instances its user may read, so its counts stay at zero for them.
 */
@Component
class EngineAccessSetup {

    private static final List<String> STAFF_GROUPS = List.of(Roles.COUNSELORS_GROUP, Roles.TEACHERS_GROUP,
            Roles.PRINCIPALS_GROUP, Roles.SPECIAL_EDUCATION_GROUP, Roles.ANALYSTS_GROUP, Roles.ADMINS_GROUP);

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    EngineAccessSetup(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @Order(0)
    @EventListener(ApplicationReadyEvent.class)
    void createGroupsAndGrants() {
        Roles.GROUP_NAMES.forEach(this::ensureGroup);
        Map<Target, Set<Permission>> grants = roleGrants();
        for (String group : STAFF_GROUPS) {
            grantExactly(group, grants);
        }
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators");
    }

    /** What each role may do on all resources of a type, and which webapps it opens. */
    private static Map<Target, Set<Permission>> roleGrants() {
        Map<Target, Set<Permission>> grants = new LinkedHashMap<>();
        for (String group : STAFF_GROUPS) {
            add(grants, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Tasklist shows the process a task belongs to
            add(grants, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        // counselors take the family's request from Tasklist's start form
        add(grants, Roles.COUNSELORS_GROUP, Resources.PROCESS_DEFINITION, ANY, Permissions.CREATE_INSTANCE);
        add(grants, Roles.COUNSELORS_GROUP, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        // analysts deploy edited diagrams (Camunda Modeler) and see them in Cockpit, but no instance of them
        add(grants, Roles.ANALYSTS_GROUP, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        add(grants, Roles.ANALYSTS_GROUP, Resources.DEPLOYMENT, ANY, Permissions.ALL);
        // ...and move running instances onto an edited version (/engine-rest/migration/execute); migrating reads and
        // returns no variables, so it shows them no student data
        add(grants, Roles.ANALYSTS_GROUP, Resources.PROCESS_DEFINITION, ANY, Permissions.MIGRATE_INSTANCE);
        add(grants, Roles.ANALYSTS_GROUP, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        add(grants, Roles.ANALYSTS_GROUP, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        // district IT administers everything, as Camunda's own administrators group does
        for (Resource resource : Resources.values()) {
            add(grants, Roles.ADMINS_GROUP, resource, ANY, Permissions.ALL);
        }
        return grants;
    }

    /** A group's grant on all resources of a type ("*"), or on one webapp. */
    record Target(String groupId, int resourceType, String resourceId) {

        /** Grants this class decides; others (on one task, one process) are the engine's or an administrator's. */
        boolean roleWide() {
            return ANY.equals(resourceId) || resourceType == Resources.APPLICATION.resourceType();
        }
    }

    private static void add(Map<Target, Set<Permission>> grants, String groupId, Resource resource, String resourceId,
                            Permission permission) {
        grants.computeIfAbsent(new Target(groupId, resource.resourceType(), resourceId), t -> new LinkedHashSet<>())
                .add(permission);
    }

    /** The group's role-wide grants become exactly those listed: missing ones added, others withdrawn. */
    private void grantExactly(String groupId, Map<Target, Set<Permission>> grants) {
        Map<Target, Set<Permission>> wanted = new LinkedHashMap<>(grants);
        wanted.keySet().removeIf(target -> !target.groupId().equals(groupId));
        for (Authorization held : authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .authorizationType(AUTH_TYPE_GRANT).list()) {
            Target target = new Target(groupId, held.getResourceType(), held.getResourceId());
            if (!target.roleWide()) {
                continue;
            }
            Set<Permission> permissions = wanted.remove(target);
            if (permissions == null) {
                authorizations.deleteAuthorization(held.getId());
            } else {
                save(held, permissions);
            }
        }
        wanted.forEach((target, permissions) -> {
            Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResourceType(target.resourceType());
            grant.setResourceId(target.resourceId());
            save(grant, permissions);
        });
    }

    private void save(Authorization authorization, Set<Permission> permissions) {
        authorization.setPermissions(permissions.toArray(Permission[]::new));
        authorizations.saveAuthorization(authorization);
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }
}
