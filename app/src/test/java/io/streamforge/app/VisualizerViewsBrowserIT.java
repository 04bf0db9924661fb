package io.streamforge.app;

import static io.streamforge.app.VisualizerBrowserIT.chromium;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ECharts views in a real headless Chromium against a real local platform (Kafka, PostgreSQL,
 * simulator, queue-manager, visualizer): a 30-day 1m series resampled by the server and zoomed with
 * the mouse wheel, a second indicator pane, the force layout of a 300-symbol graph (seeded into the
 * graph store from a synthetic correlation matrix, {@link SyntheticGraph}), a gap planted in the
 * coverage ledger, and a pipeline started and stopped from the page. Each view is written to {@code
 * target/visualizer-<view>.png}. Chromium and chromedriver as in {@link VisualizerBrowserIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VisualizerViewsBrowserIT {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final Symbol ETH = Symbol.of("ETHUSDT");
    static final Symbol SOL = Symbol.of("SOLUSDT");
    static final TimeRange MONTH = TimeRange.parseDays("2024-05-01:2024-05-30");
    static final TimeRange GAP = new TimeRange(1_717_207_200_000_000L, 1_717_210_800_000_000L);
    static final Duration WAIT = Duration.ofSeconds(30);

    static LocalPlatform platform;
    static WebDriver browser;
    static String queueId;

    @BeforeAll
    static void start() throws Exception {
        VisualizerBrowserIT.requireChromium();
        SimConfig sim = SimConfig.defaults().withSymbols(List.of(BTC, ETH, SOL));
        platform = PlatformFixture.start(sim, Map.of());
        ApiClient api = new ApiClient(platform.apiUrl());
        queueId = startCandles(api, BTC, "2024-06-01:2024-06-01");
        JsonNode end = PlatformFixture.awaitEnd(api, queueId, Duration.ofMinutes(3));
        assertThat(end.get("status").asText()).as(end.toString()).isEqualTo("finished");
        // 43,200 one-minute candles: more than the page may receive, so the server resamples
        platform.stores()
                .marketData()
                .upsert(
                        new MarketModel(sim)
                                .klines(SOL, Interval.M1, MONTH.startUs(), MONTH.endUs()));
        platform.stores()
                .coverage()
                .recordGap(
                        Gap.missing(
                                CoverageKey.klines(BTC, Interval.M1),
                                GAP,
                                "planted by the test",
                                queueId));
        platform.stores().graphs().save(SyntheticGraph.of("synthetic-300", 300, 11));
        browser = chromium();
        browser.get(platform.visualizerUrl() + "/");
        waiting().until(d -> !all("#pipelines tr[data-queue-id='" + queueId + "']").isEmpty());
    }

    /** Starts 1m candles of one symbol → connector through the API; returns the queue id. */
    static String startCandles(ApiClient api, Symbol symbol, String range) {
        var created =
                api.post(
                        "/queues/start-pipeline",
                        "{\"symbols\":[\""
                                + symbol
                                + "\"],\"time_range\":\""
                                + range
                                + "\",\"microservices\":[{\"target\":\"loader-api-candles\","
                                + "\"interval\":\"1m\"},{\"target\":\"arango-connector\"}]}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("queue_id").asText();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
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

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    static String attr(String css, String name) {
        return browser.findElement(By.cssSelector(css)).getAttribute(name);
    }

    /** Writes one view (a page section) to target/visualizer-{name}.png. */
    static void shot(String section, String name) throws Exception {
        WebElement el = browser.findElement(By.id(section));
        js(
                "document.querySelector('header').style.position = 'static'; arguments[0].scrollIntoView()",
                el);
        Path file = el.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
                file,
                Path.of("target", "visualizer-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    static void showCandles(Symbol symbol, String from, String to) {
        js(
                "document.querySelector('#candles-symbol').value = arguments[0];"
                        + "document.querySelector('#candles-interval').value = '1m';"
                        + "document.querySelector('#candles-display').value = '';"
                        + "document.querySelector('#candles-from').value = arguments[1];"
                        + "document.querySelector('#candles-to').value = arguments[2];",
                symbol.value(),
                from,
                to);
        browser.findElement(By.id("candles-load")).click();
        waiting()
                .until(
                        d ->
                                symbol.value().equals(attr("#candles-info", "data-symbol"))
                                        && "43200"
                                                .equals(
                                                        attr(
                                                                "#candles-info",
                                                                "data-source-count")));
    }

    @Test
    @Order(1)
    void aWideRangeIsResampledOnTheServerAndTheWheelZoomChangesTheVisibleRange() throws Exception {
        showCandles(SOL, "2024-05-01", "2024-05-30");
        assertThat(attr("#candles-info", "data-display-interval")).isEqualTo("30m");
        assertThat(attr("#candles-info", "data-count")).isEqualTo("1440");
        Number drawn =
                (Number)
                        js(
                                "return echarts.getInstanceByDom(document.querySelector('#candles-chart'))"
                                        + ".getOption().series[0].data.length");
        assertThat(drawn.intValue()).isEqualTo(1440);
        assertThat(attr("#candles-info", "data-visible-count")).isEqualTo("1440");
        String fromBefore = attr("#candles-info", "data-visible-from-ms");
        String toBefore = attr("#candles-info", "data-visible-to-ms");
        assertThat(fromBefore).isEqualTo(String.valueOf(MONTH.startUs() / 1000));

        WebElement chart = browser.findElement(By.id("candles-chart"));
        js("arguments[0].scrollIntoView()", chart);
        for (int i = 0; i < 3; i++) {
            new Actions(browser)
                    .scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(chart, 0, -150), 0, -400)
                    .perform();
        }
        waiting().until(d -> Integer.parseInt(attr("#candles-info", "data-visible-count")) < 1440);
        long from = Long.parseLong(attr("#candles-info", "data-visible-from-ms"));
        long to = Long.parseLong(attr("#candles-info", "data-visible-to-ms"));
        assertThat(to - from).isLessThan(Long.parseLong(toBefore) - Long.parseLong(fromBefore));
        assertThat(from).isGreaterThanOrEqualTo(Long.parseLong(fromBefore));
        assertThat(to).isLessThanOrEqualTo(Long.parseLong(toBefore));
        assertThat(browser.findElement(By.id("candles-detail")).isEnabled()).isTrue();
    }

    @Test
    @Order(2)
    void aSecondIndicatorPaneAppearsBelowThePriceWithTheCrosshairReadOut() throws Exception {
        showCandles(SOL, "2024-05-01", "2024-05-30");
        waiting().until(d -> "1".equals(attr("#candles-chart", "data-panes")));
        assertThat(attr("#candles-chart", "data-pane-specs")).isEqualTo("RSI:14");
        browser.findElement(By.cssSelector("#candles-indicators input[value='MACD:12:26:9']"))
                .click();
        waiting().until(d -> "2".equals(attr("#candles-chart", "data-panes")));
        assertThat(attr("#candles-chart", "data-pane-specs")).isEqualTo("RSI:14,MACD:12:26:9");
        assertThat(attr("#candles-chart", "data-overlay-specs")).isEqualTo("SMA:20");
        Number grids =
                (Number)
                        js(
                                "return echarts.getInstanceByDom(document.querySelector('#candles-chart'))"
                                        + ".getOption().grid.length");
        assertThat(grids.intValue()).as("price, volume, RSI, MACD").isEqualTo(4);
        WebElement chart = browser.findElement(By.id("candles-chart"));
        js("arguments[0].scrollIntoView()", chart);
        new Actions(browser).moveToElement(chart, 40, -chart.getSize().height / 2 + 150).perform();
        waiting().until(d -> !browser.findElement(By.id("candles-readout")).getText().isBlank());
        assertThat(browser.findElement(By.id("candles-readout")).getText())
                .contains(" O ")
                .contains(" H ")
                .contains(" L ")
                .contains(" C ")
                .contains(" V ");
        shot("candles", "candles");
    }

    @Test
    @Order(3)
    void theForceLayoutOf300SymbolsPlacesEveryNodeAndTheSearchFindsOne() throws Exception {
        js(
                "const s = document.querySelector('#graph-collection');"
                        + "s.value = 'synthetic-300'; s.dispatchEvent(new Event('change'));");
        waiting().until(d -> "300".equals(attr("#graph-chart", "data-nodes")));
        var stored = platform.stores().graphs().load("synthetic-300").orElseThrow();
        assertThat(attr("#graph-chart", "data-links"))
                .isEqualTo(String.valueOf(stored.edges().size()));
        // every node has a finite position from the force layout, and no two share one
        Object placed =
                js(
                        "const d = echarts.getInstanceByDom(document.querySelector('#graph-chart'))"
                                + ".getModel().getSeriesByIndex(0).getData();"
                                + "const seen = new Set();"
                                + "for (let i = 0; i < d.count(); i++) {"
                                + "  const p = d.getItemLayout(i);"
                                + "  if (!p || !isFinite(p[0]) || !isFinite(p[1])) return -1;"
                                + "  seen.add(p[0].toFixed(3) + ',' + p[1].toFixed(3)); }"
                                + "return seen.size;");
        assertThat(((Number) placed).intValue()).isEqualTo(300);
        browser.findElement(By.id("graph-search")).sendKeys("SYM123USDT");
        browser.findElement(By.id("graph-find")).click();
        waiting().until(d -> "SYM123USDT".equals(attr("#graph-info", "data-found")));
        shot("graph", "graph");
    }

    @Test
    @Order(4)
    void coverageShowsTheReceivedRangeAndThePlantedGap() throws Exception {
        js(
                "const s = document.querySelector('#coverage-queue');"
                        + "s.value = arguments[0]; s.dispatchEvent(new Event('change'));",
                queueId);
        String key = "#coverage-table tr.coverage-key[data-symbol='BTCUSDT']";
        waiting().until(d -> !all(key + " .track .gap").isEmpty());
        WebElement gap = browser.findElement(By.cssSelector(key + " .track .gap"));
        assertThat(gap.getAttribute("data-start-us")).isEqualTo(String.valueOf(GAP.startUs()));
        assertThat(gap.getAttribute("data-end-us")).isEqualTo(String.valueOf(GAP.endUs()));
        assertThat(all(key + " .track .range[data-source='rest']")).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(key + " li.gap-item")).getText())
                .contains("planted by the test");
        assertThat(attr("#coverage-info", "data-gaps")).isEqualTo("1");
        shot("coverage", "coverage");
    }

    @Test
    @Order(5)
    void aPipelineStartedAndStoppedFromThePageChangesItsStatus() throws Exception {
        js("document.querySelector('#start').open = true");
        WebElement symbols = browser.findElement(By.id("start-symbols"));
        WebElement range = browser.findElement(By.id("start-range"));
        symbols.sendKeys("ETHUSDT");
        range.sendKeys("2024-03-05:2024-03-01");
        browser.findElement(By.id("start-submit")).click();
        String error = "#start-form .field-error[data-for='time_range']";
        waiting().until(d -> !browser.findElement(By.cssSelector(error)).getText().isBlank());
        shot("pipelines", "start-form-error");
        int before = all("#pipelines tr[data-queue-id]").size();
        range.clear();
        range.sendKeys("2023-01-01:2023-12-31");
        browser.findElement(By.id("start-submit")).click();
        waiting().until(d -> all("#pipelines tr[data-queue-id]").size() == before + 1);
        assertThat(browser.findElement(By.cssSelector(error)).getText()).isBlank();
        WebElement row = browser.findElement(By.cssSelector("#pipelines tbody tr:first-child"));
        String started = row.getAttribute("data-queue-id");
        assertThat(started).isNotEqualTo(queueId);
        String stop = "#pipelines tr[data-queue-id='" + started + "'] button.stop";
        // live telemetry re-renders the row: click whichever button is there now
        waiting()
                .ignoring(StaleElementReferenceException.class)
                .until(
                        d -> {
                            d.findElement(By.cssSelector(stop)).click();
                            return true;
                        });
        String stopped =
                "#pipelines tr[data-queue-id='" + started + "'][data-status='interrupted']";
        waiting().withTimeout(Duration.ofSeconds(90)).until(d -> !all(stopped).isEmpty());
        JsonNode q = new ApiClient(platform.apiUrl()).get("/queues/" + started).body();
        assertThat(q.get("status").asText()).isEqualTo("interrupted");
        assertThat(all(stop)).as("no stop button on a stopped queue").isEmpty();
        shot("pipelines", "pipelines");
    }

    /**
     * The contract with the authentication work: a stand-in {@code window.sfAuth} (installed before
     * any page script, as auth.js would) sees every API call and event stream, and a user without
     * the operator role gets no start form and no stop button, also on a running queue.
     */
    @Test
    @Order(6)
    void everyCallGoesThroughSfAuthAndAViewerGetsNoStartOrStop() throws Exception {
        ApiClient api = new ApiClient(platform.apiUrl());
        String running = startCandles(api, SOL, "2022-01-01:2022-12-31");
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument",
                        Map.of(
                                "source",
                                "window.sfCalls = [];"
                                        + "Object.defineProperty(window, 'sfAuth', { writable: false, value: {"
                                        + " ready: Promise.resolve(), user: { name: 'viewer', roles: ['viewer'] },"
                                        + " can: (role) => role === 'viewer',"
                                        + " fetch: (u, o) => { window.sfCalls.push(u); return fetch(u, o); },"
                                        + " eventSource: (u) => { window.sfCalls.push(u); return new EventSource(u); } } });"));
        browser.navigate().refresh();
        String row = "#pipelines tr[data-queue-id='" + running + "']";
        waiting().until(d -> !all(row).isEmpty());
        assertThat(attr(row, "data-status")).isIn("pending", "running");
        assertThat(all(row + " button.stop")).isEmpty();
        assertThat(browser.findElement(By.id("start")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("user")).getText()).startsWith("viewer");
        waiting().until(d -> sfCalls().stream().anyMatch(c -> c.startsWith("/api/chart?")));
        assertThat(sfCalls()).contains("/api/config", "/api/queues", "/api/queues/events");
        assertThat(api.post("/queues/" + running + "/stop", "{}").status()).isEqualTo(202);
    }

    @SuppressWarnings("unchecked")
    static List<String> sfCalls() {
        return (List<String>) js("return window.sfCalls");
    }
}
