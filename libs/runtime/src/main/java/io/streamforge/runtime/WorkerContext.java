package io.streamforge.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamforge.domain.port.TimeSource;

/** What a running worker gets from the skeleton. */
public record WorkerContext(
        WorkerConfig config,
        Telemetry telemetry,
        StopSignal stop,
        MeterRegistry registry,
        TimeSource time) {}
