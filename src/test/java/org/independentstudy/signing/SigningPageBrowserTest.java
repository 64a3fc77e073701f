package org.independentstudy.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.independentstudy.signing.FamilySigningScenario.Sent;
import org.independentstudy.support.HeadlessChromium;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.TestMailServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A family member opens the e-mailed link in headless Chromium, reads the agreement and signs.
 */
@IntegrationTest
class SigningPageBrowserTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMailServer.smtp();
    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    FamilySigningScenario scenario;

    @Test
    @DisplayName("AGR-06 AGR-08 AGR-09 in a browser a parent opens the e-mailed link, reads the agreement, signs; a second visit says already signed")
    void parentSignsInTheBrowser() {
        WebDriver browser = chromium.browser();
        Sent sent = scenario.sendToFamily("S100011");
        String link = "http://localhost:" + port + "/sign/" + sent.parentToken(mail);

        browser.get(link);
        String agreement = browser.findElement(By.id("agreement")).getText();
        assertThat(agreement).contains(sent.student().fullName());
        assertThat(agreement).contains("Board policy", "Signatures");

        browser.findElement(By.id("fullName")).sendKeys(sent.parent().getFullName());
        browser.findElement(By.id("consent")).click();
        browser.findElement(By.id("sign")).click();
        assertThat(browser.findElement(By.id("confirmation")).getText()).contains("you signed the");
        assertThat(scenario.signaturesOf(sent)).hasSize(1);

        browser.get(link);
        assertThat(browser.findElement(By.id("already-signed")).getText()).contains("already signed on");
        assertThat(browser.findElements(By.id("sign"))).isEmpty();
        assertThat(scenario.signaturesOf(sent)).hasSize(1);
    }
}
