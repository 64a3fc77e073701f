package org.independentstudy.process;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * What a timer waits for, as the diagram names it ("Signature deadline passed"), for staff who never see the
 * diagram. The engine caches deployed models, so naming a page of timers reads no XML twice.
 */
@Component
public class DeadlineNames {

    private final ManagementService management;
    private final RepositoryService repository;

    DeadlineNames(ManagementService management, RepositoryService repository) {
        this.management = management;
        this.repository = repository;
    }

    /** The timer's element id in its diagram, or null for a job without a definition. */
    public String stepOf(Job timer) {
        JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
                .singleResult();
        return definition == null ? null : definition.getActivityId();
    }

    /** The element's name in the diagram, else its id in words. */
    public String nameOf(Job timer) {
        String step = stepOf(timer);
        if (step == null) {
            return "Deadline";
        }
        ModelElementInstance element = repository.getBpmnModelInstance(timer.getProcessDefinitionId())
                .getModelElementById(step);
        if (element instanceof FlowElement flowElement && flowElement.getName() != null
                && !flowElement.getName().isBlank()) {
            return flowElement.getName().strip();
        }
        return words(step);
    }

    /** {@code signatureDeadlinePassed} → "Signature deadline passed". */
    static String words(String id) {
        String spaced = id.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
