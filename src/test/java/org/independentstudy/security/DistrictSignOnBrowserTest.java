package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.independentstudy.support.DistrictAccounts;
import org.independentstudy.support.HeadlessChromium;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 12.2: staff sign on with the district's accounts, against a real OpenID Connect server in the test JVM. */
@IntegrationTest
class DistrictSignOnBrowserTest {

    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();
    @RegisterExtension
    static DistrictAccounts district = new DistrictAccounts();

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    @Test
    @DisplayName("Issue 12.2 12.4 a counselor signs on with the district account: the provider's group gives the role at their school, the engine knows them in those groups, and Tasklist opens without another login")
    void counselorSignsOnWithTheDistrictAccount() {
        WebDriver browser = chromium.browser();
        district.nextSignInIs("mgarcia@district.example", "Maria", "Garcia", List.of("IS-Counselors-Jefferson", "All-Staff"));
        browser.manage().deleteAllCookies();
        browser.get(base() + "/desk");
        chromium.submit(browser.findElement(By.id("district-sign-on")));

        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("mgarcia@district.example");
        assertThat(identity.createGroupQuery().groupMember("mgarcia@district.example").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder(Roles.COUNSELORS_GROUP, "counselors.jef");
        assertThat(identity.createUserQuery().userId("mgarcia@district.example").singleResult().getLastName())
                .isEqualTo("Garcia");
        browser.get(base() + "/api/me");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("COUNSELOR");
        browser.get(base() + "/camunda/app/tasklist/default/");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "My tasks"));
        assertThat(browser.findElements(By.cssSelector("input[name=username]"))).isEmpty();
    }

    @Test
    @DisplayName("Issue 12.2 a district account in no group with a role here is not let in")
    void accountWithoutARoleIsRefused() {
        WebDriver browser = chromium.browser();
        district.nextSignInIs("visitor@district.example", "Val", "Visitor", List.of("All-Staff"));
        browser.manage().deleteAllCookies();
        browser.get(base() + "/login");
        chromium.submit(browser.findElement(By.id("district-sign-on")));

        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
        assertThat(browser.findElement(By.id("login-problem")).isDisplayed()).isTrue();
        assertThat(identity.createUserQuery().userId("visitor@district.example").count()).isZero();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
