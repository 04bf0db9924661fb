package io.streamforge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.sim.SimConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real headless Chromium against a real local platform: a pipeline (candles of
 * three symbols → connector → graph-builder → gnn-trainer) runs to the end, then the page must show
 * what the stores hold — the queue finished with its record counts, one ECharts candle per stored
 * candle (a day of 1m needs no resampling), one graph node per symbol, the run's metrics from S3.
 * The zoom, panes, the 300-symbol graph, coverage and start/stop are in VisualizerViewsBrowserIT.
 * Chromium and chromedriver come from the OS ({@code deploy/ci-deps.sh} installs them): missing →
 * the test fails when {@code CI} is set, else it is skipped. Selenium Manager is never asked (both
 * paths are given), so nothing is downloaded.
 */
class VisualizerBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final List<Symbol> SYMBOLS =
            List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"), Symbol.of("SOLUSDT"));
    static final String RANGE = "2024-06-01:2024-06-02";
    static final Duration WAIT = Duration.ofSeconds(20);

    static LocalPlatform platform;
    static WebDriver browser;
    static String queueId;

    @BeforeAll
    static void start() throws Exception {
        requireChromium();
        platform = PlatformFixture.start(SimConfig.defaults().withSymbols(SYMBOLS), Map.of());
        ApiClient api = new ApiClient(platform.apiUrl());
        String json =
                "{\"symbols\":[\"BTCUSDT\",\"ETHUSDT\",\"SOLUSDT\"],\"time_range\":\""
                        + RANGE
                        + "\",\"microservices\":[{\"target\":\"loader-api-candles\",\"interval\":\"1m\"},"
                        + "{\"target\":\"arango-connector\"},"
                        + "{\"target\":\"graph-builder\",\"params\":{\"resample\":\"15m\",\"indicators\":\"SMA:20,RSI:14\"}},"
                        + "{\"target\":\"gnn-trainer\",\"params\":{\"resample\":\"15m\",\"gnn_epochs\":2}}]}";
        var created = api.post("/queues/start-pipeline", json);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        queueId = created.body().get("queue_id").asText();
        JsonNode end = PlatformFixture.awaitEnd(api, queueId, Duration.ofMinutes(3));
        assertThat(end.get("status").asText()).as(end.toString()).isEqualTo("finished");
        browser = chromium();
        browser.get(platform.visualizerUrl() + "/");
    }

    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            fail("CI: " + CHROMIUM + " and " + CHROMEDRIVER + " are required (deploy/ci-deps.sh)");
        }
        Assumptions.assumeTrue(present, "no " + CHROMIUM + " / " + CHROMEDRIVER + ": skipped");
    }

    static WebDriver chromium() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
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
                "--window-size=1280,2400");
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            try {
                // what the page looked like at the end, for a human reading a failed build
                Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(
                        shot,
                        Path.of("target", "visualizer-browser-it.png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                browser.quit();
            }
        }
        if (platform != null) {
            platform.close();
        }
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(browser, WAIT);
    }

    static List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    @Test
    void pipelinesTableShowsTheQueueFinishedWithTheStoredRecordCounts() {
        String row = "#pipelines tr[data-queue-id='" + queueId + "']";
        waiting().until(d -> !all(row + "[data-status='finished']").isEmpty());
        long stored = 0;
        for (Symbol s : SYMBOLS) {
            stored += platform.stores().marketData().count("candle", s);
        }
        assertThat(stored).isEqualTo(SYMBOLS.size() * 2 * 1440L);
        WebElement connector =
                browser.findElement(By.cssSelector(row + " li[data-target='arango-connector']"));
        assertThat(connector.getAttribute("data-status")).isEqualTo("finished");
        assertThat(connector.findElement(By.cssSelector(".step-records")).getText())
                .isEqualTo(String.valueOf(stored));
        WebElement loader =
                browser.findElement(By.cssSelector(row + " li[data-target='loader-api-candles']"));
        assertThat(Long.parseLong(loader.getAttribute("data-records"))).isEqualTo(stored);
        assertThat(all(row + " li.step")).hasSize(4);
        assertThat(all(row + " li.step[data-status='finished']")).hasSize(4);
        // records per kind, not one sum: the loader's candles, the connector's stored rows and
        // graph-builder's indicator values + edges apart
        assertThat(attr(row + " li.kind[data-kind='candles']", "data-records"))
                .isEqualTo(String.valueOf(stored));
        assertThat(attr(row + " li.kind[data-kind='stored']", "data-records"))
                .isEqualTo(String.valueOf(stored));
        assertThat(Long.parseLong(attr(row + " li.kind[data-kind^='indicator']", "data-records")))
                .isPositive();
        // "Last event": the newest step update (the trainer finishing last)
        String last = browser.findElement(By.cssSelector(row + " td.last")).getText();
        assertThat(last).startsWith("gnn-trainer: finished");
    }

    @Test
    void candlesChartDrawsOneCandlePerStoredCandleWithTheIndicatorOverlay() {
        Symbol eth = SYMBOLS.get(1);
        TimeRange range = TimeRange.parseDays("2024-06-02:2024-06-02");
        int stored = platform.stores().marketData().candles(eth, Interval.M1, range).size();
        assertThat(stored).isEqualTo(1440);
        waiting().until(d -> info("candles-info", "data-count") != null); // the selected queue
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(
                "document.querySelector('#candles-symbol').value = arguments[0];"
                        + "document.querySelector('#candles-interval').value = '1m';"
                        + "document.querySelector('#candles-display').value = '';"
                        + "document.querySelector('#candles-from').value = arguments[1];"
                        + "document.querySelector('#candles-to').value = arguments[1];",
                eth.value(),
                "2024-06-02");
        browser.findElement(By.id("candles-load")).click();
        waiting()
                .until(
                        d ->
                                eth.value().equals(info("candles-info", "data-symbol"))
                                        && String.valueOf(stored)
                                                .equals(info("candles-info", "data-count")));
        // a day of 1m fits the point budget: drawn as stored, one ECharts candle each
        assertThat(info("candles-info", "data-display-interval")).isEqualTo("1m");
        String option =
                "return echarts.getInstanceByDom(document.querySelector('#candles-chart'))"
                        + ".getOption().series";
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) js.executeScript(option);
        assertThat(series.get(0).get("type")).isEqualTo("candlestick");
        assertThat((List<?>) series.get(0).get("data")).hasSize(stored);
        assertThat(series.get(1).get("type")).isEqualTo("bar"); // volume
        assertThat((List<?>) series.get(1).get("data")).hasSize(stored);
        Map<String, Object> sma =
                series.stream()
                        .filter(s -> "SMA_20".equals(s.get("name")))
                        .findFirst()
                        .orElseThrow();
        assertThat((List<?>) sma.get("data")).hasSize(stored);
        assertThat(info("candles-chart", "data-overlay-specs")).isEqualTo("SMA:20");
    }

    static String attr(String css, String attribute) {
        return browser.findElement(By.cssSelector(css)).getAttribute(attribute);
    }

    static String info(String id, String attribute) {
        return browser.findElement(By.id(id)).getAttribute(attribute);
    }

    @Test
    void graphViewHasOneNodePerSymbolAndTheStoredEdges() {
        GraphRecord graph = platform.stores().graphs().load(queueId).orElseThrow();
        waiting().until(d -> queueId.equals(info("graph-info", "data-collection")));
        assertThat(info("graph-chart", "data-nodes")).isEqualTo(String.valueOf(SYMBOLS.size()));
        @SuppressWarnings("unchecked")
        Map<String, Object> s =
                (Map<String, Object>)
                        ((JavascriptExecutor) browser)
                                .executeScript(
                                        "return echarts.getInstanceByDom(document.querySelector('#graph-chart'))"
                                                + ".getOption().series[0]");
        assertThat(
                        ((List<?>) s.get("data"))
                                .stream().map(n -> String.valueOf(((Map<?, ?>) n).get("id"))))
                .containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT", "SOLUSDT");
        List<?> links = (List<?>) s.get("links");
        assertThat(links).hasSize(graph.edges().size());
        var first = graph.edges().get(0);
        Map<?, ?> drawn =
                links.stream()
                        .map(l -> (Map<?, ?>) l)
                        .filter(
                                l ->
                                        first.a().value().equals(l.get("source"))
                                                && first.b().value().equals(l.get("target")))
                        .findFirst()
                        .orElseThrow();
        assertThat(((Number) drawn.get("value")).doubleValue()).isEqualTo(first.rho());
    }

    @Test
    void modelViewShowsTheRunsMetricsAgainstTheBaselines() {
        TelemetryEvent trained =
                PlatformFixture.events(platform, queueId).stream()
                        .filter(
                                e ->
                                        e.target().equals("gnn-trainer")
                                                && e.status().equals("finished"))
                        .findFirst()
                        .orElseThrow();
        Map<String, Object> extra = trained.extra();
        waiting()
                .until(
                        d ->
                                String.valueOf(extra.get("run"))
                                        .equals(info("model-info", "data-run")));
        assertMetric("test", extra.get("test_macro_f1"), extra.get("test_accuracy"));
        assertMetric(
                "majority_baseline",
                extra.get("majority_macro_f1"),
                extra.get("majority_accuracy"));
        assertMetric(
                "persistence_baseline",
                extra.get("persistence_macro_f1"),
                extra.get("persistence_accuracy"));
        assertThat(all("#model svg .bar")).hasSize(3);
    }

    static void assertMetric(String key, Object macroF1, Object accuracy) {
        WebElement row =
                browser.findElement(By.cssSelector("#model .metric[data-metric='" + key + "']"));
        assertThat(Double.parseDouble(row.getAttribute("data-macro-f1")))
                .as(key + " macro-F1")
                .isEqualTo(((Number) macroF1).doubleValue());
        assertThat(Double.parseDouble(row.getAttribute("data-accuracy")))
                .as(key + " accuracy")
                .isEqualTo(((Number) accuracy).doubleValue());
        assertThat(Double.parseDouble(row.findElement(By.cssSelector(".macro-f1")).getText()))
                .isCloseTo(((Number) macroF1).doubleValue(), within(0.00005));
    }

    @Test
    void theBrowserReceivesTheQueuesEventsRelayedFromTheQueueManager() throws Exception {
        Object data =
                ((JavascriptExecutor) browser)
                        .executeAsyncScript(
                                "const done = arguments[arguments.length - 1];"
                                        + "const es = new EventSource('/api/queues/' + arguments[0] + '/events');"
                                        + "es.addEventListener('queue', (e) => { es.close(); done(e.data); });"
                                        + "setTimeout(() => { es.close(); done(null); }, 10000);",
                                queueId);
        assertThat(data).as("a 'queue' event over SSE").isNotNull();
        JsonNode queue = new ObjectMapper().readTree(data.toString());
        assertThat(queue.get("queue_id").asText()).isEqualTo(queueId);
        assertThat(queue.get("status").asText()).isEqualTo("finished");
        JsonNode api = new ApiClient(platform.apiUrl()).get("/queues/" + queueId).body();
        assertThat(queue.get("records_written").asLong())
                .isEqualTo(api.get("records_written").asLong());
    }
}
