package org.independentstudy.processes;

import static org.independentstudy.process.ModelRules.label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;

/**
 * Every step carries its rule IDs in a documentation element, which Modeler shows to analysts. A build-time rule
 * for processes/ (the rule catalogue lives beside the sources), not one the engine checks at deployment.
 */
final class StepDocumentation {

    private static final Pattern RULE_ID = Pattern.compile("\\b[A-Z]{3}-[0-9]{2}\\b");

    private StepDocumentation() {
    }

    static List<String> undocumentedSteps(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        String file = diagram.getFileName().toString();
        List<String> problems = new ArrayList<>();
        for (Activity step : model.getModelElementsByType(Activity.class)) {
            if (!RULE_ID.matcher(documentationOf(step)).find()) {
                problems.add(file + " " + step.getElementType().getTypeName() + " '" + step.getId() + "' ("
                        + label(step) + "): no documentation naming its rule IDs (e.g. AGR-07)");
            }
        }
        return problems;
    }

    static String documentationOf(BaseElement element) {
        StringBuilder text = new StringBuilder();
        for (Documentation documentation : element.getDocumentations()) {
            text.append(documentation.getTextContent()).append('\n');
        }
        return text.toString();
    }
}
