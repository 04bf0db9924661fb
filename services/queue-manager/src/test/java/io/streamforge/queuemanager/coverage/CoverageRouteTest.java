package io.streamforge.queuemanager.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.IdRange;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.kafka.Json;
import io.streamforge.queuemanager.ProblemException;
import io.streamforge.testkit.Fixtures;
import io.streamforge.testkit.InMemoryCoverageLedger;
import io.streamforge.testkit.InMemoryQueueStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The route over real HTTP (Javalin on loopback), with the in-memory ledger and queue store. */
class CoverageRouteTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final long DAY = 86_400_000_000L;

    @Test
    void showsWhatTheQueueRecordedAndNamesAnUnknownQueue() throws Exception {
        var ledger = new InMemoryCoverageLedger();
        var store = new InMemoryQueueStore();
        store.create(Fixtures.queue("q-1", 1));
        var kl = CoverageKey.klines(BTC, Interval.M1);
        var ag = CoverageKey.aggTrades(BTC);
        ledger.record(
                List.of(
                        new Received(kl, new TimeRange(0, DAY), Source.REST, "q-1"),
                        new Received(kl, new TimeRange(0, DAY / 2), Source.DUMP, "q-1"),
                        new Received(kl, new TimeRange(DAY, 2 * DAY), Source.REST, "other")));
        ledger.recordGaps(
                List.of(
                        Gap.missing(kl, new TimeRange(600_000_000L, 1_200_000_000L), "x", "q-1")
                                .with(GapStatus.EXPECTED, "maintenance"),
                        new Gap(
                                ag,
                                new TimeRange(5, 9),
                                GapStatus.MISSING,
                                "2 ids",
                                new IdRange(3, 4),
                                "q-1")));
        Javalin app =
                Javalin.create(
                                cfg -> {
                                    cfg.jetty.port = 0;
                                    cfg.jetty.host = "127.0.0.1";
                                    cfg.routes.get(
                                            "/queues/{id}/coverage",
                                            new CoverageRoute(ledger, store));
                                    cfg.routes.exception(
                                            ProblemException.class,
                                            (e, ctx) ->
                                                    ctx.status(e.status())
                                                            .result(
                                                                    e.field()
                                                                            + ": "
                                                                            + e.getMessage()));
                                })
                        .start();
        try {
            HttpResponse<String> ok = get(app, "/queues/q-1/coverage");
            assertThat(ok.statusCode()).isEqualTo(200);
            JsonNode body = Json.MAPPER.readTree(ok.body());
            assertThat(body.get("queue_id").asText()).isEqualTo("q-1");
            JsonNode k = body.get("keys").get(0);
            assertThat(k.get("stream").asText()).isEqualTo("klines");
            assertThat(k.get("covered_us").asLong()).isEqualTo(DAY);
            assertThat(k.get("credited").get(0).get("source").asText()).isEqualTo("dump");
            assertThat(k.get("credited").get(1).get("source").asText()).isEqualTo("rest");
            assertThat(k.get("credited").get(1).get("end_us").asLong()).isEqualTo(DAY);
            assertThat(k.get("gaps").get(0).get("status").asText()).isEqualTo("expected");
            assertThat(k.get("gap_counts").get("expected").asInt()).isEqualTo(1);
            JsonNode a = body.get("keys").get(1);
            assertThat(a.get("stream").asText()).isEqualTo("agg_trades");
            assertThat(a.get("gaps").get(0).get("first_id").asLong()).isEqualTo(3);
            assertThat(a.get("gap_counts").get("missing").asInt()).isEqualTo(1);
            HttpResponse<String> missing = get(app, "/queues/nope/coverage");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("queue_id: no queue nope");
        } finally {
            app.stop();
        }
    }

    static HttpResponse<String> get(Javalin app, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
