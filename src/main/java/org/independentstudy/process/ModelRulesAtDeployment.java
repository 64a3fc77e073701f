package org.independentstudy.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.form.deployer.CamundaFormDefinitionDeployer;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.independentstudy.process.ModelReferences.Definitions;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Refuses a deployment that breaks the {@link ModelRules} before the engine deploys any of it: a service task naming
 * a bean that does not exist would otherwise answer every new case with a 500. It runs on every new deployment,
 * the application's own at start-up and an analyst's through /engine-rest alike, as the engine's first deployer.
 * The refusal is a {@link ParseException}, which /engine-rest answers with 400 and each problem's element id.
 */
@Component
class ModelRulesAtDeployment extends AbstractProcessEnginePlugin implements Deployer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationContext beans;

    ModelRulesAtDeployment(ApplicationContext beans) {
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> first = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        first.add(0, this);
        configuration.setCustomPreDeployers(first);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        // a stored deployment the engine loads again into its cache was checked when it was made
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        List<ModelProblem> problems = new ArrayList<>();
        Map<String, BpmnModelInstance> diagrams = new LinkedHashMap<>();
        Map<String, DmnModelInstance> tables = new LinkedHashMap<>();
        Set<String> forms = new HashSet<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            try {
                if (endsWithAny(name, BpmnDeployer.BPMN_RESOURCE_SUFFIXES)) {
                    diagrams.put(name, Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
                } else if (endsWithAny(name, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)) {
                    tables.put(name, Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
                } else if (endsWithAny(name, CamundaFormDefinitionDeployer.FORM_RESOURCE_SUFFIXES)) {
                    forms.add(JSON.readTree(resource.getBytes()).path("id").asText());
                }
            } catch (ModelException | IOException e) {
                problems.add(new ModelProblem(name, null, "cannot be read: " + e.getMessage()));
            }
        }
        Set<String> decisions = tables.values().stream()
                .flatMap(table -> table.getModelElementsByType(Decision.class).stream())
                .map(Decision::getId).collect(Collectors.toSet());
        Set<String> processes = diagrams.values().stream()
                .flatMap(diagram -> diagram.getModelElementsByType(Process.class).stream())
                .map(Process::getId).collect(Collectors.toSet());
        ModelRules rules = new ModelRules(new ModelReferences(beans::containsBean,
                new Definitions(forms, id -> commandContext().getCamundaFormDefinitionManager()
                        .findLatestDefinitionByKey(id) != null),
                new Definitions(decisions, id -> commandContext().getDecisionDefinitionManager()
                        .findLatestDecisionDefinitionByKey(id) != null),
                new Definitions(processes, id -> commandContext().getProcessDefinitionManager()
                        .findLatestProcessDefinitionByKey(id) != null)));
        diagrams.forEach((name, diagram) -> problems.addAll(rules.bpmnProblems(name, diagram)));
        tables.forEach((name, table) -> problems.addAll(rules.dmnProblems(name, table)));
        if (!problems.isEmpty()) {
            throw new ModelRulesBroken(problems);
        }
    }

    private static CommandContext commandContext() {
        return Context.getCommandContext();
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** One report per resource, each problem with its element id, as the engine's own parser reports. */
    static final class ModelRulesBroken extends ParseException {

        ModelRulesBroken(List<ModelProblem> problems) {
            super(message(problems), problems.get(0).resource(), List.of(), List.of());
            Map<String, List<Problem>> byResource = new LinkedHashMap<>();
            for (ModelProblem problem : problems) {
                byResource.computeIfAbsent(problem.resource(), r -> new ArrayList<>())
                        .add(new ProblemImpl(problem.message(), null, problem.elementId()));
            }
            List<ResourceReport> reports = new ArrayList<>();
            byResource.forEach((resource, errors) -> reports.add(new ResourceReportImpl(resource, errors, List.of())));
            resorceReports = reports;
        }

        private static String message(List<ModelProblem> problems) {
            return "Deployment refused, nothing was deployed; it breaks the model rules (README, \"Deploying an "
                    + "edited diagram\"):" + problems.stream().map(p -> "\n* " + p).collect(Collectors.joining());
        }
    }
}
