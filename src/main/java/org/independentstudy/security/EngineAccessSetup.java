package org.independentstudy.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
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
 * Creates the role groups and what each may do in the engine (idempotent, at every start). Tasks are
 * visible and workable only by their candidate group: the engine grants that per task, so a counselor
 * never sees a principal's escalation in Tasklist.
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
        for (String group : STAFF_GROUPS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Tasklist shows the process a task belongs to
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        // counselors take the family's request from Tasklist's start form
        grant(Roles.COUNSELORS_GROUP, Resources.PROCESS_DEFINITION, ANY, Permissions.CREATE_INSTANCE);
        grant(Roles.COUNSELORS_GROUP, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        // analysts deploy edited diagrams (Camunda Modeler) and watch them run in Cockpit
        grant(Roles.ANALYSTS_GROUP, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.ANALYSTS_GROUP, Resources.DEPLOYMENT, ANY, Permissions.ALL);
        // ...and move running instances onto an edited version (/engine-rest/migration/execute); migrating reads and
        // returns no variables, so it shows them no student data
        grant(Roles.ANALYSTS_GROUP, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE, Permissions.MIGRATE_INSTANCE);
        grant(Roles.ANALYSTS_GROUP, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grant(Roles.ANALYSTS_GROUP, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(Roles.ANALYSTS_GROUP, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        // district IT administers everything, as Camunda's own administrators group does
        for (Resource resource : Resources.values()) {
            grant(Roles.ADMINS_GROUP, resource, ANY, Permissions.ALL);
        }
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators");
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        auth.setGroupId(groupId);
        auth.setResource(resource);
        auth.setResourceId(resourceId);
        for (Permission permission : permissions) {
            auth.addPermission(permission);
        }
        authorizations.saveAuthorization(auth);
    }
}
