package io.ucmkit.simulator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.AnswerMode;
import io.ucmkit.simulator.admin.PresenceStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard ({@code GET /} on the web port) driven in headless Chromium, as a person would use
 * it: take a phone in hand, set its presence, watch the table and other phones' LEDs change, place
 * a call, answer it, hang up. Debian's {@code chromium} and {@code chromedriver} are used; the
 * driver path is given to the service, so Selenium Manager is never asked to find or download a
 * browser. Screenshots land in {@code target/screenshots/}.
 */
class DashboardBrowserIT {

    /** Debian's packages; -Ducmkit.chromium / -Ducmkit.chromedriver point elsewhere (never a download). */
    private static final Path CHROMIUM = Path.of(System.getProperty("ucmkit.chromium", "/usr/bin/chromium"));

    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("ucmkit.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static UcmSimulator sim;
    private static ChromeDriverService service;
    private static WebDriver browser;
    private static Path profile;

    private WebDriverWait wait;
    private String testName;

    @BeforeAll
    static void startBrowserAndSimulator() throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                () -> skip("no " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
                        + " (install the Debian packages: apt-get install chromium chromium-driver)"));
        sim = UcmSimulator.builder()
                .amiPort(0)
                .webPort(0)
                .authFailureDelay(Duration.ZERO)
                .start();
        profile = Files.createTempDirectory("ucmkit-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1440,1200",
                "--user-data-dir=" + profile);
        try {
            browser = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            // Installed but not starting (a chromium/chromedriver version mismatch, a broken package) is a
            // failure, not a skip: only a machine where no Chromium could be installed may skip this test.
            service.stop();
            throw new IllegalStateException(
                    "Chromium " + CHROMIUM + " is installed but does not start through "
                            + CHROMEDRIVER + " (are chromium and chromium-driver the same version?): "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        Files.createDirectories(SCREENSHOTS);
    }

    private static String skip(String reason) {
        String message = "DashboardBrowserIT skipped: " + reason;
        System.out.println(message);
        return message;
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (sim != null) {
            sim.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void openPage(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        sim.admin().reset();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        // tables are re-rendered when the PBX changes: an element found a moment ago may be replaced
        wait.ignoring(StaleElementReferenceException.class);
        browser.get("http://127.0.0.1:" + sim.webPort() + "/");
        // the page has read the extensions and holds the live event stream
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#extensions tbody tr"), 10));
    }

    @AfterEach
    void screenshotOnTheWayOut() throws IOException {
        screenshot(testName + "-end");
    }

    @Test
    void presence_set_on_the_page_changes_the_table_and_the_leds_of_watching_phones() throws IOException {
        assertThat(browser.getTitle()).contains("UCM6XXX simulator");
        waitPresence("1001", "available");
        waitLed("1000", "1001", "VPK", "GREEN");
        waitLed("1003", "1001", "MPK", "ON");

        takePhone("1001");
        setPresence("dnd", null);
        waitPresence("1001", "dnd");
        wait.until(ExpectedConditions.textToBe(
                By.cssSelector("#extensions tbody tr[data-ext='1001'] .presence"), "Do Not Disturb"));
        waitLed("1000", "1001", "VPK", "RED");
        waitLed("1003", "1001", "MPK", "OFF");
        screenshot(testName + "-dnd");

        setPresence("custom", "InMeeting");
        waitPresence("1001", "custom");
        wait.until(ExpectedConditions.textToBe(
                By.cssSelector("#extensions tbody tr[data-ext='1001'] .presence"), "Custom: InMeeting"));
        waitLed("1000", "1001", "VPK", "GREEN");
        waitLed("1003", "1001", "MPK", "ON");

        // a change made elsewhere (the API, a phone's *48, AMI Setvar) reaches the page over the event stream
        sim.admin().setPresence("1002", PresenceStatus.AWAY);
        waitPresence("1002", "away");
        waitLed("1000", "1002", "VPK", "GREEN");
        assertThat(logged("PresenceStateChange")).isTrue();
    }

    @Test
    void api_errors_are_shown_next_to_the_control_that_caused_them() {
        takePhone("1002");
        click(By.id("btn-answer"));
        wait.until(ExpectedConditions.textMatches(By.id("err-call"), java.util.regex.Pattern.compile("^409: .+")));

        setPresence("custom", "");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("err-presence"), "400: text"));

        browser.findElement(By.id("dial-number")).sendKeys("12ab");
        click(By.id("btn-dial"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("err-dial"), "400: number"));

        // the next successful action clears its error
        setPresence("chat", null);
        waitPresence("1002", "chat");
        wait.until(ExpectedConditions.textToBe(By.id("err-presence"), ""));
    }

    @Test
    void a_call_placed_and_answered_on_the_page_shows_its_legs_and_the_extension_states() throws IOException {
        sim.admin().setAnswerMode("1001", AnswerMode.MANUAL);
        takePhone("1000");
        dial("1001");

        By callee = By.cssSelector("#calls tbody tr[data-ext='1001']");
        wait.until(ExpectedConditions.attributeToBe(callee, "data-state", "Ringing"));
        waitStatus("1001", "Ringing");
        screenshot(testName + "-ringing");

        click(By.cssSelector("#calls tbody tr[data-ext='1001'] button[data-action='answer']"));
        wait.until(ExpectedConditions.attributeToBe(callee, "data-state", "Up"));
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("#calls tbody tr[data-ext='1000']"), "data-state", "Up"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#calls tbody tr[data-ext='1001'] td.bridged"), "1000"));
        wait.until(d -> d.findElement(By.cssSelector("#calls tbody tr[data-ext='1001'] td.bridged"))
                .getAttribute("data-channel")
                .matches("PJSIP/1000-[0-9a-f]{8}"));
        assertThat(browser.findElements(By.cssSelector("#calls tbody tr.call-group")))
                .hasSize(1);
        assertThat(browser.findElement(By.id("calls-count")).getText()).isEqualTo("2");
        waitStatus("1000", "InUse");
        waitStatus("1001", "InUse");
        assertThat(logged("DialBegin")).isTrue();
        assertThat(logged("BridgeEnter")).isTrue();
        screenshot(testName + "-answered");

        // the caller hangs up from the phone panel
        click(By.id("btn-hangup"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#calls tbody tr"), 0));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calls-empty")));
        waitStatus("1000", "Idle");
        waitStatus("1001", "Idle");
        assertThat(logged("Hangup")).isTrue();
    }

    @Test
    void digits_pressed_on_the_page_reach_the_ivr_and_the_event_log() {
        takePhone("1002");
        dial("7000");
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("#calls tbody tr[data-ext='1002']"), "data-state", "Up"));
        click(By.cssSelector("#keypad button[data-digit='1']"));
        wait.until(d -> logged("DTMFEnd"));
        assertThat(browser.findElement(By.id("err-dtmf")).getText()).isEmpty();
    }

    @Test
    void ami_sessions_presence_calls_and_a_barge_on_one_page_the_readme_screenshot() throws IOException {
        try (Socket ami = new Socket("127.0.0.1", sim.amiPort())) {
            login(ami);
            wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#sessions tbody"), "amiadmin"));
            assertThat(browser.findElement(By.id("sessions-count")).getText()).isEqualTo("1");

            sim.admin().setPresence("1002", PresenceStatus.DND);
            sim.admin().setPresence("1003", PresenceStatus.CUSTOM, "Lunch until 2");
            sim.admin().setPresence("1004", PresenceStatus.AWAY);
            sim.admin().setAnswerMode("1001", AnswerMode.MANUAL);
            takePhone("1000");
            dial("1001");
            wait.until(ExpectedConditions.attributeToBe(
                    By.cssSelector("#calls tbody tr[data-ext='1001']"), "data-state", "Ringing"));
            takePhone("1001");
            click(By.id("btn-answer"));
            wait.until(ExpectedConditions.attributeToBe(
                    By.cssSelector("#calls tbody tr[data-ext='1001']"), "data-state", "Up"));
            // a supervisor barges in with the feature code: the spy shows on both legs' rows
            takePhone("1002");
            dial("*561001");
            wait.until(ExpectedConditions.textMatches(
                    By.cssSelector("#calls tbody tr[data-ext='1002'] td.spy"),
                    java.util.regex.Pattern.compile("^barge → 1001$")));
            wait.until(ExpectedConditions.textToBe(
                    By.cssSelector("#calls tbody tr[data-ext='1001'] td.spy"), "barge by 1002"));
            takePhone("1004");
            dial("7000");
            wait.until(ExpectedConditions.attributeToBe(
                    By.cssSelector("#calls tbody tr[data-ext='1004']"), "data-state", "Up"));
            waitPresence("1003", "custom");
            waitLed("1000", "1002", "VPK", "RED");
            takePhone("1000");
            Path shot = screenshot("dashboard");
            // -Ddashboard.docs=<file> copies it to the README's screenshot (docs/dashboard.png)
            String docs = System.getProperty("dashboard.docs");
            if (docs != null && !docs.isBlank()) {
                Files.copy(shot, Path.of(docs), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        wait.until(ExpectedConditions.textToBe(By.id("sessions-count"), "0"));
    }

    // ---- what a person does on the page ---------------------------------------------------------

    private void takePhone(String ext) {
        click(By.cssSelector("#extensions tbody tr[data-ext='" + ext + "']"));
        wait.until(ExpectedConditions.attributeToBe(By.id("phone"), "data-ext", ext));
    }

    /** Clicks what the locator finds once it is clickable, finding it again if the table was re-rendered meanwhile. */
    private void click(By locator) {
        wait.until(d -> {
            WebElement target = ExpectedConditions.elementToBeClickable(locator).apply(d);
            if (target == null) {
                return false;
            }
            target.click();
            return true;
        });
    }

    private void setPresence(String status, String text) {
        new Select(browser.findElement(By.id("presence-status"))).selectByValue(status);
        WebElement input = browser.findElement(By.id("presence-text"));
        if (text != null) {
            input.clear();
            input.sendKeys(text);
        }
        click(By.id("btn-presence"));
    }

    private void dial(String number) {
        WebElement input = browser.findElement(By.id("dial-number"));
        input.clear();
        input.sendKeys(number);
        click(By.id("btn-dial"));
    }

    // ---- what the page shows ----------------------------------------------------------------------

    private void waitPresence(String ext, String presence) {
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("#extensions tbody tr[data-ext='" + ext + "'] .presence"), "data-presence", presence));
    }

    private void waitStatus(String ext, String status) {
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("#extensions tbody tr[data-ext='" + ext + "'] [data-status]"), "data-status", status));
    }

    private By key(String phone, String monitors, String type) {
        return By.cssSelector("#watchers li.key[data-phone='" + phone + "'][data-monitors='" + monitors
                + "'][data-type='" + type + "']");
    }

    private void waitLed(String phone, String monitors, String type, String led) {
        wait.until(ExpectedConditions.attributeToBe(key(phone, monitors, type), "data-led", led));
    }

    private boolean logged(String event) {
        List<WebElement> items = browser.findElements(By.cssSelector("#log li[data-event='" + event + "']"));
        return !items.isEmpty();
    }

    private Path screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name + ".png");
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(file, png);
        return file;
    }

    /** Logs in as the demo PBX's admin and waits for the answer, so the session is authenticated. */
    private static void login(Socket ami) throws IOException {
        ami.setSoTimeout(5000);
        OutputStream out = ami.getOutputStream();
        out.write("Action: Login\r\nUsername: amiadmin\r\nSecret: amiadmin1\r\nEvents: off\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = ami.getInputStream();
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains("Authentication accepted")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("AMI closed before login was accepted: " + seen);
            }
            seen.append((char) b);
        }
    }
}
