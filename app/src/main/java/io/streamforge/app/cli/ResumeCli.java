package io.streamforge.app.cli;

import io.streamforge.app.ApiClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code streamforge resume QUEUE_ID [--api URL]}: asks a running platform's queue-manager API
 * ({@code POST /queues/{id}/resume}) to run the unfinished steps of an {@code interrupted} or
 * {@code failed} queue again under the same queue id. Exit 0 when the API accepted, 1 when it
 * refused (404 unknown queue, 409 pending/running/finished; the problem's detail as one line), 2 on
 * bad usage.
 */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Resume an interrupted or failed queue under its id.",
            "Its unfinished steps run again as a new attempt; finished steps are kept."
        })
public final class ResumeCli implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "QUEUE_ID", description = "The queue to resume.")
    String queueId;

    @Option(
            names = "--api",
            paramLabel = "URL",
            defaultValue = "http://127.0.0.1:8080",
            description = "Queue-manager API of the platform (default: ${DEFAULT-VALUE}).")
    String api;

    ResumeCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String base = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        if (!base.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new UsageError("--api must be an http(s) URL: " + api);
        }
        ApiClient.Answer a = new ApiClient(base).post("/queues/" + queueId + "/resume", "");
        if (a.status() == 200) {
            ctx.out().println("queue " + queueId + " resumed");
            return ExitCode.OK;
        }
        String detail = a.body() == null ? "" : a.body().path("detail").asText("");
        ctx.err()
                .println(
                        "streamforge resume: "
                                + a.status()
                                + " "
                                + (detail.isEmpty() ? "refused" : detail.replace('\n', ' ')));
        return ExitCode.FAILURE;
    }
}
