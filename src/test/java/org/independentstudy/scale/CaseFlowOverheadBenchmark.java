package org.independentstudy.scale;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.RequiredSigner;
import org.independentstudy.agreement.SignatureMethod;
import org.independentstudy.cases.CaseIntake;
import org.independentstudy.family.MailFirstTries;
import org.independentstudy.records.CasePhase;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.DraftFormVariables;
import org.independentstudy.support.EngineAssertions;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.TasklistUser;
import org.independentstudy.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 13.13: the overhead of the case flow. A family's request to its active case, as the application runs it
 * (intake, eligibility, the agreement drafted in its user task, the family's signatures recorded, the teacher's
 * signing task completed in Tasklist's name, the job after the last signature, activation), next to a bare process
 * of the same shape on the same engine and database in the same run: the same service tasks with no-op
 * delegates, the same user tasks (candidate groups and users), the call activities, the family's signatures as a
 * message to a receive task, the asynchronous join, the waits the active case is left in (timers, a message).
 * Both are driven alike, one flow after another; the activity instances each flow passes are printed by type so
 * the shapes can be compared. The real flow's e-mails (the family's signing links) go to a real SMTP server, first
 * tried on threads of their own as in production; a round ends once they are all sent. Each round also prints the
 * time of each step of a flow, and the statements the database ran a flow with their planning and running time in
 * the server (pg_stat_statements), the most frequent ones first ({@code -Dflow.statements-shown}, 12 unless told):
 * where the real flow's overhead goes. Run with
 * {@code ./mvnw -q test -Pbenchmark -Dtest=CaseFlowOverheadBenchmark}; prints figures, asserts nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith({FixedEngineClock.class, EngineAssertions.class})
@Import({InstrumentedPostgres.class, CaseFlowOverheadBenchmark.NoOpDelegate.class})
@TestPropertySource(properties = "isp.mail.outbox.first-try-threads=2")
class CaseFlowOverheadBenchmark {

    @RegisterExtension
    static GreenMailExtension mail = TestMailServer.smtp();

    static final int FLOWS = Integer.getInteger("flow.count", 200);
    static final String TEACHER = "teacher3";
    static final int STATEMENTS_SHOWN = Integer.getInteger("flow.statements-shown", 12);

    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    DemoStudents students;
    @Autowired
    AgreementSignatures signatures;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;
    @Autowired
    MailFirstTries firstTries;
    @Autowired
    JdbcTemplate jdbc;

    /** The bare flow's delegate for every service task and listener: a bean, as the model rules ask. */
    @TestConfiguration(proxyBeanMethods = false)
    static class NoOpDelegate {

        @Bean
        JavaDelegate caseFlowNoOp() {
            return execution -> {
            };
        }

        @Bean
        ExecutionListener caseFlowNoOpListener() {
            return execution -> {
            };
        }
    }

    private java.util.Deque<org.independentstudy.enrollment.FamilyRequest> requests;
    private final Steps steps = new Steps();

    /** The time each step of a flow took, summed over a round, in the order the steps run. */
    static class Steps extends LinkedHashMap<String, Long> {

        <T> T time(String step, Supplier<T> work) {
            long start = System.nanoTime();
            try {
                return work.get();
            } finally {
                merge(step, System.nanoTime() - start, Long::sum);
            }
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void requestToActiveCase() throws InterruptedException {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-09-01T16:00:00Z")));
        deployBare();
        // each request for a student of its own, made before the clock runs (as CaseIntakeBenchmark does)
        requests = new java.util.ArrayDeque<>();
        for (int i = 0; i < 2 * FLOWS + 21; i++) {
            requests.add(students.requestForNewStudentLike("S100001").build());
        }
        int[] flow = {0};
        String realKey = String.valueOf(realFlow());
        String bareKey = bareFlow(flow[0]++);
        System.out.println("BENCHMARK activity instances of one real flow:  " + shape(realKey));
        System.out.println("BENCHMARK activity instances of one bare flow:  " + shape(bareKey));
        for (int i = 0; i < 20; i++) {
            realFlow();
            bareFlow(flow[0]++);
        }
        jdbc.execute("create extension if not exists pg_stat_statements");
        int mailBefore = mail.getReceivedMessages().length;
        double real1 = throughput("real case flow: request to active case (1st round)", () -> {
            realFlow();
            return 1;
        });
        double bare1 = throughput("bare process of the same shape (1st round)", () -> {
            bareFlow(flow[0]++);
            return 1;
        });
        double bare2 = throughput("bare process of the same shape (2nd round)", () -> {
            bareFlow(flow[0]++);
            return 1;
        });
        double real2 = throughput("real case flow: request to active case (2nd round)", () -> {
            realFlow();
            return 1;
        });
        // the benchmark signs for the family without opening their links: a link's e-mail not yet tried when its
        // signer has signed is withdrawn, as for a family member who signed in person
        System.out.printf("BENCHMARK %-62s %8.2f (withdrawn %d, waiting or given up %d)%n", "e-mails sent a real flow",
                (mail.getReceivedMessages().length - mailBefore) / (2.0 * FLOWS),
                jdbc.queryForObject("select count(*) from mail_outbox where status = 'WITHDRAWN'", Integer.class),
                jdbc.queryForObject("select count(*) from mail_outbox where status in ('PENDING', 'GAVE_UP')",
                        Integer.class));
        double real = (real1 + real2) / 2;
        double bare = (bare1 + bare2) / 2;
        System.out.printf("BENCHMARK %-62s %8.1f %% (goal: at least 70 %%; real %.1f/s, bare %.1f/s)%n",
                "real case flow / bare process", 100 * real / bare, real, bare);
    }

    /** One family's request to an active placement; the case's id. */
    private Long realFlow() {
        Long caseId = steps.time("request received", () -> intake.receive(requests.remove()));
        String agreement = steps.time("agreement drafted", () -> {
            String caseInstance = caseRecord.get(caseId).getProcessInstanceId();
            String instance = runtime.createProcessInstanceQuery().superProcessInstanceId(caseInstance)
                    .singleResult().getId();
            completeDraft(instance);
            return instance;
        });
        steps.time("family signed", () -> {
            Long versionId = (Long) runtime.getVariable(agreement, "agreementVersionId");
            for (RequiredSigner signer : signatures.unsignedSigners(versionId, LocalDate.of(2026, 9, 1))) {
                if (signer.role().isFamily()) {
                    signatures.sign(versionId, signer.role(), signer.identity(), SignatureMethod.EMAIL_LINK);
                }
            }
            return null;
        });
        steps.time("teacher signed", () -> signAsTeacher(agreement));
        steps.time("jobs run (activation)", () -> runJobs(agreement));
        if (caseRecord.get(caseId).getPhase() != CasePhase.ACTIVE) {
            throw new IllegalStateException("case " + caseId + " is not active: " + caseRecord.get(caseId).getPhase());
        }
        return caseId;
    }

    /** The bare process driven alike; its business key. */
    private String bareFlow(int n) {
        String key = "bare-" + n;
        String process = steps.time("request received", () -> runtime.startProcessInstanceByKey("bare-case", key,
                Map.of("drafter", TEACHER, "teachers", List.of(TEACHER))).getId());
        String agreement = steps.time("agreement drafted", () -> {
            String instance = runtime.createProcessInstanceQuery().superProcessInstanceId(process).singleResult()
                    .getId();
            completeDraft(instance);
            return instance;
        });
        steps.time("family signed", () -> runtime.createMessageCorrelation("BareFamilySignaturesComplete")
                .processInstanceId(agreement).correlateWithResult());
        steps.time("teacher signed", () -> signAsTeacher(agreement));
        steps.time("jobs run (activation)", () -> runJobs(agreement));
        if (runtime.createProcessInstanceQuery().processDefinitionKey("bare-evaluation")
                .superProcessInstanceId(process).count() != 1) {
            throw new IllegalStateException(key + " is not active");
        }
        return key;
    }

    private void completeDraft(String agreementInstance) {
        Task draft = tasks.createTaskQuery().processInstanceId(agreementInstance).singleResult();
        tasks.complete(draft.getId(), new java.util.HashMap<>(DraftFormVariables.complete(LocalDate.of(2026, 9, 14),
                LocalDate.of(2026, 10, 9), TEACHER)));
    }

    /** The teacher completes their signing task as Tasklist does: authenticated with their groups. */
    private Void signAsTeacher(String agreementInstance) {
        identity.setAuthentication(TEACHER, TasklistUser.groupsOf(identity, TEACHER));
        try {
            Task sign = tasks.createTaskQuery().processInstanceId(agreementInstance).taskDefinitionKey("signAsTeacher")
                    .singleResult();
            tasks.complete(sign.getId());
            return null;
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The jobs the job executor would run now (the asynchronous join after the last signature). */
    private Void runJobs(String instance) {
        for (Job job : management.createJobQuery().processInstanceId(instance).executable().list()) {
            management.executeJob(job.getId());
        }
        return null;
    }

    /** The activity instances passed by every process instance of a business key, counted by type. */
    private String shape(String businessKey) {
        List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .list().stream().map(p -> p.getId()).toList();
        Map<String, Long> byType = new TreeMap<>();
        for (String instance : instances) {
            for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance).list()) {
                byType.merge(activity.getActivityType(), 1L, Long::sum);
            }
        }
        return instances.size() + " process instances, " + byType.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * The flows per second: FLOWS of them, one after another, and the e-mails they queued sent; with the statements
     * the database ran for them (pg_stat_statements, commits included) and the most frequent ones.
     */
    private double throughput(String what, IntSupplier flow) throws InterruptedException {
        jdbc.queryForList("select pg_stat_statements_reset()");
        steps.clear();
        long start = System.nanoTime();
        for (int i = 0; i < FLOWS; i++) {
            flow.getAsInt();
        }
        if (!firstTries.awaitFinished(Duration.ofMinutes(1))) {
            throw new IllegalStateException("the e-mails' first tries did not finish");
        }
        double perSecond = FLOWS / ((System.nanoTime() - start) / 1e9);
        System.out.printf("BENCHMARK %-62s %8d flows %8.1f /s  %8.1f ms a flow%n", what, FLOWS, perSecond,
                1000 / perSecond);
        steps.forEach((step, nanos) -> System.out.printf("BENCHMARK   %-60s %8.1f ms a flow%n", step,
                nanos / 1e6 / FLOWS));
        Map<String, Object> total = jdbc.queryForMap("""
                select sum(calls) as calls, sum(total_exec_time) as ms, sum(total_plan_time) as plan_ms
                  from pg_stat_statements
                 where query not like '%pg_stat_statements%'""");
        System.out.printf("BENCHMARK %-62s %8.1f statements, in the server %.1f ms planning, %.1f ms running%n",
                "  a flow", ((Number) total.get("calls")).doubleValue() / FLOWS,
                ((Number) total.get("plan_ms")).doubleValue() / FLOWS, ((Number) total.get("ms")).doubleValue() / FLOWS);
        jdbc.queryForList("""
                select calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query from pg_stat_statements
                 where query not like '%pg_stat_statements%' order by calls desc limit ?""", STATEMENTS_SHOWN)
                .forEach(row -> System.out.printf("BENCHMARK %8.2f a flow: %s%n",
                        ((Number) row.get("calls")).doubleValue() / FLOWS, row.get("query")));
        return perSecond;
    }

    /** The case flow's path to an active case, every step a no-op. */
    private void deployBare() {
        String noOp = "${caseFlowNoOp}";
        String noOpListener = "${caseFlowNoOpListener}";
        BpmnModelInstance bareCase = Bpmn.createExecutableProcess("bare-case").camundaHistoryTimeToLive(1095)
                .startEvent("familyRequestReceived")
                .serviceTask("registerFamilyRequest").camundaDelegateExpression(noOp)
                .subProcess("eligibilityChecks").embeddedSubProcess().startEvent("eligibilityChecksStarted")
                .serviceTask("decidePlacementType").camundaDelegateExpression(noOp)
                .serviceTask("checkMinimumLength").camundaDelegateExpression(noOp)
                .serviceTask("checkSuspensionReferral").camundaDelegateExpression(noOp)
                .serviceTask("recordSection504Plan").camundaDelegateExpression(noOp)
                .serviceTask("checkCourseBasedSemesterLock").camundaDelegateExpression(noOp)
                .serviceTask("checkHomeHospitalExclusion").camundaDelegateExpression(noOp)
                .endEvent("eligibilityChecked").subProcessDone()
                .exclusiveGateway("iepNeeded")
                .serviceTask("decideMedicalExemption").camundaDelegateExpression(noOp)
                .intermediateThrowEvent("readyForAgreement").camundaExecutionListenerDelegateExpression("start", noOpListener)
                .callActivity("draftAndSignAgreement").calledElement("bare-agreement")
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .camundaIn("drafter", "drafter").camundaIn("teachers", "teachers")
                .intermediateThrowEvent("placementActive").camundaExecutionListenerDelegateExpression("start", noOpListener)
                .parallelGateway("placementStarts")
                .callActivity("evaluateProgressMonthly").calledElement("bare-evaluation")
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .endEvent("monthlyEvaluationsEnded")
                .moveToNode("placementStarts")
                .eventBasedGateway().id("placementRunning")
                .intermediateCatchEvent("agreementLastDayPassed").timerWithDate("2026-10-10T07:00:00Z")
                .endEvent("caseClosed")
                .moveToNode("placementRunning")
                .intermediateCatchEvent("returnRequested").message("BareReturnRequested")
                .endEvent("returnedToClassroom")
                .done();
        BpmnModelInstance bareAgreement = Bpmn.createExecutableProcess("bare-agreement").camundaHistoryTimeToLive(1095)
                .startEvent("agreementRequested")
                .serviceTask("prepareAgreementDraft").camundaDelegateExpression(noOp)
                .userTask("draftAgreement").camundaAssignee("${drafter}").camundaCandidateGroups("teachers,counselors").camundaFormRef("draft-agreement").camundaFormRefBinding("latest")
                .camundaDueDate("2026-09-11T07:00:00Z")
                .serviceTask("validateAgreement").camundaDelegateExpression(noOp)
                .exclusiveGateway("agreementComplete")
                .exclusiveGateway("conferencePending")
                .serviceTask("sendForSignatures").camundaDelegateExpression(noOp)
                .subProcess("collectSignatures").embeddedSubProcess().startEvent("signaturesRequested")
                .parallelGateway("requestSignatures")
                .userTask("signAsTeacher").camundaCandidateUsers("${teacherSigner}")
                .camundaFormRef("sign-agreement").camundaFormRefBinding("latest")
                .camundaDueDate("2026-09-11T07:00:00Z")
                .multiInstance().camundaCollection("${teachers}").camundaElementVariable("teacherSigner")
                .multiInstanceDone()
                .exclusiveGateway("specialEducationSignatureNeeded")
                .exclusiveGateway("specialEducationSigned")
                .parallelGateway("allSignaturesIn").camundaAsyncBefore()
                .endEvent("signaturesComplete")
                .moveToNode("requestSignatures")
                .receiveTask("awaitFamilySignatures").message("BareFamilySignaturesComplete")
                .connectTo("allSignaturesIn")
                .subProcessDone()
                .serviceTask("activateAgreement").camundaDelegateExpression(noOp)
                .endEvent("agreementActivated")
                .moveToActivity("collectSignatures").boundaryEvent("signatureReminderDue").cancelActivity(false)
                .timerWithDate("2026-09-08T07:00:00Z")
                .serviceTask("remindUnsignedSigners").camundaDelegateExpression(noOp)
                .endEvent("reminded")
                .done();
        BpmnModelInstance bareEvaluation = Bpmn.createExecutableProcess("bare-evaluation").camundaHistoryTimeToLive(1095)
                .startEvent("evaluationsStarted")
                .serviceTask("planNextEvaluation").camundaDelegateExpression(noOp)
                .exclusiveGateway("schoolMonthLeft")
                .intermediateCatchEvent("schoolMonthEnded").timerWithDate("2026-10-09T07:00:00Z")
                .endEvent("evaluationsEnded")
                .done();
        repository.createDeployment().name("bare case flow").addModelInstance("bare-case.bpmn", bareCase)
                .addModelInstance("bare-agreement.bpmn", bareAgreement)
                .addModelInstance("bare-evaluation.bpmn", bareEvaluation).deploy();
    }
}
