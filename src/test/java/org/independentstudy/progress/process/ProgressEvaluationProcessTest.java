package org.independentstudy.progress.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.independentstudy.support.Api.as;
import static org.independentstudy.support.TasklistUser.asCounselor;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.progress.EvaluationOutcome;
import org.independentstudy.progress.ProgressEvaluationView;
import org.independentstudy.progress.ProgressEvaluations;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.signing.SigningMailbox;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.TestMailServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process progress-evaluation on the demo calendar 2026-27, whose 20-day school months 5 and 6 run
 * 2026-12-15 to 2027-02-01 (across winter break) and 2027-02-02 to 2027-03-08 (across Presidents' week).
 */
@IntegrationTest
class ProgressEvaluationProcessTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMailServer.smtp();

    /** The end of Monday 2027-02-01 and of Monday 2027-03-08 in Los Angeles (PST). */
    private static final Instant END_OF_MONTH_5 = Instant.parse("2027-02-02T07:59:59.999Z");
    private static final Instant END_OF_MONTH_6 = Instant.parse("2027-03-09T07:59:59.999Z");

    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ProgressEvaluations evaluations;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("ATT-06 ATT-08 CAL-01 the teacher evaluates at the end of each school month, across winter break and into the next month; satisfactory progress waits for the next month, and the record is kept three years")
    void satisfactoryMonths() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        ProcessInstance process = start(placement);

        assertThat(process).isWaitingAt("schoolMonthEnded");
        Task evaluate = monthEnds(process, END_OF_MONTH_5);
        assertThat(evaluate.getAssignee()).isEqualTo("teacher");
        assertThat(evaluate.getDueDate()).as("Issue 12.4: the end of the fifth school day after the month")
                .isEqualTo(Date.from(Instant.parse("2027-02-09T07:59:59.999Z")));
        assertThat(runtime.getVariables(process.getId())).containsEntry("monthFirstDay", "2027-01-11")
                .containsEntry("monthLastDay", "2027-02-01").containsEntry("assignmentsMissed", 0)
                .containsEntry("missedAssignmentsForEvaluation", 3);
        tasks.complete(evaluate.getId(), judgement(true));

        assertThat(process).hasPassed("formalEvaluationNeeded").hasNotPassed("notifyFamilyOfEvaluation")
                .isWaitingAt("schoolMonthEnded");
        Task second = monthEnds(process, END_OF_MONTH_6);
        assertThat(second.getDueDate()).as("Monday 2027-03-15, after the change to daylight saving time")
                .isEqualTo(Date.from(Instant.parse("2027-03-16T06:59:59.999Z")));
        tasks.complete(second.getId(), judgement(true));
        // month 7 ends 2027-04-13, after the placement's last day (2027-03-26): the case closes first
        assertThat(process).hasPassed("noMonthLeft").isEnded();

        List<ProgressEvaluationView> kept = evaluations.ofCase(placement.caseId());
        assertThat(kept).extracting(ProgressEvaluationView::monthLastDay)
                .containsExactly(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 8));
        assertThat(kept).allSatisfy(e -> {
            assertThat(e.satisfactory()).isTrue();
            assertThat(e.formalEvaluation()).isFalse();
            assertThat(e.retainUntil()).isEqualTo(e.evaluatedOn().plusYears(3));
        });
    }

    @Test
    @DisplayName("ATT-07 TRN-01 progress not satisfactory: the parents are e-mailed a written notice with their return link (recorded once the server took it), the teacher decides the student remains, and the outcome is on the record")
    void formalEvaluationWithEmailedNotice() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        ProcessInstance process = start(placement);
        tasks.complete(monthEnds(process, END_OF_MONTH_5).getId(), judgement(false));

        assertThat(process).hasPassed("notifyFamilyOfEvaluation").isWaitingAt("decideWhetherStudentRemains");
        String parentEmail = jdbc.queryForObject("select email from guardian where student_id = ? order by id "
                + "fetch first 1 rows only", String.class, placement.student().getId());
        assertThat(Arrays.stream(mail.getReceivedMessages()).filter(m -> recipients(m).contains(parentEmail)
                && GreenMailUtil.getBody(m).contains("evaluation")))
                .isNotEmpty().allSatisfy(m -> assertThat(GreenMailUtil.getBody(m).replace("=\r\n", ""))
                        .as("TRN-01 the family's return link").contains("/family/return/"));
        Task decide = tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
        tasks.complete(decide.getId(), Map.of("evaluationOutcome", "REMAIN",
                "outcomeNotes", "Missed work was due to a family emergency; weekly check-ins agreed"));

        assertThat(process).isWaitingAt("schoolMonthEnded");
        ProgressEvaluationView evaluation = evaluations.ofCase(placement.caseId()).get(0);
        assertThat(evaluation.formalEvaluation()).isTrue();
        assertThat(evaluation.outcome()).isEqualTo(EvaluationOutcome.REMAIN);
        assertThat(evaluation.outcomeBy()).isEqualTo("teacher");
        assertThat(evaluation.notices()).isNotEmpty().allSatisfy(n -> {
            assertThat(n.channel()).isEqualTo("EMAIL");
            assertThat(n.status()).isEqualTo("SENT");
        });
        assertThat(caseRecord.timelineOf(placement.caseId())).extracting(TimelineEntry::getStep)
                .containsSubsequence("progressEvaluated", "evaluationNoticeSent", "evaluationDecided");
    }

    @Test
    @DisplayName("Issue 12.8 ATT-07 TRN-01 a Spanish-speaking family gets the notice of the evaluation in Spanish, with the return link; its printed letter is in Spanish too")
    void noticeInTheFamilysLanguage() throws IOException {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        jdbc.update("update student set home_language = 'es' where id = ?", placement.student().getId());
        ProcessInstance process = start(placement);
        tasks.complete(monthEnds(process, END_OF_MONTH_5).getId(), judgement(false));

        String parentEmail = jdbc.queryForObject("select email from guardian where student_id = ? order by id "
                + "fetch first 1 rows only", String.class, placement.student().getId());
        String firstName = placement.student().getFirstName();
        assertThat(Arrays.stream(mail.getReceivedMessages()).filter(m -> recipients(m).contains(parentEmail)
                && subject(m).contains("evaluación"))).singleElement().satisfies(m -> assertThat(m.getSubject())
                .isEqualTo("Demo Unified School District: evaluación del estudio independiente de " + firstName));
        assertThat(SigningMailbox.textsTo(mail, parentEmail)).filteredOn(t -> t.contains("Aviso de una evaluación"))
                .singleElement().satisfies(text -> assertThat(text)
                        .contains("no ha logrado un progreso educativo satisfactorio en el estudio independiente del ")
                        .contains(" al 1 de febrero de 2027")
                        .contains("Si desea que " + firstName + " regrese al salón de clases (instrucción en persona), "
                                + "use su enlace personal:", "solicitar el regreso al salón de clases: http")
                        .contains("/family/return/").doesNotContain("evaluation"));
        Long evaluationId = (Long) runtime.getVariable(process.getId(), "evaluationId");
        byte[] letter = as(rest, "counselor").getForObject("/api/evaluations/" + evaluationId + "/notice.pdf",
                byte[].class);
        try (var pdf = Loader.loadPDF(letter)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Aviso de una evaluación del estudio independiente");
        }
    }

    @Test
    @DisplayName("ATT-07 a family without e-mail gets a printed letter a counselor mails; the evaluation refers the student, a counselor follows up, and the monthly evaluations go on")
    void letterAndReturn() {
        ActivePlacement placement = placementWithoutEmail();
        ProcessInstance process = start(placement);
        tasks.complete(monthEnds(process, END_OF_MONTH_5).getId(), judgement(false));

        assertThat(process).isWaitingAt("mailEvaluationLetters");
        Task mailLetters = tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
        assertThat(tasks.getIdentityLinksForTask(mailLetters.getId())).anySatisfy(l ->
                assertThat(l.getGroupId()).isEqualTo("counselors"));
        Long evaluationId = (Long) runtime.getVariable(process.getId(), "evaluationId");
        byte[] letter = as(rest, "counselor").getForObject("/api/evaluations/" + evaluationId + "/notice.pdf",
                byte[].class);
        assertThat(new String(letter, 0, 5)).isEqualTo("%PDF-");
        assertThat(as(rest, "analyst").getForEntity("/api/evaluations/" + evaluationId + "/notice.pdf", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        asCounselor(identity, () -> tasks.complete(mailLetters.getId(), Map.of("followUpNote", "Letter mailed to the home address")));
        Task decide = tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
        tasks.complete(decide.getId(), Map.of("evaluationOutcome", "REFER",
                "outcomeNotes", "Referred to the student study team"));
        Task referral = tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
        assertThat(referral.getTaskDefinitionKey()).isEqualTo("followUpEvaluationReferral");
        assertThat(referral.getDueDate()).as("five school days after Tuesday 2027-02-02")
                .isEqualTo(Date.from(Instant.parse("2027-02-10T07:59:59.999Z")));
        asCounselor(identity, () -> tasks.complete(referral.getId(),
                Map.of("followUpNote", "Student study team meets Thursday")));

        assertThat(process).hasPassed("followUpEvaluationReferral").isWaitingAt("schoolMonthEnded");
        assertThat(evaluations.ofCase(placement.caseId()).get(0).notices()).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo("LETTER");
            assertThat(n.status()).isEqualTo("TO_PRINT");
        });
        assertThat(caseRecord.timelineOf(placement.caseId())).extracting(TimelineEntry::getDescription)
                .anySatisfy(d -> assertThat(d).contains("Letter mailed to the home address").contains("by counselor"));
    }

    @Test
    @DisplayName("ATT-07 missed assignments at the policy's number (3) start a formal evaluation even when the teacher judges progress satisfactory; two do not")
    void missedAssignmentsThreshold() {
        ActivePlacement three = activePlacements.traditional("S100011", "teacher");
        ActivePlacement two = activePlacements.traditional("S100011", "teacher");
        missed(three, 3);
        missed(two, 2);
        ProcessInstance formal = start(three);
        ProcessInstance notFormal = start(two);

        tasks.complete(monthEnds(formal, END_OF_MONTH_5).getId(), judgement(true));
        tasks.complete(monthEnds(notFormal, END_OF_MONTH_5).getId(), judgement(true));

        assertThat(formal).hasPassed("notifyFamilyOfEvaluation");
        assertThat(notFormal).hasNotPassed("notifyFamilyOfEvaluation").isWaitingAt("schoolMonthEnded");
    }


    @Test
    @DisplayName("Issue 12.4 ATT-07 AGR-12 CAL-02 a formal evaluation decided on Friday before Presidents' week: the printed notice is due by the end of Monday 2027-02-22, the decision and the revised agreement by the end of Friday 2027-02-26")
    void formalEvaluationDueDatesAcrossPresidentsWeek() {
        ProcessInstance process = start(placementWithoutEmail());
        Task evaluate = monthEnds(process, END_OF_MONTH_5);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-02-12T18:00:00Z")));
        tasks.complete(evaluate.getId(), judgement(false));
        Instant endOfFebruary26 = Instant.parse("2027-02-27T07:59:59.999Z");

        Task mailLetters = tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
        assertThat(mailLetters.getTaskDefinitionKey()).isEqualTo("mailEvaluationLetters");
        assertThat(mailLetters.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-02-23T07:59:59.999Z")));
        asCounselor(identity, () -> tasks.complete(mailLetters.getId(), Map.of("followUpNote", "Letter mailed")));
        Task decide = tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
        assertThat(decide.getDueDate()).isEqualTo(Date.from(endOfFebruary26));
        tasks.complete(decide.getId(), Map.of("evaluationOutcome", "REMAIN_WITH_REVISED_AGREEMENT",
                "outcomeNotes", "Weekly check-ins written into a supplement"));

        Task revise = tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
        assertThat(revise.getTaskDefinitionKey()).isEqualTo("reviseAgreementAfterEvaluation");
        assertThat(revise.getDueDate()).isEqualTo(Date.from(endOfFebruary26));
    }

    /** A placement whose family has no e-mail address: notices are printed letters. */
    private ActivePlacement placementWithoutEmail() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        jdbc.update("update guardian set email = null where student_id = ?", placement.student().getId());
        return placement;
    }

    private ProcessInstance start(ActivePlacement placement) {
        return runtime.startProcessInstanceByKey("progress-evaluation", placement.caseId().toString(),
                Map.of("caseId", placement.caseId()));
    }

    /** The month's timer is due at the end of its last school day; the clock passes it and the job runs. */
    private Task monthEnds(ProcessInstance process, Instant dueAt) {
        Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(dueAt));
        ClockUtil.setCurrentTime(Date.from(dueAt.plus(1, ChronoUnit.MINUTES)));
        management.executeJob(timer.getId());
        return tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey("evaluateMonthlyProgress")
                .singleResult();
    }

    /** Assignments given on the placement's first days, due in school month 5 and never completed. */
    private void missed(ActivePlacement placement, int count) {
        for (int i = 0; i < count; i++) {
            jdbc.update("insert into assignment (case_id, student_id, teacher_username, title, assigned_on, due_on, "
                    + "time_value_minutes, approval_required, recorded_by, recorded_at) values (?, ?, 'teacher', ?, "
                    + "?, ?, 60, false, 'teacher', current_timestamp)", placement.caseId(), placement.student().getId(),
                    "Worksheet " + i, LocalDate.of(2027, 1, 12), LocalDate.of(2027, 1, 14));
        }
    }

    private static Map<String, Object> judgement(boolean satisfactory) {
        return Map.of("achievementAndEngagement", satisfactory, "assignmentsAndAssessments", true,
                "conceptsLearned", true, "progressTowardCompletion", true,
                "evaluationNotes", satisfactory ? "On track" : "Little engagement in live sessions");
    }

    private static String subject(Message message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(Message message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
