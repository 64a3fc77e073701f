package org.independentstudy.processes;

import static org.independentstudy.process.ModelRules.label;
import static org.independentstudy.processes.StepDocumentation.documentationOf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Nobody is ever stuck: every state a case can wait in has an owner. A user task has people who can do it; a timer
 * owns itself; a message is owned by the class that sends it, which the waiting element's documentation names
 * ("Sent by org.independentstudy....Class") and whose source sends that very message name. (A call activity waits
 * on a process that must exist: {@link org.independentstudy.process.ModelRules}, also checked at deployment.)
 */
final class WaitStateOwners {

    private static final Pattern SENDER = Pattern.compile("Sent by (org\\.independentstudy(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*)");

    /** (class name, message name): the class exists and its source sends that message. */
    private final BiPredicate<String, String> sends;

    WaitStateOwners(BiPredicate<String, String> sends) {
        this.sends = sends;
    }

    List<String> problems(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        String file = diagram.getFileName().toString();
        List<String> problems = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (isBlank(task.getCamundaCandidateGroups()) && isBlank(task.getCamundaCandidateUsers())
                    && isBlank(task.getCamundaAssignee())) {
                problems.add(where(file, task) + ": a user task nobody can do (no candidate groups, users or assignee)");
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if ("external".equals(task.getCamundaType())) {
                problems.add(where(file, task) + ": an external task waits for a worker this application does not run");
            }
        }
        for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
            checkMessage(file, task, task.getMessage(), problems);
        }
        for (CatchEvent event : model.getModelElementsByType(CatchEvent.class)) {
            for (EventDefinition definition : event.getEventDefinitions()) {
                if (definition instanceof MessageEventDefinition message) {
                    checkMessage(file, event, message.getMessage(), problems);
                } else if (!(definition instanceof TimerEventDefinition) && waits(event)
                        && !ownedByTimer(event)) {
                    problems.add(where(file, event) + ": waits for a " + definition.getElementType().getTypeName()
                            + " that nothing here owns; use a user task, a timer or a documented message");
                }
            }
        }
        return problems;
    }

    /**
     * Every message a model waits for (a receive task, a catch event, a boundary event, an event subprocess's start)
     * names its sender, even where a timer also owns the wait: an analyst must see who sends it.
     */
    private void checkMessage(String file, FlowNode element, Message message, List<String> problems) {
        if (message == null || isBlank(message.getName())) {
            problems.add(where(file, element) + ": waits for a message without a name");
            return;
        }
        Matcher sender = SENDER.matcher(documentationOf(element));
        if (!sender.find()) {
            problems.add(where(file, element) + ": waits for message '" + message.getName()
                    + "' but its documentation names no sender (\"Sent by org.independentstudy...Class\")");
        } else if (!sends.test(sender.group(1), message.getName())) {
            problems.add(where(file, element) + ": documented sender " + sender.group(1) + " does not send '"
                    + message.getName() + "'");
        }
    }

    /** A catch event that is a state of its own (not a boundary event or an event subprocess's start). */
    private static boolean waits(CatchEvent event) {
        return event instanceof IntermediateCatchEvent;
    }

    /** A timer boundary event on the element or on a subprocess around it hands the wait to someone. */
    private static boolean ownedByTimer(FlowNode node) {
        for (ModelElementInstance scope = node; scope != null; scope = scope.getParentElement()) {
            if (scope instanceof Activity activity && hasTimerBoundary(activity)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTimerBoundary(Activity activity) {
        Collection<BoundaryEvent> boundaries = activity.getModelInstance().getModelElementsByType(BoundaryEvent.class);
        return boundaries.stream().filter(b -> b.getAttachedTo() == activity)
                .anyMatch(b -> b.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition));
    }

    private static String where(String file, BaseElement element) {
        String kind = element instanceof StartEvent && element.getParentElement() instanceof SubProcess
                ? "event subprocess start" : element.getElementType().getTypeName();
        return file + " " + kind + " '" + element.getId() + "' (" + label(element) + ")";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
