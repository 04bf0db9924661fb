package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data.binance.vision files over HTTP: content == REST, ms/µs around the switch, checksums. */
class DumpsTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final LocalDate SWITCH = LocalDate.of(2024, 2, 20);
    static final long NOW_US = Micros.of(Instant.parse("2024-03-01T12:00:00Z"));
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static ExchangeSimulator sim;
    static Http http;

    @BeforeAll
    static void start() {
        sim =
                ExchangeSimulator.start(
                        SimConfig.defaults()
                                .withSymbols("BTCUSDT")
                                .withTimeSource(new TestClock(NOW_US))
                                .withMicrosSwitchDate(SWITCH));
        http = new Http(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/" + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static List<String[]> rows(byte[] zip, String entry) throws IOException {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e = z.getNextEntry();
            assertThat(e.getName()).isEqualTo(entry);
            String csv = new String(z.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(z.getNextEntry()).isNull();
            List<String[]> out = new ArrayList<>();
            for (String line : csv.split("\n")) {
                if (!line.isEmpty()) {
                    out.add(line.split(","));
                }
            }
            return out;
        }
    }

    @Test
    void dailyKlinesEqualRestInMsBeforeAndMicrosFromTheSwitchDate() throws Exception {
        for (LocalDate day : List.of(SWITCH.minusDays(1), SWITCH)) {
            boolean us = !day.isBefore(SWITCH);
            String path = DumpFiles.dailyKlinesPath(BTC, Interval.M1, day);
            HttpResponse<byte[]> zip = get(path);
            assertThat(zip.statusCode()).isEqualTo(200);
            List<String[]> rows = rows(zip.body(), "BTCUSDT-1m-" + day + ".csv");
            assertThat(rows).hasSize(1_440);
            long startMs = Micros.of(day) / 1000;
            List<JsonNode> rest = new ArrayList<>();
            for (long t = startMs; t < startMs + 86_400_000L; t += 60_000_000L) {
                Http.json(
                                http.get(
                                        "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1000&startTime="
                                                + t
                                                + "&endTime="
                                                + Math.min(t + 59_999_999L, startMs + 86_399_999L)))
                        .forEach(rest::add);
                sim.resetRateLimits();
            }
            assertThat(rest).hasSize(1_440);
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                JsonNode k = rest.get(i);
                assertThat(r).hasSize(12);
                assertThat(Long.parseLong(r[0])).isEqualTo(k.get(0).asLong() * (us ? 1000 : 1));
                long close = Long.parseLong(r[6]);
                assertThat(close)
                        .isEqualTo(us ? k.get(6).asLong() * 1000 + 999 : k.get(6).asLong());
                for (int f : new int[] {1, 2, 3, 4, 5, 7, 9, 10}) {
                    assertThat(r[f]).isEqualTo(k.get(f).asText());
                }
                assertThat(Long.parseLong(r[8])).isEqualTo(k.get(8).asLong());
            }
            String sum = new String(get(path + ".CHECKSUM").body(), StandardCharsets.US_ASCII);
            assertThat(sum)
                    .isEqualTo(DumpFiles.sha256(zip.body()) + "  BTCUSDT-1m-" + day + ".zip\n");
        }
    }

    @Test
    void aggTradesDumpEqualsRestIncludingInvalidatedRows() throws Exception {
        sim.faults().invalidAggTrades(0.05);
        try {
            LocalDate day = LocalDate.of(2024, 2, 10);
            String path = DumpFiles.dailyTradesPath("aggTrades", BTC, day);
            List<String[]> rows = rows(get(path).body(), "BTCUSDT-aggTrades-" + day + ".csv");
            assertThat(rows).hasSize(sim.model().aggTradesPerDay());
            long fromId = Long.parseLong(rows.get(0)[0]);
            List<JsonNode> rest = new ArrayList<>();
            while (rest.size() < rows.size()) {
                Http.json(
                                http.get(
                                        "/api/v3/aggTrades?symbol=BTCUSDT&limit=1000&fromId="
                                                + (fromId + rest.size())))
                        .forEach(rest::add);
            }
            int invalid = 0;
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                JsonNode a = rest.get(i);
                assertThat(Long.parseLong(r[0])).isEqualTo(a.get("a").asLong());
                assertThat(r[1]).isEqualTo(a.get("p").asText());
                assertThat(r[2]).isEqualTo(a.get("q").asText());
                assertThat(Long.parseLong(r[3])).isEqualTo(a.get("f").asLong());
                assertThat(Long.parseLong(r[4])).isEqualTo(a.get("l").asLong());
                assertThat(Long.parseLong(r[5])).isEqualTo(a.get("T").asLong());
                assertThat(r[6]).isEqualTo(a.get("m").asBoolean() ? "True" : "False");
                invalid += r[3].equals("-1") ? 1 : 0;
            }
            assertThat(invalid).isBetween(50, 250); // ≈ 5 % of 2,880
        } finally {
            sim.faults().invalidAggTrades(0);
        }
    }

    @Test
    void onlyPublishedFilesExist() throws Exception {
        assertThat(
                        get(DumpFiles.dailyKlinesPath(BTC, Interval.M1, LocalDate.of(2024, 2, 29)))
                                .statusCode())
                .isEqualTo(200);
        assertThat(
                        get(DumpFiles.dailyKlinesPath(BTC, Interval.M1, LocalDate.of(2024, 3, 1)))
                                .statusCode())
                .isEqualTo(404);
        assertThat(
                        get(DumpFiles.monthlyKlinesPath(BTC, Interval.MO1, YearMonth.of(2024, 2)))
                                .statusCode())
                .isEqualTo(200);
        assertThat(
                        get(DumpFiles.monthlyKlinesPath(BTC, Interval.H1, YearMonth.of(2024, 3)))
                                .statusCode())
                .isEqualTo(404);
        assertThat(get("data/spot/daily/klines/BTCUSDT/1M/BTCUSDT-1M-2024-01-15.zip").statusCode())
                .isEqualTo(404);
        assertThat(get("data/spot/daily/klines/ETHUSDT/1m/ETHUSDT-1m-2024-01-15.zip").statusCode())
                .isEqualTo(404);
        HttpResponse<byte[]> month =
                get(DumpFiles.monthlyKlinesPath(BTC, Interval.MO1, YearMonth.of(2024, 1)));
        List<String[]> one = rows(month.body(), "BTCUSDT-1mo-2024-01.csv");
        assertThat(one).hasSize(1);
        JsonNode rest =
                Http.json(
                        http.get(
                                "/api/v3/klines?symbol=BTCUSDT&interval=1M&startTime=1704067200000&limit=1"));
        assertThat(one.get(0)[4]).isEqualTo(rest.get(0).get(4).asText());
        assertThat(one.get(0)[0]).isEqualTo("1704067200000");
    }

    @Test
    void missingFileAndCorruptChecksumFaults() throws Exception {
        String a = DumpFiles.dailyKlinesPath(BTC, Interval.M5, LocalDate.of(2024, 2, 1));
        String b = DumpFiles.dailyKlinesPath(BTC, Interval.M5, LocalDate.of(2024, 2, 2));
        HttpResponse<String> r =
                http.post(
                        "/sim/faults",
                        "{\"missingDumpFiles\":[\"BTCUSDT-5m-2024-02-01.zip\"],"
                                + "\"corruptDumpChecksums\":[\"BTCUSDT-5m-2024-02-02.zip\"]}");
        assertThat(r.statusCode()).isEqualTo(200);
        try {
            assertThat(get(a).statusCode()).isEqualTo(404);
            assertThat(new String(get(a).body(), StandardCharsets.UTF_8)).contains("NoSuchKey");
            byte[] zip = get(b).body();
            String sum = new String(get(b + ".CHECKSUM").body(), StandardCharsets.US_ASCII);
            assertThat(sum).endsWith("  BTCUSDT-5m-2024-02-02.zip\n");
            assertThat(sum).doesNotStartWith(DumpFiles.sha256(zip));
        } finally {
            sim.faults().clear();
        }
        assertThat(get(a).statusCode()).isEqualTo(200);
    }

    @Test
    void writesTheSameFilesIntoALocalFolder(@TempDir Path dir) throws Exception {
        List<String> paths =
                DumpFiles.dailyKlinesPaths(
                        BTC, Interval.H1, LocalDate.of(2024, 2, 28), LocalDate.of(2024, 3, 1));
        List<Path> written = sim.dumps().writeTo(dir, paths);
        assertThat(written).hasSize(2); // 03-01 is not published yet
        for (Path p : written) {
            String rel = dir.relativize(p).toString().replace('\\', '/');
            assertThat(Files.readAllBytes(p)).isEqualTo(get(rel).body());
            assertThat(Files.readString(p.resolveSibling(p.getFileName() + ".CHECKSUM")))
                    .isEqualTo(
                            new String(get(rel + ".CHECKSUM").body(), StandardCharsets.US_ASCII));
        }
        assertThat(Set.copyOf(paths)).hasSize(3);
    }
}
