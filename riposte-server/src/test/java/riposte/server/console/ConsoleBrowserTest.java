package riposte.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import riposte.server.ApiTestBase;

/**
 * Base class of the console's browser tests: the whole server on a random port (H2 in memory, as every API test),
 * the SES and SEPM simulators over real HTTP ({@link Simulators}, registered as credentials the way an admin would),
 * and one headless Debian Chromium per test class driven by Selenium through {@code /usr/bin/chromedriver}.
 *
 * <p>Tests wait for what they expect ({@link #waitFor}), never sleep. {@link #screenshot} saves a PNG under
 * {@code riposte-server/target/screenshots/} for reviewers (and for {@code docs/images/console/}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConsoleBrowserTest extends ApiTestBase {
    /** Where screenshots go: build output, looked at by reviewers. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    protected WebDriver browser;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        registerSimulators();
        profile = Files.createTempDirectory("riposte-chromium-");
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--user-data-dir=" + profile, "--lang=en-GB",
                "--disable-search-engine-choice-screen", "--no-first-run");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", profile.toString()));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) browser.quit();
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Registers the SES and SEPM simulators as the server's SES and SEPM credentials (as an admin would, through the
     * API), unless credentials of those names exist.
     */
    private void registerSimulators() {
        var ses = Simulators.ses();
        register("SES", "ses-simulator", ses.baseUrl().toString(), ses.clientId(), ses.clientSecret());
        var sepm = Simulators.sepm();
        register("SEPM", "sepm-simulator", sepm.baseUrl().toString(), sepm.username(), sepm.password());
    }

    private void register(String kind, String name, String url, String username, String secret) {
        for (var c : get("/api/v1/credentials?kind=" + kind + "&size=200").get("items")) {
            if (name.equals(c.get("name").asString())) return;
        }
        Reply reply = post("/api/v1/credentials", Map.of("name", name, "kind", kind, "url", url, "username", username,
                "secret", secret, "description", "a simulator of the console tests"));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
    }

    /** The absolute URL of a server path. */
    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Opens a server path in the browser. */
    protected void open(String path) {
        browser.get(url(path));
    }

    /** Logs in through the login form (logging out first if someone is logged in) and waits for the start page. */
    protected void login(String username, String password) {
        forgetSession();
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        browser.findElement(By.id("login")).click();
        waitFor(ExpectedConditions.textToBe(By.id("user-name"), username));
    }

    /** Drops the browser's cookies (and so its session): the next page is seen as by someone not logged in. */
    protected void forgetSession() {
        open("/login");
        browser.manage().deleteAllCookies();
    }

    /** Logs in as the bootstrap admin. */
    protected void loginAsAdmin() {
        login("admin", ADMIN_PASSWORD);
    }

    /** A new user with the role (created through the API as the admin); returns the user name. */
    protected String newUser(String role) {
        String username = unique(role.toLowerCase(java.util.Locale.ROOT));
        Reply reply = post("/api/v1/users", Map.of("username", username, "role", role, "password", PASSWORD));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return username;
    }

    /** The password of users made by {@link #newUser}. */
    protected static final String PASSWORD = "console-test-password";

    protected void type(By field, String text) {
        WebElement input = waitFor(ExpectedConditions.elementToBeClickable(field));
        input.clear();
        input.sendKeys(text);
    }

    protected void click(By element) {
        waitFor(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /**
     * Waits (up to 20 s) until the condition holds, and returns what it returns. An element that htmx swapped out
     * while the condition looked at it (stale) counts as "not yet", not as a failure.
     */
    protected <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /** Waits until the element is visible and returns its text. */
    protected String text(By element) {
        return waitFor(d -> {
            WebElement e = d.findElement(element);
            return e.isDisplayed() ? e.getText() : null; // found and read in one go: a swap in between retries
        });
    }

    /** Saves a PNG of the current window as {@code target/screenshots/<name>.png}. */
    protected Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
