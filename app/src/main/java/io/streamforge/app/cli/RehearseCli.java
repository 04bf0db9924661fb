package io.streamforge.app.cli;

import io.streamforge.app.rehearse.KeycloakDist;
import io.streamforge.app.rehearse.KeycloakIdentity;
import io.streamforge.app.rehearse.Rehearsal;
import io.streamforge.app.rehearse.StopOnSignal;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code streamforge rehearse [--values FILE] [--identity keycloak|local]}: the homelab rehearsal
 * (ADR 3301) — the chart's rendered workloads as processes on real local parts, behind a real
 * Keycloak with the realm file by default (ADR 3501, {@link RehearseIdentity}). Exit 0 when every
 * workload ran and the backfill stored exactly the simulator's records (its work folder is then
 * deleted), 1 when something failed (the folder is kept for the pods' logs), 2 on bad usage or a
 * missing build (the message names the Maven command).
 */
@Command(
        name = "rehearse",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Rehearse a cluster install on this machine: render the Helm chart, run every",
            "Deployment (and the Jobs the queue-manager creates) as a process from its packaged",
            "jar with the container's exact environment, on real Kafka/PostgreSQL/S3 with the",
            "chart's security, run a backfill through the API and print one row per workload.",
            "Run it before installing on a cluster (deploy/README.md)."
        })
public final class RehearseCli implements Callable<Integer> {
    static final String CHART = "deploy/helm/streamforge";
    static final String REALM_FILE = "deploy/keycloak/streamforge-realm.json";

    private final CliContext ctx;

    @Option(
            names = "--values",
            paramLabel = "FILE",
            description =
                    "Values file over the chart's defaults, e.g. "
                            + CHART
                            + "/values-homelab.yaml (default: none).")
    Path values;

    @Option(
            names = "--symbols",
            split = ",",
            paramLabel = "SYMBOL",
            defaultValue = "BTCUSDT,ETHUSDT,SOLUSDT",
            description = "Symbols of the backfill (default: ${DEFAULT-VALUE}).")
    List<Symbol> symbols;

    @Option(
            names = "--range",
            paramLabel = "FROM:TO",
            defaultValue = "2024-05-01:2024-05-03",
            description = "Days of the backfill (default: ${DEFAULT-VALUE}).")
    String range;

    @Option(
            names = "--agg-trades-per-day",
            defaultValue = "1440",
            description = "Simulated aggTrades per symbol and day (default: ${DEFAULT-VALUE}).")
    int aggTradesPerDay;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "300",
            description =
                    "Longest wait for a workload to be ready or the backfill to end (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
            names = "--no-queue-manager-kill",
            description =
                    "Do not SIGKILL the queue-manager once its Jobs run (default: it is killed and replaced; the backfill must still finish exactly).")
    boolean noKill;

    @Option(
            names = "--no-analytics",
            description =
                    "Loaders and connector only: no graph-builder and gnn-trainer steps (default: they run, 3 epochs, the model to S3; they need 3 or more symbols).")
    boolean noAnalytics;

    @Option(
            names = "--keep",
            description =
                    "Keep the work folder (the pods' logs, the servers' data) after a passed rehearsal; a failed one always keeps it (default: off).")
    boolean keep;

    @Option(
            names = "--identity",
            paramLabel = "keycloak|local",
            description = {
                "OIDC provider: keycloak = a real Keycloak from the keycloak-quarkus-dist zip the",
                "build put in the local Maven repository, with "
                        + REALM_FILE
                        + " imported (without",
                "the zip: the local issuer and a NOTE); local = a local OIDC issuer, no Keycloak",
                "(default: keycloak)."
            })
    RehearseIdentity.Choice identity;

    RehearseCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Checks.positive("--agg-trades-per-day", aggTradesPerDay);
        Checks.positive("--timeout", timeoutSeconds);
        try {
            TimeRange.parseDays(range);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--range: " + e.getMessage());
        }
        Path root = repositoryRoot();
        if (values != null && !Files.isRegularFile(values)) {
            throw new UsageError("--values: no such file: " + values);
        }
        RehearseIdentity.Plan plan =
                RehearseIdentity.plan(identity, KeycloakDist.locate(ctx.env(), root));
        if (plan.note() != null) {
            ctx.out().println("NOTE: " + plan.note());
        }
        Path work = Files.createTempDirectory("streamforge-rehearse-");
        Rehearsal.Result result;
        try (StopOnSignal stop = StopOnSignal.install(ctx.err(), work);
                KeycloakIdentity keycloak = keycloak(plan, root, work)) {
            result = Rehearsal.run(options(root, work, keycloak), ctx.out());
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("packaged jars missing")) {
                DataDir.deleteTree(
                        work); // nothing started yet: the folder is empty but for its start
                throw UsageError.sentence("streamforge rehearse: " + e.getMessage());
            }
            ctx.err().println("Work folder kept: " + work);
            throw e;
        } catch (RuntimeException e) {
            ctx.err().println("Work folder kept: " + work);
            throw e;
        }
        print(result, work, plan.note());
        if (!result.passed() || keep) {
            ctx.out().println("Work folder kept: " + work);
            return result.passed() ? ExitCode.OK : ExitCode.FAILURE;
        }
        try {
            DataDir.deleteTree(work); // Kafka, PostgreSQL, S3, pods' logs, Keycloak's log
        } catch (IOException e) {
            ctx.out().println("NOTE: could not delete the work folder " + work + ": " + e);
        }
        return ExitCode.OK;
    }

    /** The real Keycloak of the plan (launched, not awaited), or null for the local issuer. */
    private KeycloakIdentity keycloak(RehearseIdentity.Plan plan, Path root, Path work) {
        if (!plan.keycloak()) {
            return null;
        }
        ctx.out()
                .printf(
                        "Starting Keycloak %s from %s in %s%n",
                        KeycloakDist.version(), plan.zip(), work.resolve("keycloak"));
        return KeycloakIdentity.start(
                plan.zip(), root.resolve(REALM_FILE), work, Duration.ofSeconds(timeoutSeconds));
    }

    private Rehearsal.Options options(Path root, Path work, KeycloakIdentity keycloak) {
        return new Rehearsal.Options(
                root,
                values == null ? null : values.toAbsolutePath(),
                work,
                List.copyOf(symbols),
                range,
                aggTradesPerDay,
                Duration.ofSeconds(timeoutSeconds),
                !noKill,
                keycloak,
                !noAnalytics);
    }

    private void print(Rehearsal.Result result, Path work, String identityNote) {
        Table t = new Table("workload", "service", "env vars checked", "result");
        result.rows()
                .forEach(
                        r ->
                                t.row(
                                        r.workload(),
                                        r.service(),
                                        r.envVars(),
                                        (r.ok() ? "ok: " : "FAILED: ") + r.result()));
        ctx.out().println();
        ctx.out().println("Rehearsal of the chart with " + result.values() + ":");
        ctx.out().print(t.render());
        if (identityNote != null) {
            ctx.out().println("NOTE: " + identityNote);
        }
        result.notes().forEach(n -> ctx.out().println("NOTE: " + n));
        result.checks().forEach(c -> ctx.out().println("CHECK: " + c));
        result.failures().forEach(f -> ctx.out().println("FAILED: " + f));
        ctx.out()
                .println(
                        result.passed()
                                ? "Rehearsal passed."
                                : "Rehearsal FAILED; logs of each container under "
                                        + work
                                        + "/pods");
    }

    /** The repository holding the chart and the services' builds: this folder or one above. */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(CHART).resolve("Chart.yaml"))) {
                return p;
            }
        }
        throw new UsageError(
                "run it inside the StreamForge repository: no " + CHART + " here or above");
    }
}
