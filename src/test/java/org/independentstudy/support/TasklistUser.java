package org.independentstudy.support;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.independentstudy.security.Roles;

/** Work done as a staff member logged in to Tasklist: the engine checks their group's task permissions. */
public final class TasklistUser {

    private TasklistUser() {
    }

    /** The user's groups as the identity service has them: their role and the schools they work for. */
    public static List<String> groupsOf(IdentityService identity, String username) {
        // read as the application does, not as whoever the test is logged in as (who may not read groups)
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId).toList();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    /** As the demo counselor, with their groups. */
    public static void asCounselor(IdentityService identity, Runnable work) {
        identity.setAuthentication("counselor", groupsOf(identity, "counselor"));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
