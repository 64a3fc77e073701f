package org.independentstudy.processes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * The rules every diagram in processes/ must follow so that an analyst's edit that would break a running case
 * fails the build instead, with the element named.
 */
final class ModelRules {

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");
    private static final Pattern MODELER_DEFAULT_ID = Pattern.compile(
            "^(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Process|Task|DataObject|DataObjectReference|"
                    + "DataStoreReference|Participant|Lane|Collaboration|TextAnnotation|Association|Message|"
                    + "Signal|Error|Escalation|Definitions|Decision|DecisionRequirementsDefinition)_[0-9a-z]{7}$|^StartEvent_1$");

    private static final Pattern RULE_ID = Pattern.compile("\\b[A-Z]{3}-[0-9]{2}\\b");

    private final Predicate<String> beanExists;
    private final Set<String> formIds;

    ModelRules(Predicate<String> beanExists, Set<String> formIds) {
        this.beanExists = beanExists;
        this.formIds = formIds;
    }

    List<String> bpmnProblems(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        String file = diagram.getFileName().toString();
        List<String> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(file + " process '" + process.getId() + "': no camunda:historyTimeToLive");
            }
        }
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String id = element.getId();
            if (id != null && !id.endsWith("_di") && MODELER_DEFAULT_ID.matcher(id).matches()) {
                problems.add(file + " element '" + id + "' (" + label(element)
                        + "): id left at the Modeler default; name it after the business step");
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            checkDelegate(file, task, task.getCamundaDelegateExpression(), task.getCamundaClass(),
                    task.getCamundaExpression(), problems);
        }
        for (SendTask task : model.getModelElementsByType(SendTask.class)) {
            checkDelegate(file, task, task.getCamundaDelegateExpression(), task.getCamundaClass(),
                    task.getCamundaExpression(), problems);
        }
        for (MessageEventDefinition message : model.getModelElementsByType(MessageEventDefinition.class)) {
            if (message.getCamundaDelegateExpression() != null || message.getCamundaClass() != null) {
                checkDelegate(file, (BaseElement) message.getParentElement(), message.getCamundaDelegateExpression(),
                        message.getCamundaClass(), message.getCamundaExpression(), problems);
            }
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            if (task.getCamundaDecisionRef() == null) {
                checkDelegate(file, task, task.getCamundaDelegateExpression(), task.getCamundaClass(),
                        task.getCamundaExpression(), problems);
            } else if (task.getCamundaMapDecisionResult() == null) {
                problems.add(file + " business rule task '" + task.getId()
                        + "': set camunda:mapDecisionResult explicitly");
            }
        }
        for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
            problems.add(file + " script task '" + task.getId() + "': no scripts in diagrams; use a delegate bean");
        }
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            checkListener(file, listener.getCamundaDelegateExpression(), listener.getCamundaClass(),
                    listener.getCamundaScript() != null, problems);
        }
        for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
            checkListener(file, listener.getCamundaDelegateExpression(), listener.getCamundaClass(),
                    listener.getCamundaScript() != null, problems);
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formRef = task.getCamundaFormRef();
            String where = file + " user task '" + task.getId() + "' (" + label(task) + ")";
            if (formRef == null) {
                problems.add(where + ": no camunda:formRef to a form in forms/");
            } else if (!formIds.contains(formRef)) {
                problems.add(where + ": camunda:formRef '" + formRef + "' is not the id of a form in forms/");
            }
        }
        return problems;
    }

    private void checkDelegate(String file, BaseElement task, String delegateExpression, String className,
                               String expression, List<String> problems) {
        String where = file + " " + task.getElementType().getTypeName() + " '" + task.getId() + "' (" + label(task) + ")";
        if (className != null || expression != null) {
            problems.add(where + ": use camunda:delegateExpression=\"${beanName}\", not a class or expression");
            return;
        }
        if (delegateExpression == null) {
            problems.add(where + ": no camunda:delegateExpression");
            return;
        }
        checkBean(where, delegateExpression, problems);
    }

    private void checkListener(String file, String delegateExpression, String className, boolean script,
                               List<String> problems) {
        String where = file + " listener " + (delegateExpression != null ? delegateExpression : className);
        if (script || className != null) {
            problems.add(where + ": listeners must be camunda:delegateExpression beans");
        } else if (delegateExpression != null) {
            checkBean(where, delegateExpression, problems);
        }
    }

    private void checkBean(String where, String delegateExpression, List<String> problems) {
        Matcher bean = BEAN_EXPRESSION.matcher(delegateExpression.trim());
        if (!bean.matches()) {
            problems.add(where + ": delegateExpression '" + delegateExpression + "' is not ${beanName}");
        } else if (!beanExists.test(bean.group(1))) {
            problems.add(where + ": no bean named '" + bean.group(1) + "'");
        }
    }

    /** Every step carries its rule IDs in a documentation element, which Modeler shows to analysts. */
    List<String> undocumentedSteps(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        String file = diagram.getFileName().toString();
        List<String> problems = new ArrayList<>();
        for (Activity step : model.getModelElementsByType(Activity.class)) {
            if (!RULE_ID.matcher(WaitStateOwners.documentationOf(step)).find()) {
                problems.add(file + " " + step.getElementType().getTypeName() + " '" + step.getId() + "' ("
                        + label(step) + "): no documentation naming its rule IDs (e.g. AGR-07)");
            }
        }
        return problems;
    }

    static String label(BaseElement element) {
        return element instanceof FlowElement flow && flow.getName() != null ? flow.getName().replace('\n', ' ')
                : element.getElementType().getTypeName();
    }

    List<String> dmnProblems(Path file) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            String where = file.getFileName() + " decision '" + decision.getId() + "'";
            if (decision.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(where + ": no camunda:historyTimeToLive");
            }
            if (MODELER_DEFAULT_ID.matcher(decision.getId()).matches()) {
                problems.add(where + ": id left at the Modeler default; name it after the decision");
            }
        }
        return problems;
    }
}
