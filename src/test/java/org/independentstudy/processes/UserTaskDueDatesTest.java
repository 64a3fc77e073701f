package org.independentstudy.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every task a person works on says when it is due, so Tasklist and the desk can sort and warn by the deadline it
 * serves; a diagram that adds a user task without one fails the build, naming it.
 */
class UserTaskDueDatesTest {

    @Test
    @DisplayName("Issue 12.4 CAL-02 every user task in processes/ carries a camunda:dueDate")
    void everyUserTaskHasADueDate() throws IOException {
        List<Path> diagrams = ProcessModelRulesTest.files(Path.of("processes"), ".bpmn");
        assertThat(diagrams).as("diagrams in processes/").isNotEmpty();
        List<String> undated = new ArrayList<>();
        for (Path diagram : diagrams) {
            for (UserTask task : Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(UserTask.class)) {
                String due = task.getCamundaDueDate();
                if (due == null || due.isBlank()) {
                    undated.add(diagram.getFileName() + " user task '" + task.getId() + "' (" + task.getName()
                            + "): no camunda:dueDate; give it the deadline it serves on the school calendar");
                }
            }
        }
        assertThat(undated).as("user tasks without a due date").isEmpty();
    }
}
