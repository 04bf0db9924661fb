package io.streamforge.app;

import io.streamforge.connector.ConnectorWorker;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.dummy.DummyWorker;
import io.streamforge.gnntrainer.GnnTrainerWorker;
import io.streamforge.graphbuilder.GraphBuilderWorker;
import io.streamforge.loader.candles.CandlesLoader;
import io.streamforge.loader.trades.TradesLoader;
import io.streamforge.loader.ws.WsLoaderWorker;
import io.streamforge.queuemanager.LocalJobLauncher;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerRunner;
import java.util.Map;

/** The in-process entry point of every target the API accepts (the local launcher runs them). */
public final class WorkerEntries {
    private WorkerEntries() {}

    public static Map<String, LocalJobLauncher.Entry> all() {
        return Map.of(
                CandlesLoader.SERVICE,
                entry(CandlesLoader.SERVICE, true, CandlesLoader::create),
                TradesLoader.SERVICE,
                entry(TradesLoader.SERVICE, true, TradesLoader::create),
                ConnectorWorker.SERVICE,
                entry(ConnectorWorker.SERVICE, false, ConnectorWorker::create),
                DummyWorker.SERVICE,
                entry(DummyWorker.SERVICE, false, DummyWorker::create),
                GraphBuilderWorker.SERVICE,
                entry(GraphBuilderWorker.SERVICE, true, GraphBuilderWorker::create),
                GnnTrainerWorker.SERVICE,
                entry(GnnTrainerWorker.SERVICE, true, Platforms.gnnTrainer(Platforms.current())),
                WsLoaderWorker.SERVICE,
                entry(WsLoaderWorker.SERVICE, true, WsLoaderWorker::create),
                // a service, not a worker: serves the UI until the step is stopped
                "visualizer",
                (env, stop) -> io.streamforge.visualizer.Main.run(env, stop));
    }

    static LocalJobLauncher.Entry entry(
            String service, boolean symbolsRequired, Worker.Factory factory) {
        return (env, stop) ->
                WorkerRunner.run(service, env, symbolsRequired, factory, stop, TimeSource.system());
    }
}
