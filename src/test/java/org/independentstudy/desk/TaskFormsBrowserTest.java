package org.independentstudy.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.agreement.AgreementScenarios;
import org.independentstudy.cases.CaseIntake;
import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.Student;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.DraftFormVariables;
import org.independentstudy.support.HeadlessChromium;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.RequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12.5: the Camunda Forms as Tasklist (form-js 1.8.7) renders them in headless Chromium: what the JSON of
 * forms/ asks for (templated links, FEEL options and conditions) must work in the real renderer.
 */
@IntegrationTest
class TaskFormsBrowserTest {

    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    DemoStudents students;
    @Autowired
    AgreementScenarios scenarios;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    CaseIntake intake;

    @AfterEach
    void logOut() {
        chromium.browser().manage().deleteAllCookies();
    }

    @Test
    @DisplayName("Issue 12.5 AGR-11 in Tasklist the drafting form links to its case page and offers the school's credentialed teachers by name")
    void draftingFormInTasklist() {
        Long caseId = enrolledLongTermCase();
        ProcessInstance agreement = agreementProcessOf(caseId);
        WebDriver browser = open("teacher", taskOf(agreement));

        assertThat(browser.findElement(By.linkText("Open the case page")).getAttribute("href"))
                .endsWith("/desk/cases/" + caseId);
        WebElement teacher = browser.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", teacher);
        teacher.click();
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-dropdownlist"))).getText())
                .contains("Marcus Bell (teacher)", "Linh Pham (teacher2)").doesNotContain("Evan Ross");
    }

    @Test
    @DisplayName("Issue 12.5 ENR-02 in Tasklist a conference recorded as held tomorrow is pointed out under its date before anything is submitted")
    void futureConferenceDayPointedOutInTasklist() {
        RequestBuilder request = students.requestForNewStudentLike("S100002").withConference(false);
        ProcessInstance process = runtime.startProcessInstanceByKey("independent-study-case",
                request.asStartForm());
        Task schedule = tasks.createTaskQuery().processInstanceId(process.getId())
                .taskDefinitionKey("schedulePreEnrollmentConference").singleResult();
        tasks.complete(schedule.getId(), Map.of("conferenceModality", "TELEPHONE", "conferenceDate", "2026-12-02",
                "conferenceAttendees", "Parent, counselor"));
        Task record = tasks.createTaskQuery().processInstanceId(process.getId())
                .taskDefinitionKey("recordPreEnrollmentConference").singleResult();
        // the form starts from the process data: a held-on day after today, as a counselor might type it
        runtime.setVariables(process.getId(), Map.of("conferenceOutcome", "HELD", "conferenceHeldOn", "2999-12-02"));

        WebDriver browser = open("counselor", record);

        assertThat(wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "is after today"))).isTrue();
        runtime.setVariable(process.getId(), "conferenceHeldOn", "2000-01-03");
        browser.navigate().refresh();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Held on"));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("is after today");
    }

    @Test
    @DisplayName("Issue 12.4 ENR-02 in Tasklist the scheduling form shows the family's contacts and how they asked to meet")
    void schedulingFormShowsTheFamily() {
        // over the phone, the parent asks for a videoconference with an advocate
        RequestBuilder request = students.requestForNewStudentLike("S100002").withConference(true);
        Long caseId = intake.receive(request.build());
        Task schedule = tasks.createTaskQuery().processInstanceBusinessKey(caseId.toString())
                .taskDefinitionKey("schedulePreEnrollmentConference").singleResult();
        Guardian parent = students.parentOf(request.student);

        WebDriver browser = open("counselor", schedule);

        String form = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                ".fjs-container"))).getText();
        assertThat(form).contains(parent.getFullName(), parent.getPhone(), parent.getEmail(),
                "The family asked to meet: videoconference; an advocate is requested.");
    }

    @Test
    @DisplayName("AGR-07 AGR-08 in Tasklist the task of reaching a family whose signing e-mails were not delivered names the signers a line each and the refused address, and links to the case")
    void undeliveredSigningEmailFormNamesTheSigners() {
        Long caseId = enrolledLongTermCase();
        ProcessInstance agreement = agreementProcessOf(caseId);
        tasks.complete(taskOf(agreement).getId(), new java.util.HashMap<>(DraftFormVariables.complete(
                AgreementScenarios.START, AgreementScenarios.END, "teacher")));
        // as AgreementProcessMessages leaves it once the mail outbox gave up the student's e-mail and the parent's
        String signers = "Lucia Alvarez (student)\nRosa Alvarez (parent, guardian or caregiver)";
        runtime.createMessageCorrelation("FamilySigningLinkUndelivered").processInstanceId(agreement.getId())
                .setVariableLocal("undeliveredSigner", signers)
                .setVariableLocal("undeliveredEmail", "rosa.alvarez@example.invalid").correlate();
        Task reach = tasks.createTaskQuery().processInstanceId(agreement.getId())
                .taskDefinitionKey("reachFamilyWithoutEmail").singleResult();

        WebDriver browser = open("counselor", reach);

        assertThat(browser.findElement(By.linkText("Open the case page")).getAttribute("href"))
                .endsWith("/desk/cases/" + caseId);
        assertThat(browser.findElement(By.cssSelector(".fjs-form-field-textarea textarea")).getAttribute("value"))
                .isEqualTo(signers);
        assertThat(browser.findElements(By.cssSelector(".fjs-form-field-textfield input")))
                .extracting(field -> field.getAttribute("value")).containsExactly("rosa.alvarez@example.invalid");
        assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
                .contains("How the family signs", "How you reached the family");
    }

    /** A student enrolled for a long-term placement, the case's agreement still to draft. */
    private Long enrolledLongTermCase() {
        Student student = students.newStudentLike("S100011");
        return scenarios.enrolledCase(student, FamilyRequest.PreferredPlacement.LONG_TERM, AgreementScenarios.START,
                AgreementScenarios.END);
    }

    private ProcessInstance agreementProcessOf(Long caseId) {
        return runtime.startProcessInstanceByKey("written-agreement", caseId.toString(), Map.of("caseId", caseId));
    }

    private Task taskOf(ProcessInstance process) {
        return tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
    }

    /** The task claimed by the user (Tasklist disables the form of an unclaimed task) and opened in Tasklist. */
    private WebDriver open(String user, Task task) {
        tasks.claim(task.getId(), user);
        WebDriver browser = chromium.browser();
        chromium.logIn(base(), user);
        browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        return browser;
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
