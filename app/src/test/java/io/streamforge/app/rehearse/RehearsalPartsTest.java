package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.app.cli.CliRun;
import io.streamforge.domain.Symbol;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rehearsal's parts that need no server: the chart's reading, the host map, the images. */
class RehearsalPartsTest {
    private static final Path ROOT = Path.of("..");
    private static final Path CHART = ROOT.resolve("deploy/helm/streamforge");

    @Test
    void theHostMapReplacesWholeHostsAndPathsOnly() {
        HostMap m =
                new HostMap()
                        .add("kafka:9092", "localhost:1234", "Kafka")
                        .add("/var/run/secrets/streamforge", "/tmp/x/secrets", "mount")
                        .add("https://api.binance.com", "http://127.0.0.1:99", "sim");
        assertThat(m.remap("kafka:9092,my-kafka:9092,kafka:90921"))
                .isEqualTo("localhost:1234,my-kafka:9092,kafka:90921");
        assertThat(m.remap("/var/run/secrets/streamforge/kafka-password"))
                .isEqualTo("/tmp/x/secrets/kafka-password");
        assertThat(m.remap("/var/run/secrets/streamforge-other"))
                .isEqualTo("/var/run/secrets/streamforge-other");
        assertThat(m.remap("https://api.binance.com")).isEqualTo("http://127.0.0.1:99");
        assertThat(m.copy().add("kafka:9092", "other:1", "again").remap("kafka:9092"))
                .isEqualTo("other:1");
        assertThat(m.remap("kafka:9092"))
                .as("a copy does not change the original")
                .isEqualTo("localhost:1234");
        m.setVariable("FLUENT_PORT", "4711", "receiver");
        assertThat(m.value("FLUENT_PORT", "24224")).isEqualTo("4711");
        assertThat(m.value("OTHER_PORT", "24224")).as("only that variable").isEqualTo("24224");
        assertThat(m.copy().value("FLUENT_PORT", "24224")).isEqualTo("4711");
        assertThat(m.value("KAFKA", "kafka:9092")).isEqualTo("localhost:1234");
        assertThat(m.rules()).contains(new HostMap.Rule("env FLUENT_PORT", "4711", "receiver"));
    }

    @Test
    void theHomelabRenderingHasItsDeploymentsUsersTopicsAndScaler() {
        RenderedChart chart = RenderedChart.render(CHART, CHART.resolve("values-homelab.yaml"));
        assertThat(chart.deployments())
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "sf-queue-manager",
                        "sf-visualizer",
                        "sf-loader-ws-live",
                        "sf-connector-live");
        assertThat(chart.kafkaUsers()).containsKey("streamforge-queue-manager");
        assertThat(chart.kafkaUsers().get("streamforge-queue-manager")).isNotEmpty();
        assertThat(chart.kafkaTopics()).containsKey("live.aggTrade");
        assertThat(chart.scaledObjects())
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.deployment()).isEqualTo("sf-connector-live");
                            assertThat(s.max()).isBetween(1, 6);
                        });
        assertThat(chart.workerTemplates()).containsKey("loader-api-candles.yaml");
        assertThat(chart.secretProviderObjects().get("sf-queue-manager"))
                .contains("kafka-password", "kafka-ca.crt");
        ChartEnv env = new ChartEnv(chart);
        assertThat(env.kafkaUserPrefix()).isEqualTo("streamforge-");
        assertThat(env.first("KAFKA_BOOTSTRAP_SERVERS", null))
                .isEqualTo("k3-kafka-bootstrap.kafka:9093");
    }

    @Test
    void aHelmErrorFromTheChildJvmIsReportedWithHelmsText(@TempDir Path dir) throws Exception {
        Path values = dir.resolve("broken.yaml");
        java.nio.file.Files.writeString(values, "live: [unclosed\n");
        assertThatThrownBy(() -> RenderedChart.render(CHART, values))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("helm template failed: ")
                .hasMessageContaining("broken.yaml");
    }

    @Test
    void theSimulatorServesEverySymbolTheLiveLoaderSubscribesTo() {
        // found by the live data check: the simulator refused the live loader's whole SUBSCRIBE
        // for the two homelab symbols it did not serve, and the Deployment wrote nothing
        RenderedChart chart = RenderedChart.render(CHART, CHART.resolve("values-homelab.yaml"));
        List<Symbol> rehearsed = List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
        assertThat(RehearsalInfra.simulatedSymbols(new ChartEnv(chart), rehearsed))
                .startsWith(rehearsed.toArray(Symbol[]::new))
                .contains(Symbol.of("SOLUSDT"), Symbol.of("BNBUSDT"))
                .doesNotHaveDuplicates();
        RenderedChart defaults = RenderedChart.render(CHART, null);
        assertThat(RehearsalInfra.simulatedSymbols(new ChartEnv(defaults), rehearsed))
                .isEqualTo(rehearsed);
    }

    @Test
    void anImageIsTheDockerfilesEntrypointOnThePackagedJar(@TempDir Path empty) {
        assertThat(ServiceImage.missingOf(empty, List.of("queue-manager", "visualizer")))
                .containsExactly("queue-manager", "visualizer");
        assertThatThrownBy(() -> ServiceImage.of(empty, "queue-manager"))
                .hasMessageContaining("does not exist");
        assertThat(ServiceImage.missing(List.of("queue-manager", "visualizer")))
                .isEqualTo(
                        "packaged jars missing for queue-manager, visualizer (target/<name>-*.jar + target/lib/); build them with: ./mvnw -pl services/queue-manager,services/visualizer -am package -DskipTests");
        ServiceImage image =
                new ServiceImage(
                        "x",
                        Path.of("/b/x.jar"),
                        Path.of("/b/lib"),
                        List.of("java", "-cp", "app.jar:lib/*", "io.x.Main"));
        assertThat(image.command()).endsWith("-cp", "/b/x.jar:/b/lib/*", "io.x.Main");
        assertThat(image.command().get(0)).endsWith("/bin/java");
    }

    @Test
    void badOptionsExit2WithOneLine() {
        CliRun run = CliRun.of("rehearse", "--values", "no-such-values.yaml");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip())
                .doesNotContain("\n")
                .contains("--values")
                .contains("no-such-values.yaml");
        assertThat(CliRun.of("rehearse", "--range", "garbage").code()).isEqualTo(2);
    }
}
