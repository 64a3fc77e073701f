package org.independentstudy.support;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.independentstudy.security.Roles;

/** Work done as a staff member logged in to Tasklist: the engine checks their group's task permissions. */
public final class TasklistUser {

    private TasklistUser() {
    }

    /** As the demo counselor, in the counselors group. */
    public static void asCounselor(IdentityService identity, Runnable work) {
        identity.setAuthentication("counselor", List.of(Roles.COUNSELORS_GROUP));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
