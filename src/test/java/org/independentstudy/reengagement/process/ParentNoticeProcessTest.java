package org.independentstudy.reengagement.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.independentstudy.support.Api.as;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.participation.ParticipationEntry;
import org.independentstudy.participation.ParticipationRecording;
import org.independentstudy.participation.ParticipationStatus;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.MailOutboxTries;
import org.independentstudy.support.ReengagementWalk;
import org.independentstudy.support.TestMailServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** The process parent-notice (REE-06) on the demo calendar 2026-27, with the in-process SMTP server. */
@IntegrationTest
class ParentNoticeProcessTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMailServer.smtp();

    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    ParticipationRecording recording;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    SchoolCalendar calendar;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    ReengagementWalk walk;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    MailOutboxTries tries;

    @Test
    @DisplayName("REE-06 a Spanish-speaking family gets the notice in Spanish by e-mail at the end of the teaching day; the days recorded that day make one notice per parent, and the record lists what was sent to whom")
    void spanishEmail() throws Exception {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        jdbc.update("update student set home_language = 'es' where id = ?", placement.student().getId());
        at(2027, 1, 20, 9);
        record(placement, LocalDate.of(2027, 1, 19), "Sin conexión a internet");
        record(placement, LocalDate.of(2027, 1, 20), "Enfermo");

        ProcessInstance notice = noticeOf(placement);
        assertThat(notice).isWaitingAt("noticeSendTime");
        assertThat(mail.getReceivedMessages()).noneMatch(m -> subject(m).contains("no participó"));
        runTimer(notice);

        String parentEmail = jdbc.queryForObject("select email from guardian where student_id = ? order by id "
                + "fetch first 1 rows only", String.class, placement.student().getId());
        List<MimeMessage> received = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> recipients(m).contains(parentEmail) && subject(m).contains("no participó")).toList();
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).endsWith("no participó en el estudio independiente");
            assertThat(GreenMailUtil.getBody(m)).contains("19 de enero de 2027").contains("20 de enero de 2027");
            assertThat(GreenMailUtil.getBody(m).replace("=\r\n", "")).as("TRN-01 the family's return link")
                    .contains("/family/return/");
        });
        assertThat(notice).hasPassed("sendParentNotice").isEnded();
        assertThat(jdbc.queryForList("select d.status from parent_notice_delivery d join parent_notice n "
                + "on n.id = d.notice_id where n.case_id = ?", String.class, placement.caseId())).containsOnly("SENT");
        assertThat(caseRecord.timelineOf(placement.caseId())).filteredOn(e -> "parentNoticeSent".equals(e.getStep()))
                .singleElement().satisfies(e -> {
                    assertThat(e.getRuleId()).isEqualTo("REE-06");
                    assertThat(e.getDescription()).contains("2027-01-19, 2027-01-20").contains("(es)")
                            .contains("e-mailed to").contains(parentEmail);
                });
    }

    @Test
    @DisplayName("REE-06 CAL-02 a day recorded on Friday before Presidents' week (a holiday Monday and the week off) is due by the end of the next school day, Monday 2027-02-22")
    void dueByTheEndOfTheNextSchoolDay() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        at(2027, 2, 12, 15);
        record(placement, LocalDate.of(2027, 2, 12), "No work submitted");

        Date due = (Date) runtime.getVariable(noticeOf(placement).getId(), "noticeDueAt");
        assertThat(due).isEqualTo(calendar.endOfSchoolDay(LocalDate.of(2027, 2, 22)));
        assertThat(due.toInstant().toString()).isEqualTo("2027-02-23T07:59:59.999Z");
    }

    @Test
    @DisplayName("REE-06 a parent without e-mail gets a printed letter in the family's language; a counselor hands it over and the record says printed")
    void printedLetter() throws IOException {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        ProcessInstance notice = letterToPrint(placement);

        assertThat(notice).isWaitingAt("handOverPrintedNotice");
        Long noticeId = (Long) runtime.getVariable(notice.getId(), "noticeId");
        byte[] letter = as(rest, "counselor").getForObject("/api/parent-notices/" + noticeId + "/letter.pdf", byte[].class);
        try (var pdf = Loader.loadPDF(letter)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("did not take part").contains("January 20, 2027");
        }
        assertThat(as(rest, "analyst").getForEntity("/api/parent-notices/" + noticeId + "/letter.pdf", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        walk.asStaff("counselor", walk.task(notice), Map.of("handOverNote", "Mailed to the home address"));

        assertThat(notice).isEnded();
        assertThat(jdbc.queryForList("select status from parent_notice_delivery where notice_id = ? order by id",
                String.class, noticeId)).containsExactly("TO_PRINT", "PRINTED");
        assertThat(caseRecord.timelineOf(placement.caseId())).extracting(TimelineEntry::getStep)
                .containsSubsequence("parentNoticeSent", "parentNoticeHandedOver");
    }

    @Test
    @DisplayName("REE-06 a letter not handed over by the end of the next school day: the record says so and a counselor must deliver it")
    void overdueNotice() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        ProcessInstance notice = letterToPrint(placement);
        Job deadline = management.createJobQuery().processInstanceId(notice.getId()).timers()
                .activityId("noticeNotHandedOver").singleResult();
        assertThat(deadline.getDuedate()).isEqualTo(calendar.endOfSchoolDay(LocalDate.of(2027, 1, 21)));

        ClockUtil.setCurrentTime(new Date(deadline.getDuedate().getTime() + 1000));
        management.executeJob(deadline.getId());

        assertThat(notice).hasPassed("recordNoticeOverdue").isWaitingAt("deliverOverdueNotice");
        assertThat(walk.task(notice).getDueDate()).as("Issue 12.4: the next school day after the missed deadline")
                .isEqualTo(calendar.endOfSchoolDay(LocalDate.of(2027, 1, 22)));
        assertThat(caseRecord.timelineOf(placement.caseId())).filteredOn(e -> "parentNoticeOverdue".equals(e.getStep()))
                .singleElement().satisfies(e -> assertThat(e.getDescription()).contains("2027-01-20")
                        .contains("not handed over by the end of the next school day"));
        walk.asStaff("counselor", walk.task(notice), Map.of("handOverNote",
                "Called the father and handed him the letter at the office"));
        assertThat(notice).isEnded();
    }

    @Test
    @DisplayName("Issue 12.4 REE-06 CAL-02 a letter recorded on Friday before Presidents' week and still not handed over at the end of Monday 2027-02-22 must be delivered by the end of Tuesday 2027-02-23")
    void overdueNoticeDueTheNextSchoolDay() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        ProcessInstance notice = letterToPrint(placement, LocalDate.of(2027, 2, 12));
        assertThat(walk.task(notice).getDueDate()).as("the letter itself").isEqualTo(Date.from(
                Instant.parse("2027-02-23T07:59:59.999Z")));
        Job deadline = management.createJobQuery().processInstanceId(notice.getId()).timers()
                .activityId("noticeNotHandedOver").singleResult();

        ClockUtil.setCurrentTime(new Date(deadline.getDuedate().getTime() + 1000));
        management.executeJob(deadline.getId());

        assertThat(notice).isWaitingAt("deliverOverdueNotice");
        assertThat(walk.task(notice).getDueDate()).isEqualTo(Date.from(Instant.parse("2027-02-24T07:59:59.999Z")));
    }

    @Test
    @DisplayName("REE-06 Issue 13.4 the mail server is down: the try is recorded as failed, the mail outbox tries again a minute later and the record says retried once the server took it")
    void mailServerDownThenRetried() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        ProcessInstance notice = absentOnJanuary20th(placement);
        mail.stop();
        try {
            runTimer(notice);
        } finally {
            mail.start();
        }
        assertThat(notice).isWaitingAt("noticeMailSettled");
        assertThat(tries.next("parent-notice", mailOf(notice))).get().extracting(Job::getDuedate)
                .isEqualTo(Date.from(ZonedDateTime.of(2027, 1, 20, 17, 1, 0, 0, FixedEngineClock.DISTRICT).toInstant()));
        tries.runNext("parent-notice", mailOf(notice));

        assertThat(notice).isEnded();
        assertThat(jdbc.queryForList("select d.status from parent_notice_delivery d join parent_notice n "
                + "on n.id = d.notice_id where n.case_id = ? order by d.id", String.class, placement.caseId()))
                .containsExactly("FAILED", "RETRIED");
        assertThat(caseRecord.timelineOf(placement.caseId())).extracting(TimelineEntry::getStep)
                .containsSubsequence("parentNoticeFailed", "parentNoticeSent");
    }

    @Test
    @DisplayName("REE-06 Issue 13.4 the mail server still refuses on the mail outbox's last try: the parent gets a printed letter, every try on record")
    void mailRefusedToTheLastTry() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        ProcessInstance notice = absentOnJanuary20th(placement);
        mail.stop();
        try {
            runTimer(notice);
            while (tries.runNext("parent-notice", mailOf(notice))) {
                assertThat(notice).isActive();
            }
        } finally {
            mail.start();
        }

        assertThat(notice).isWaitingAt("handOverPrintedNotice");
        List<String> statuses = jdbc.queryForList("select d.status from parent_notice_delivery d join parent_notice n "
                + "on n.id = d.notice_id where n.case_id = ? order by d.id", String.class, placement.caseId());
        assertThat(statuses).hasSize(11).endsWith("FAILED", "TO_PRINT").filteredOn("FAILED"::equals).hasSize(10);
        assertThat(caseRecord.timelineOf(placement.caseId())).filteredOn(e -> "parentNoticeSent".equals(e.getStep()))
                .singleElement().satisfies(e -> assertThat(e.getDescription())
                        .contains("printed letter to be handed over for").contains("(e-mail refused)"));
        assertThat(ClockUtil.getCurrentTime()).as("the last try, 9 pauses of 1, 2, 4, 8 and 5 x 15 minutes later")
                .isEqualTo(Date.from(ZonedDateTime.of(2027, 1, 20, 18, 30, 0, 0, FixedEngineClock.DISTRICT).toInstant()));
    }

    @Test
    @DisplayName("REE-06 ENR-11 an exempt placement's nonparticipatory day gets no re-engagement notice; a participatory day none either")
    void noNoticeWhereTheRulesDoNotApply() {
        ActivePlacement exempt = activePlacements.traditional("S100011", "teacher");
        jdbc.update("update enrollment set medical_exemption = true where case_id = ?", exempt.caseId());
        ActivePlacement participating = activePlacements.traditional("S100011", "teacher");
        at(2027, 1, 20, 17);
        record(exempt, LocalDate.of(2027, 1, 20), "In hospital");
        recording.record("teacher", List.of(new ParticipationEntry(participating.caseId(), LocalDate.of(2027, 1, 20),
                ParticipationStatus.PARTICIPATORY, null, 60, 60, List.of())));

        assertThat(noticesOf(exempt)).isZero();
        assertThat(noticesOf(participating)).isZero();
    }

    /** Wednesday 2027-01-20 recorded nonparticipatory at 17:00: its notice, waiting to go out. */
    private ProcessInstance absentOnJanuary20th(ActivePlacement placement) {
        at(2027, 1, 20, 17);
        record(placement, LocalDate.of(2027, 1, 20), "Absent");
        return noticeOf(placement);
    }

    /** The notice's e-mails in the mail outbox. */
    private Predicate<String> mailOf(ProcessInstance notice) {
        String reference = runtime.getVariable(notice.getId(), "noticeId") + "/";
        return ref -> ref.startsWith(reference);
    }

    /** A family without e-mail: the day recorded on Wednesday 2027-01-20 at 17:00 makes a letter to print. */
    private ProcessInstance letterToPrint(ActivePlacement placement) {
        return letterToPrint(placement, LocalDate.of(2027, 1, 20));
    }

    /** A nonparticipatory day recorded at 17:00 for a family without e-mail: its letter waits to be handed over. */
    private ProcessInstance letterToPrint(ActivePlacement placement, LocalDate day) {
        jdbc.update("update guardian set email = null where student_id = ?", placement.student().getId());
        at(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), 17);
        record(placement, day, "Absent");
        ProcessInstance notice = noticeOf(placement);
        runTimer(notice);
        return notice;
    }

    private void record(ActivePlacement placement, LocalDate day, String reason) {
        recording.record(placement.teacher(), List.of(new ParticipationEntry(placement.caseId(), day,
                ParticipationStatus.NONPARTICIPATORY, reason, 60, 0, List.of())));
    }

    private long noticesOf(ActivePlacement placement) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("parent-notice")
                .processInstanceBusinessKey(placement.caseId().toString()).count();
    }

    private ProcessInstance noticeOf(ActivePlacement placement) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("parent-notice")
                .processInstanceBusinessKey(placement.caseId().toString()).singleResult();
    }

    /** The notice's send time: the clock passes it and the job runs. */
    private void runTimer(ProcessInstance notice) {
        Job timer = management.createJobQuery().processInstanceId(notice.getId()).timers()
                .activityId("noticeSendTime").singleResult();
        if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        }
        management.executeJob(timer.getId());
    }

    private static void at(int year, int month, int day, int hour) {
        FixedEngineClock.setClock(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, FixedEngineClock.DISTRICT));
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
