package org.independentstudy.process;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.independentstudy.process.ModelReferences.Definitions;

/**
 * The rules every diagram and decision table follows, so that an analyst's edit that would break a running case
 * is refused with the element named: when the build checks processes/ and when anyone deploys to the running
 * engine ({@link ModelRulesAtDeployment}).
 */
public final class ModelRules {

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");
    private static final Pattern MODELER_DEFAULT_ID = Pattern.compile(
            "^(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Process|Task|DataObject|DataObjectReference|"
                    + "DataStoreReference|Participant|Lane|Collaboration|TextAnnotation|Association|Message|"
                    + "Signal|Error|Escalation|Definitions|Decision|DecisionRequirementsDefinition)_[0-9a-z]{7}$|^StartEvent_1$");
    private static final String DEPLOYMENT_BINDING = "deployment";

    private final ModelReferences references;

    public ModelRules(ModelReferences references) {
        this.references = references;
    }

    public List<ModelProblem> bpmnProblems(String resource, BpmnModelInstance model) {
        Problems problems = new Problems(resource);
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(process, "no camunda:historyTimeToLive");
            }
        }
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String id = element.getId();
            if (id != null && !id.endsWith("_di") && MODELER_DEFAULT_ID.matcher(id).matches()) {
                problems.add(element, "id left at the Modeler default; name it after the business step");
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            checkDelegate(problems, task, task.getCamundaDelegateExpression(), task.getCamundaClass(),
                    task.getCamundaExpression());
        }
        for (SendTask task : model.getModelElementsByType(SendTask.class)) {
            checkDelegate(problems, task, task.getCamundaDelegateExpression(), task.getCamundaClass(),
                    task.getCamundaExpression());
        }
        for (MessageEventDefinition message : model.getModelElementsByType(MessageEventDefinition.class)) {
            if (message.getCamundaDelegateExpression() != null || message.getCamundaClass() != null) {
                checkDelegate(problems, (BaseElement) message.getParentElement(),
                        message.getCamundaDelegateExpression(), message.getCamundaClass(),
                        message.getCamundaExpression());
            }
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            String decision = task.getCamundaDecisionRef();
            if (decision == null) {
                checkDelegate(problems, task, task.getCamundaDelegateExpression(), task.getCamundaClass(),
                        task.getCamundaExpression());
                continue;
            }
            if (task.getCamundaMapDecisionResult() == null) {
                problems.add(task, "set camunda:mapDecisionResult explicitly");
            }
            checkReference(problems, task, "camunda:decisionRef", decision, task.getCamundaDecisionRefBinding(),
                    references.decisions(), "a decision");
        }
        for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
            problems.add(task, "no scripts in diagrams; use a delegate bean");
        }
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            checkListener(problems, listener, listener.getCamundaDelegateExpression(), listener.getCamundaClass(),
                    listener.getCamundaScript() != null);
        }
        for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
            checkListener(problems, listener, listener.getCamundaDelegateExpression(), listener.getCamundaClass(),
                    listener.getCamundaScript() != null);
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaFormRef() == null) {
                problems.add(task, "no camunda:formRef to a form in forms/");
            } else {
                checkReference(problems, task, "camunda:formRef", task.getCamundaFormRef(),
                        task.getCamundaFormRefBinding(), references.forms(), "a form in forms/");
            }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                checkReference(problems, start, "camunda:formRef", start.getCamundaFormRef(),
                        start.getCamundaFormRefBinding(), references.forms(), "a form in forms/");
            }
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            checkReference(problems, call, "calledElement", call.getCalledElement(),
                    call.getCamundaCalledElementBinding(), references.processes(), "a process");
        }
        return problems.list;
    }

    public List<ModelProblem> dmnProblems(String resource, DmnModelInstance model) {
        List<ModelProblem> problems = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            String where = "decision '" + decision.getId() + "': ";
            if (decision.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(new ModelProblem(resource, decision.getId(), where + "no camunda:historyTimeToLive"));
            }
            if (MODELER_DEFAULT_ID.matcher(decision.getId()).matches()) {
                problems.add(new ModelProblem(resource, decision.getId(),
                        where + "id left at the Modeler default; name it after the decision"));
            }
        }
        return problems;
    }

    private void checkDelegate(Problems problems, BaseElement task, String delegateExpression, String className,
                               String expression) {
        if (className != null || expression != null) {
            problems.add(task, "use camunda:delegateExpression=\"${beanName}\", not a class or expression");
        } else if (delegateExpression == null) {
            problems.add(task, "no camunda:delegateExpression");
        } else {
            checkBean(problems, task, "", delegateExpression);
        }
    }

    /** A listener is reported on the element that carries it (in its extension elements). */
    private void checkListener(Problems problems, ModelElementInstance listener, String delegateExpression,
                               String className, boolean script) {
        BaseElement owner = (BaseElement) listener.getParentElement().getParentElement();
        String which = "listener " + (delegateExpression != null ? delegateExpression : className) + ": ";
        if (script || className != null) {
            problems.add(owner, which + "listeners must be camunda:delegateExpression beans");
        } else if (delegateExpression != null) {
            checkBean(problems, owner, which, delegateExpression);
        }
    }

    private void checkBean(Problems problems, BaseElement element, String which, String delegateExpression) {
        Matcher bean = BEAN_EXPRESSION.matcher(delegateExpression.trim());
        if (!bean.matches()) {
            problems.add(element, which + "delegateExpression '" + delegateExpression + "' is not ${beanName}");
        } else if (!references.beans().test(bean.group(1))) {
            problems.add(element, which + "no bean named '" + bean.group(1) + "'");
        }
    }

    /**
     * A form, decision or called process bound to its deployment (camunda:...Binding="deployment", as all of ours
     * are) must come in the same deployment; otherwise it may also have been deployed before.
     */
    private static void checkReference(Problems problems, BaseElement element, String attribute, String id,
                                       String binding, Definitions definitions, String kind) {
        boolean withDiagram = DEPLOYMENT_BINDING.equals(binding);
        if (!definitions.exist(id, withDiagram)) {
            problems.add(element, attribute + " '" + id + "' is not the id of " + kind + (withDiagram
                    ? " deployed with this diagram (camunda:" + attribute.replace("camunda:", "")
                    + "Binding \"deployment\")" : " deployed or in this deployment"));
        }
    }

    public static String label(BaseElement element) {
        return element instanceof FlowElement flow && flow.getName() != null ? flow.getName().replace('\n', ' ')
                : element.getElementType().getTypeName();
    }

    /** The problems of one resource, each naming the element's type, id and name before what is wrong. */
    private record Problems(String resource, List<ModelProblem> list) {

        Problems(String resource) {
            this(resource, new ArrayList<>());
        }

        void add(BaseElement element, String problem) {
            String type = element.getElementType().getTypeName();
            String label = label(element);
            list.add(new ModelProblem(resource, element.getId(), type + " '" + element.getId() + "'"
                    + (label.equals(type) ? "" : " (" + label + ")") + ": " + problem));
        }
    }
}
