package org.independentstudy.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.time.Duration;
import java.time.LocalDate;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.HeadlessChromium;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** A teacher enters a class day on the class-day page in headless Chromium and reads it back. */
@IntegrationTest
class ClassDayPageBrowserTest {

    private static final LocalDate TUESDAY = LocalDate.of(2027, 3, 2);

    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    ParticipationRecording recording;
    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("ATT-01 in a browser a teacher enters a class day: a refused row is marked and nothing typed is lost; corrected, the day is saved in one request and reads back")
    void teacherEntersAClassDay() {
        WebDriver browser = chromium.browser();
        ActivePlacement ana = activePlacements.traditional("S100008", "teacher4");
        ActivePlacement ben = activePlacements.traditional("S100008", "teacher4");
        chromium.logIn("http://localhost:" + port, "teacher4");
        String page = "http://localhost:" + port + "/teacher/class-day?date=" + TUESDAY
                + "&class=Independent%20study";

        browser.get(page);
        retype(cell(browser, ana, "attended"), "45");
        new Select(cell(browser, ben, "status")).selectByValue("NONPARTICIPATORY");
        retype(cell(browser, ben, "attended"), "0");
        browser.findElement(By.id("save")).click();

        assertThat(shown(browser, "problem").getText()).startsWith("Nothing was saved");
        assertThat(row(browser, ben).getText()).contains("a nonparticipatory day needs its reason");
        assertThat(cell(browser, ana, "attended").getAttribute("value")).isEqualTo("45");
        assertThat(recording.recordedFor("teacher4", Supervisions.TRADITIONAL_CLASS, TUESDAY))
                .doesNotContainKey(ana.caseId());

        cell(browser, ben, "reason").sendKeys("Sick, parent called");
        browser.findElement(By.id("save")).click();
        assertThat(shown(browser, "message").getText()).startsWith("Saved");

        browser.get(page);
        assertThat(cell(browser, ana, "attended").getAttribute("value")).isEqualTo("45");
        assertThat(new Select(cell(browser, ben, "status")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("NONPARTICIPATORY");
        assertThat(cell(browser, ben, "reason").getAttribute("value")).isEqualTo("Sick, parent called");
        assertThat(recording.recordedFor("teacher4", Supervisions.TRADITIONAL_CLASS, TUESDAY).get(ana.caseId())
                .synchronousAttendedMinutes()).isEqualTo(45);
        chromium.screenshot("class-day");
    }

    @Test
    @DisplayName("ATT-01 in a browser choosing a class shows it at once: the page's script runs under its security policy")
    void choosingAClassShowsIt() {
        WebDriver browser = chromium.browser();
        chromium.logIn("http://localhost:" + port, "teacher4");
        browser.get("http://localhost:" + port + "/teacher/class-day?date=" + TUESDAY);
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('select[name=\"class\"]').dispatchEvent(new Event('change'))");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("session="));
    }

    @Test
    @DisplayName("ATT-01 the class-day page is for teachers: counselors and analysts get 403")
    void teachersOnly() {
        for (String other : new String[] {"counselor", "analyst"}) {
            assertThat(as(rest, other).getForEntity("/teacher/class-day", String.class).getStatusCode()).as(other)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    /** The element once the page the save navigated to shows it (the POST answers with a page or a redirect). */
    private static WebElement shown(WebDriver browser, String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private static WebElement row(WebDriver browser, ActivePlacement placement) {
        return browser.findElement(By.id("row-" + placement.caseId()));
    }

    /** The input of a row's field: status, reason, offered, attended, liveMethod, liveMinutes, livePurpose. */
    private static WebElement cell(WebDriver browser, ActivePlacement placement, String field) {
        return row(browser, placement).findElement(By.cssSelector("[name$='." + field + "']"));
    }

    private static void retype(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }
}
