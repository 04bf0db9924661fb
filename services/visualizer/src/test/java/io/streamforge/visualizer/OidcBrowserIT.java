package io.streamforge.visualizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.streamforge.embedded.KeycloakServer;
import io.streamforge.runtime.auth.HttpAuth;
import io.streamforge.runtime.auth.OidcSettings;
import io.streamforge.testkit.InMemoryGraphStore;
import io.streamforge.testkit.InMemoryIndicatorStore;
import io.streamforge.testkit.InMemoryMarketDataStore;
import io.streamforge.testkit.KeycloakZip;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in through Keycloak's own login page in a real headless Chromium: a REAL Keycloak (the realm
 * of deploy/keycloak), the visualizer with OIDC on, and {@link FakeQueueManager} behind it (a
 * stand-in for the queue-manager API: this test is about the browser's code + PKCE flow and the
 * token on the page's API calls). Chromium/chromedriver come from the OS (deploy/ci-deps.sh):
 * missing → skipped locally, failing under {@code CI}.
 */
class OidcBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(30);

    static KeycloakServer keycloak;
    static FakeQueueManager qm;
    static VisualizerServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            fail("CI: " + CHROMIUM + " and " + CHROMEDRIVER + " are required (deploy/ci-deps.sh)");
        }
        Assumptions.assumeTrue(present, "no Chromium: skipped");
        keycloak =
                KeycloakServer.start(
                        KeycloakZip.required(),
                        Path.of("../../deploy/keycloak/streamforge-realm.json"),
                        "streamforge",
                        Path.of("target"));
        var settings =
                new OidcSettings(
                        keycloak.issuer("streamforge"), "streamforge-api", "streamforge-ui");
        qm = new FakeQueueManager();
        server =
                new VisualizerServer(
                        new VisualizerServer.Ports(
                                new InMemoryMarketDataStore(),
                                new InMemoryIndicatorStore(),
                                new InMemoryGraphStore(),
                                new QueueRelayIT.NoModels()),
                        qm.url(),
                        null,
                        "127.0.0.1",
                        0,
                        HttpAuth.forBind(settings, "127.0.0.1", "visualizer"));
        // the UI runs on a free port: allow its origin to call the token endpoint (CORS)
        keycloak.updateClient(
                "streamforge",
                "streamforge-ui",
                "{\"webOrigins\":[\"+\",\"http://127.0.0.1:" + server.port() + "\"]}");
        browser = chromium();
    }

    static WebDriver chromium() {
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                        .usingAnyFreePort()
                        .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1600");
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(
                    shot, Path.of("target/oidc-browser.png"), StandardCopyOption.REPLACE_EXISTING);
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (qm != null) {
            qm.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void aViewerSignsInOnKeycloaksPageAndSeesThePipelines() throws Exception {
        String ui = "http://127.0.0.1:" + server.port() + "/";
        HttpResponse<String> anonymous =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(ui + "api/queues")).build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        browser.get(ui);
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sf-auth-login"))).click();
        // Keycloak's login page
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys("viewer");
        browser.findElement(By.id("password")).sendKeys("viewer-pass");
        browser.findElement(By.id("kc-login")).click();
        // back on the UI: signed in, and the page's own API calls carry the token
        wait.until(
                ExpectedConditions.textToBe(
                        By.cssSelector("#sf-auth-badge .sf-auth-user"), "viewer"));
        assertThat(
                        browser.findElement(By.cssSelector("#sf-auth-badge .sf-auth-user"))
                                .getAttribute("data-roles"))
                .isEqualTo("viewer");
        wait.until(
                ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(
                                "#pipelines tr[data-queue-id='" + FakeQueueManager.ID + "']")));
        assertThat(browser.getCurrentUrl()).doesNotContain("code=");
    }

    @Test
    void withoutAnIssuerThePageWorksAsBeforeOnLoopback() throws Exception {
        try (VisualizerServer open = QueueRelayIT.server(qm.url(), null)) {
            browser.get("http://127.0.0.1:" + open.port() + "/");
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            wait.until(
                    ExpectedConditions.attributeToBe(By.id("sf-auth-badge"), "data-state", "off"));
            wait.until(
                    ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector(
                                    "#pipelines tr[data-queue-id='" + FakeQueueManager.ID + "']")));
        }
    }
}
