package org.independentstudy.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.Student;
import org.independentstudy.records.CaseRecord;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.ReengagementWalk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.independentstudy.support.HeadlessChromium;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 12: the case desk in headless Chromium, with real clicks, as a counselor and a principal would use it. */
@IntegrationTest
class DeskBrowserTest {

    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    DemoStudents demoStudents;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    ReengagementWalk walk;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void logOut() {
        chromium.browser().manage().deleteAllCookies();
    }

    @Test
    @DisplayName("Issue 12.1 12.3 a counselor logs in once, finds a student, takes the family's request with the parent chosen from a list, sees the case and its task with a school-day countdown, and opens Tasklist without logging in again")
    void counselorTakesARequestOnTheDesk() {
        WebDriver browser = chromium.browser();
        Student student = demoStudents.newStudentLike("S100010");
        Guardian parent = demoStudents.parentOf(student.getStudentNumber());

        logIn(browser, "counselor");
        assertThat(browser.getCurrentUrl()).contains("/desk");
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("counselor");

        chromium.submit(browser.findElement(By.id("nav-students")));
        browser.findElement(By.id("q")).sendKeys(student.getStudentNumber());
        chromium.submit(browser.findElement(By.id("search")));
        chromium.submit(browser.findElement(By.cssSelector("#found .student-link")));
        assertThat(browser.findElement(By.id("student-name")).getText()).contains(student.getStudentNumber());
        assertThat(browser.findElement(By.id("family")).getText()).contains(parent.getFullName(), parent.getEmail());
        assertThat(browser.findElement(By.id("no-cases")).isDisplayed()).isTrue();
        chromium.screenshot("desk-student");

        new Select(browser.findElement(By.id("requester"))).selectByVisibleText(parent.getFullName() + " (parent)");
        new Select(browser.findElement(By.id("receivedVia"))).selectByValue("PHONE");
        type(browser, "requestedStart", "01/11/2027");
        type(browser, "projectedEnd", "03/26/2027");
        new Select(browser.findElement(By.id("preferredPlacement"))).selectByValue("LONG_TERM");
        browser.findElement(By.id("reason")).sendKeys("Family travel for a medical treatment of a sibling");
        browser.findElement(By.name("conferenceRequested")).click();
        chromium.submit(browser.findElement(By.id("take-request")));

        assertThat(browser.getCurrentUrl()).as(() -> "the request was refused: "
                + browser.findElement(By.tagName("main")).getText()).contains("/desk/cases/");
        Long caseId = Long.valueOf(browser.getCurrentUrl().replaceAll(".*/desk/cases/(\\d+).*", "$1"));
        assertThat(caseRecord.get(caseId).getStudentId()).isEqualTo(student.getId());
        assertThat(browser.findElement(By.id("phase")).getText()).contains(caseRecord.get(caseId).getPhase().name());
        assertThat(browser.findElement(By.id("policy")).getText()).contains("BP6158");
        assertThat(browser.findElement(By.id("open-tasks")).getText()).contains("Schedule the pre-enrollment conference")
                .contains("counselors");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("counselor");
        chromium.screenshot("desk-case");

        chromium.submit(browser.findElement(By.id("nav-work")));
        WebElement row = workRowFor(browser, student, "Schedule the pre-enrollment conference");
        assertThat(row.findElement(By.className("countdown")).getText()).matches("due (in \\d+ school days?|today)");
        chromium.screenshot("desk-my-work");
        row.findElement(By.className("open-task")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Schedule the pre-enrollment conference"));
        assertThat(browser.findElements(By.cssSelector("input[name=username]"))).isEmpty();
        chromium.screenshot("tasklist");

        browser.get(base() + "/desk");
        chromium.submit(browser.findElement(By.id("logout")));
        assertThat(browser.findElement(By.id("logged-out")).isDisplayed()).isTrue();
        browser.get(base() + "/desk/cases/" + caseId);
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    @DisplayName("Issue 12.5 a request received in the future is refused at its field, with everything typed kept and nothing saved")
    void futureRequestIsRefusedAtItsField() {
        WebDriver browser = chromium.browser();
        Student student = demoStudents.newStudentLike("S100010");
        logIn(browser, "counselor");
        browser.get(base() + "/desk/students/" + student.getStudentNumber());
        new Select(browser.findElement(By.id("requester"))).selectByValue("student");
        type(browser, "receivedOn", "12/08/2026");
        type(browser, "requestedStart", "01/11/2027");
        type(browser, "projectedEnd", "03/26/2027");
        browser.findElement(By.id("reason")).sendKeys("Kept as typed");
        // the browser's own max= check would stop the click; the server must refuse it as well
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('new-request').noValidate = true");
        chromium.submit(browser.findElement(By.id("take-request")));

        assertThat(browser.findElement(By.id("request-problems")).getText()).startsWith("Nothing was saved");
        assertThat(browser.findElement(By.id("receivedOn-problem")).getText()).contains("in the future");
        chromium.screenshot("desk-new-request-refused");
        assertThat(browser.findElement(By.id("reason")).getAttribute("value")).isEqualTo("Kept as typed");
        assertThat(caseRecord.casesOfStudent(student.getId())).isEmpty();
    }

    @Test
    @DisplayName("Issue 12.3 REE-09 a principal sees the re-engagement decision waiting for them and the case at risk on their school's view, and the case page shows the tier")
    void principalSeesEscalationsAndCasesAtRisk() {
        WebDriver browser = chromium.browser();
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        walk.sweepAfter(ReengagementWalk.SWEPT_DAY);
        ProcessInstance process = walk.processOf(placement.caseId());
        walk.contactAndOutreach(process);
        walk.improvementWindowEnds(process);
        walk.asStaff("counselor", walk.task(process), Map.of("conferenceHeldOn",
                org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().atZone(FixedEngineClock.DISTRICT).toLocalDate().toString(), "conferenceParticipants", "Student, mother, counselor",
                "conferenceNotes", "The family asks for more live sessions"));
        String principal = jdbc.queryForObject("select username from staff_member where role = 'PRINCIPAL' "
                + "and school_id = (select school_id from is_case where id = ?)", String.class, placement.caseId());

        chromium.logIn(base(), principal);
        chromium.submit(browser.findElement(By.id("nav-principal")));
        WebElement escalations = browser.findElement(By.id("escalations"));
        chromium.screenshot("desk-principal");
        // other tests' students share the demo student's name: the link to this case is the one
        chromium.submit(escalations.findElement(By.cssSelector("a.case-link[href$='/desk/cases/" + placement.caseId()
                + "']")));
        assertThat(browser.findElement(By.id("tier")).getText()).isEqualTo("PRINCIPAL_DECISION");
        assertThat(browser.findElement(By.id("open-tasks")).getText()).contains("principals");
    }

    private WebElement workRowFor(WebDriver browser, Student student, String task) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#work .work-item")).stream()
                .filter(r -> r.getText().contains(student.getStudentNumber()) && r.getText().contains(task)).toList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private void logIn(WebDriver browser, String user) {
        browser.get(base() + "/desk");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        chromium.logIn(base(), user);
        assertThat(browser.findElements(By.id("who"))).as("logged in, on " + browser.getCurrentUrl() + ": "
                + browser.findElement(By.tagName("body")).getText()).isNotEmpty();
    }

    private static void type(WebDriver browser, String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
