package dk.dkrw.hub.ops;

import dk.dkrw.hub.outbox.OutboxRelay;
import dk.dkrw.hub.support.HubIT;
import dk.dkrw.hub.support.PoisonVersions;
import dk.dkrw.hub.support.PoisonVersions.Poison;
import dk.dkrw.hub.web.OpsConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The operator console in a real headless Chromium (Debian's {@code chromium} and {@code chromedriver}): sign
 * in, see the routes panel, open a real dead letter, replay it and see it gone and the case delivered to the
 * Kigali feed, search the dossier and see its trace. Keeps a screenshot of the dashboard in
 * {@code target/screenshots/dashboard.png}. Without the browser the test fails, it never skips.
 */
class ConsoleIT extends HubIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriver browser;
    private static Path profile;

    @Autowired
    OpsConnector ops;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxRelay relay;

    private String console;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the console test needs Debian's chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install them with `apt-get install -y chromium chromium-driver` (.ci/run does this)");
        }
        profile = Files.createTempDirectory("console-it-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1400", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        console = "http://127.0.0.1:" + ops.localPort();
        browser.manage().deleteAllCookies();
    }

    @Test
    void operatorReplaysADeadLetterAndTracesItsDossier() throws IOException {
        signIn("operator", "operator-dev-password");
        assertThat(browser.getCurrentUrl()).isEqualTo(console + "/");
        assertThat(text(By.id("operator-name"))).isEqualTo("operator");
        wait(Duration.ofSeconds(20)).until(d -> displayed(By.id("routes-table")));
        assertThat(displayed(By.id("routes-status"))).as("routes notice shown").isFalse();
        // the table is redrawn on every poll: read it inside waits, which retry on a replaced row
        wait(Duration.ofSeconds(10)).until(d -> d.findElement(
                By.cssSelector("#routes-table tbody tr[data-route='case-transform']")).getText().contains("Started"));
        wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#routes-table tbody tr")).size() >= 7);
        assertThat(text(By.id("card-routes"))).matches("\\d+ / \\d+");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'OPERATOR_LOGIN' and "
                + "party_id = 'operator:operator'", Long.class)).isPositive();

        Poison poison = PoisonVersions.enqueue(jdbc, relay);
        long id = PoisonVersions.awaitDeadLetter(jdbc, poison);
        By row = By.cssSelector("#dead-letters tr[data-id='" + id + "']");
        WebElement deadLetter = wait(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(deadLetter.getText()).contains("case-transform").contains(poison.dossierId())
                .contains("internal-error");
        screenshot("dashboard.png");

        PoisonVersions.repair(jdbc, poison);
        deadLetter.findElement(By.cssSelector("button.replay")).click();
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("action-dialog")));
        browser.findElement(By.id("action-reason")).sendKeys("stored body repaired");
        browser.findElement(By.id("action-confirm")).click();

        wait(Duration.ofSeconds(20)).until(ExpectedConditions.invisibilityOfElementLocated(row));
        assertThat(text(By.id("dead-status"))).contains("#" + id + " replayed");
        await().atMost(Duration.ofSeconds(30)).until(() -> "FORWARDED".equals(jdbc.queryForObject(
                "select status from dossier_version where dossier_id = ? and version = 1", String.class,
                poison.dossierId())));
        assertThat(jdbc.queryForObject("select count(*) from case_feed where case_id = ?", Long.class,
                poison.caseId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select resolved_by from dead_letter where id = ?", String.class, id))
                .isEqualTo("operator");

        browser.findElement(By.id("trace-input")).sendKeys(poison.dossierId());
        browser.findElement(By.id("trace-button")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("trace-result")));
        List<String> kinds = browser.findElements(By.cssSelector("#trace-steps tbody tr")).stream()
                .map(step -> step.getDomAttribute("data-kind")).toList();
        assertThat(kinds).containsSubsequence("DEAD_LETTERED", "DEAD_LETTER_REPLAYED", "CASE_FORWARDED");
        assertThat(text(By.id("trace-summary"))).contains(poison.caseId());
        assertThat(text(By.id("trace-versions"))).contains("FORWARDED");
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("trace-panel")));
        screenshot("trace.png");
    }

    @Test
    void viewerSeesDeadLettersButCannotPressTheButtonsAndSignsOut() {
        Poison poison = PoisonVersions.enqueue(jdbc, relay);
        long id = PoisonVersions.awaitDeadLetter(jdbc, poison);

        signIn("viewer", "viewer-dev-password");

        WebElement deadLetter = wait(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#dead-letters tr[data-id='" + id + "']")));
        assertThat(deadLetter.findElement(By.cssSelector("button.replay")).isEnabled()).isFalse();
        assertThat(deadLetter.findElement(By.cssSelector("button.discard")).isEnabled()).isFalse();
        assertThat(text(By.id("operator-role"))).isEqualTo("viewer");

        browser.findElement(By.cssSelector("#logout-form button")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login.html?signed-out"));
        browser.get(console + "/");
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login.html"));
    }

    @Test
    void aWrongPasswordKeepsTheBrowserOnTheLoginPageAndIsAudited() {
        long before = jdbc.queryForObject("select count(*) from audit_entry where kind = 'OPERATOR_LOGIN_FAILED'",
                Long.class);

        browser.get(console + "/");
        submitLogin("operator", "not-the-password");

        wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login.html?error"));
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-message")));
        assertThat(text(By.id("login-message"))).contains("Sign-in refused");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'OPERATOR_LOGIN_FAILED'",
                Long.class)).isEqualTo(before + 1);
        browser.get(console + "/");
        assertThat(browser.getCurrentUrl()).contains("/login.html");
    }

    private void signIn(String name, String password) {
        browser.get(console + "/");
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login.html"));
        submitLogin(name, password);
        wait(Duration.ofSeconds(20)).until(d -> "true".equals(d.findElement(By.tagName("body"))
                .getDomAttribute("data-ready")));
    }

    private void submitLogin(String name, String password) {
        WebElement signIn = wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                By.id("sign-in")));
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        signIn.click();
    }

    /** A wait that tolerates the page being replaced under it (a navigation between finding and reading). */
    private static FluentWait<WebDriver> wait(Duration timeout) {
        return new WebDriverWait(browser, timeout).ignoring(StaleElementReferenceException.class);
    }

    private static boolean displayed(By locator) {
        List<WebElement> found = browser.findElements(locator);
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    private static String text(By locator) {
        return browser.findElement(locator).getText();
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
