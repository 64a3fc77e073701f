package org.independentstudy.config;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.independentstudy.records.CaseDisplayNames;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process is named with its student ("Draft agreement — Sofia Garcia (S100001)"), so a
 * counselor with many open cases tells the tasks apart in Tasklist. Done once for all diagrams, so analysts
 * need not remember it in each.
 */
@Component
class TaskNamesWithStudent extends AbstractProcessEnginePlugin {

    private final CaseDisplayNames caseNames;

    TaskNamesWithStudent(CaseDisplayNames caseNames) {
        this.caseNames = caseNames;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new java.util.ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ActivityBehavior behavior = activity.getActivityBehavior();
                if (behavior instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, this::nameWithStudent);
                }
            }

            private void nameWithStudent(DelegateTask task) {
                if (task.getVariable("caseId") instanceof Long caseId) {
                    caseNames.displayNameOf(caseId).ifPresent(name -> task.setName(task.getName() + " — " + name));
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
