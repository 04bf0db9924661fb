package io.streamforge.registry;

import static io.streamforge.registry.StepParam.integer;
import static io.streamforge.registry.StepParam.interval;
import static io.streamforge.registry.StepParam.oneOf;
import static io.streamforge.registry.StepParam.text;

import java.util.List;

/** The step params of each service (the queue-manager's allowlist, published in its OpenAPI). */
final class StepParams {
    static final StepParam RESAMPLE =
            interval("resample", "aggregate the stored candles to this interval first");

    /** The REST loaders (the candle interval is the step's own {@code interval} field). */
    static final List<StepParam> LOADER =
            List.of(
                    oneOf(
                            "source",
                            List.of("rest", "dump", "auto"),
                            "REST API, data.binance.vision dump files, or dumps + REST for the"
                                    + " tail"),
                    integer("loader_concurrency", 1, 64, "parallel requests per loader"));

    static final List<StepParam> WS =
            List.of(
                    text(
                            "streams",
                            "[A-Za-z0-9_,]{1,200}",
                            "stream types, comma separated (aggTrade, trade, kline_1m, depth)"),
                    integer("run_for_ms", 0, 2_592_000_000L, "stop after this time (0 = run)"),
                    integer("depth_snapshot_limit", 1, 5000, "order book snapshot depth"));

    static final List<StepParam> CONNECTOR =
            List.of(
                    integer("poll_ms", 1, 60_000, "Kafka poll timeout"),
                    integer("max_poll_records", 1, 100_000, "records per poll"));

    static final List<StepParam> GRAPH =
            List.of(
                    RESAMPLE,
                    text(
                            "indicators",
                            "[A-Za-z0-9:,._-]{1,200}",
                            "indicators to compute, e.g. SMA:20,RSI:14, or none"),
                    oneOf("graph_method", List.of("pearson", "spearman"), "correlation method"),
                    text(
                            "graph_rule",
                            "mst|threshold:[0-9.]{1,8}|topk:[0-9]{1,4}",
                            "edges: mst, threshold:<|rho|> or topk:<k>"),
                    text(
                            "alignment",
                            "drop|ffill:[0-9]{1,4}",
                            "missing candles: drop rows or forward-fill up to n"),
                    integer("min_returns", 2, 100_000_000, "least aligned returns"));

    static final List<StepParam> GNN =
            List.of(
                    RESAMPLE,
                    integer("gnn_epochs", 1, 10_000, "training epochs"),
                    integer("gnn_patience", 1, 10_000, "early-stopping patience"),
                    integer("gnn_seed", Long.MIN_VALUE, Long.MAX_VALUE, "random seed"),
                    integer("gnn_horizon", 1, 20, "label horizon in steps"),
                    oneOf(
                            "graph_source",
                            List.of("compute", "store"),
                            "graph from the store or computed"),
                    text("model_name", "[A-Za-z0-9][A-Za-z0-9._-]{0,99}", "model name in S3"));

    static final List<StepParam> DUMMY =
            List.of(
                    integer("simulate_records", 0, 10_000_000, "records to emit"),
                    integer("simulate_ms_per_record", 0, 60_000, "delay per record"),
                    integer("simulate_fail_after", -1, 10_000_000, "fail after n (-1 never)"));

    private StepParams() {}
}
