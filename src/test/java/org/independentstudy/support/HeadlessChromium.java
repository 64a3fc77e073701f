package org.independentstudy.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium for a test class ({@code @RegisterExtension static HeadlessChromium chromium}). Without
 * {@code chromium} and {@code chromium-driver} the tests are skipped, unless {@code -Dbrowser.tests.required=true}
 * (CI), where a missing browser fails.
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String NOT_INSTALLED = "Browser test skipped: /usr/bin/chromium or /usr/bin/chromedriver "
            + "is missing (apt-get install chromium chromium-driver; -Dbrowser.tests.required=true makes it fail)";

    private WebDriver browser;
    private Path profile;

    public WebDriver browser() {
        return browser;
    }

    /**
     * Saves what the browser shows as {@code src/docs/<name>.png}, the picture the README shows: every run of the
     * browser tests redraws it, so the README shows the pages as they are.
     */
    public void screenshot(String name) {
        try {
            Path picture = Path.of("src", "docs", name + ".png");
            Files.createDirectories(picture.getParent());
            Files.write(picture, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Logs in on the application's login page at {@code baseUrl} as a demo user (password "demo"), starting from a
     * fresh session; the browser then stays logged in for our pages and the Camunda webapps alike.
     */
    public void logIn(String baseUrl, String username) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        submit(browser.findElement(By.id("log-in")));
    }

    /**
     * Clicks a button that submits a form or follows a link, and waits until the next page has replaced this one:
     * a click returns as the navigation starts, and reading the page before it ends reads the old one.
     */
    public void submit(WebElement button) {
        WebElement page = browser.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> isGone(page));
    }

    /**
     * The page was replaced: its element is stale. Mid-navigation chromedriver may instead answer that the node
     * "does not belong to the document", which says the same (a full run here once failed on it).
     */
    private static boolean isGone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException replaced) {
            return true;
        } catch (WebDriverException navigating) {
            if (String.valueOf(navigating.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw navigating;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
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
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    /** Counted as skipped, with its reason, in the test report. */
    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(browser != null, NOT_INSTALLED);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }
}
