package org.independentstudy.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.independentstudy.signing.FamilySigningScenario.Sent;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * A family member opens the e-mailed link in headless Chromium, reads the agreement and signs. Needs Debian's
 * {@code chromium} and {@code chromium-driver}: skipped without them, unless {@code -Dbrowser.tests.required=true}
 * (CI), where a missing browser fails.
 */
@IntegrationTest
class SigningPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @RegisterExtension
    static GreenMailExtension mail = TestMailServer.smtp();

    private static WebDriver browser;
    private static final String NOT_INSTALLED = "Browser test skipped: /usr/bin/chromium or /usr/bin/chromedriver "
            + "is missing (apt-get install chromium chromium-driver; -Dbrowser.tests.required=true makes it fail)";

    private static Path profile;

    @LocalServerPort
    int port;
    @Autowired
    FamilySigningScenario scenario;

    @BeforeAll
    static void startChromium() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && Boolean.getBoolean("browser.tests.required")) {
            Assertions.fail("Chromium is required in CI: install the Debian packages chromium and chromium-driver");
        }
        if (!installed) {
            System.out.println("WARNING: " + NOT_INSTALLED);
            return;
        }
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    /** Counted as skipped, with its reason, in the test report. */
    @BeforeEach
    void browserIsInstalled() {
        Assumptions.assumeTrue(browser != null, NOT_INSTALLED);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    @Test
    @DisplayName("AGR-06 AGR-08 AGR-09 in a browser a parent opens the e-mailed link, reads the agreement, signs; a second visit says already signed")
    void parentSignsInTheBrowser() {
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
