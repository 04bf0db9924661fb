package io.streamforge.runtime;

/**
 * The work of one service. Constructed from validated configuration; all resources are opened in
 * {@link #run}. Long loops must check {@code ctx.stop().stopped()} between batches and return
 * early.
 */
@FunctionalInterface
public interface Worker {
    /** Does the work and returns the number of records written. */
    long run(WorkerContext ctx) throws Exception;

    /** Builds a worker from configuration; problems go to the reader, not into exceptions. */
    @FunctionalInterface
    interface Factory {
        Worker create(ConfigReader reader, WorkerConfig common);
    }
}
