package org.independentstudy.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a user task: the logged-in user (Tasklist, our API), else its assignee. */
public final class TaskCompleter {

    private TaskCompleter() {
    }

    public static String of(DelegateTask task, IdentityService identityService) {
        Authentication current = identityService.getCurrentAuthentication();
        String user = current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
        if (user == null) {
            throw new IllegalStateException("Task " + task.getTaskDefinitionKey()
                    + " must be completed by a logged-in staff member");
        }
        return user;
    }
}
