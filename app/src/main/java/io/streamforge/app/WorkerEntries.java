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
import io.streamforge.registry.ServiceDescriptor;
import io.streamforge.registry.ServiceRegistry;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerRunner;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The in-process entry point of every step target of the service registry (the local launcher runs
 * them). A target the registry gains without an entry here stops {@link #all} with an error naming
 * it, so the local launcher and the queue-manager's targets are the same list.
 */
public final class WorkerEntries {
    private WorkerEntries() {}

    /** Target name → entry, for every {@link ServiceRegistry#targets()} service. */
    public static Map<String, LocalJobLauncher.Entry> all() {
        Map<String, LocalJobLauncher.Entry> out = new LinkedHashMap<>();
        for (ServiceDescriptor d : ServiceRegistry.targets()) {
            out.put(d.name(), entry(d.name()));
        }
        return out;
    }

    static LocalJobLauncher.Entry entry(String target) {
        return switch (target) {
            case CandlesLoader.SERVICE -> entry(target, true, CandlesLoader::create);
            case TradesLoader.SERVICE -> entry(target, true, TradesLoader::create);
            case ConnectorWorker.SERVICE -> entry(target, false, ConnectorWorker::create);
            case DummyWorker.SERVICE -> entry(target, false, DummyWorker::create);
            case GraphBuilderWorker.SERVICE -> entry(target, true, GraphBuilderWorker::create);
            case GnnTrainerWorker.SERVICE ->
                    entry(target, true, Platforms.gnnTrainer(Platforms.current()));
            case WsLoaderWorker.SERVICE -> entry(target, true, WsLoaderWorker::create);
            // a service, not a worker: serves the UI until the step is stopped
            case "visualizer" -> (env, stop) -> io.streamforge.visualizer.Main.run(env, stop);
            default ->
                    throw new IllegalStateException(
                            "the service registry's step target "
                                    + target
                                    + " has no in-process entry point (app WorkerEntries)");
        };
    }

    static LocalJobLauncher.Entry entry(
            String service, boolean symbolsRequired, Worker.Factory factory) {
        return (env, stop) ->
                WorkerRunner.run(service, env, symbolsRequired, factory, stop, TimeSource.system());
    }
}
