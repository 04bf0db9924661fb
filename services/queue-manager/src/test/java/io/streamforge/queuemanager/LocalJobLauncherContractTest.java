package io.streamforge.queuemanager;

import io.streamforge.domain.port.JobLauncher;
import io.streamforge.testkit.JobLauncherContract;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/**
 * The local launcher under the shared launcher contract: real threads; the test job ignores the
 * stop signal and ends only when its thread is interrupted (a hung worker).
 */
class LocalJobLauncherContractTest extends JobLauncherContract {
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private LocalJobLauncher local;

    @Override
    protected JobLauncher newLauncher() {
        LocalJobLauncher.Entry stubborn =
                (env, stop) -> {
                    runs.computeIfAbsent(env.get("TELEMETRY_ID"), k -> new AtomicInteger())
                            .incrementAndGet();
                    while (true) {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            return 130;
                        }
                    }
                };
        local = new LocalJobLauncher(Map.of(STUBBORN, stubborn), Map.of(), 200);
        return local;
    }

    @Override
    protected int started(String jobName) {
        // the thread registers its run as it starts: wait for a launched one to get there
        if (local.exists(jobName)) {
            awaitTrue(() -> runs.containsKey(STUBBORN + "__" + jobName), "job started");
        }
        AtomicInteger n = runs.get(STUBBORN + "__" + jobName);
        return n == null ? 0 : n.get();
    }

    @Override
    protected boolean leftOver(String jobName) {
        return local.alive().contains(jobName);
    }

    @AfterEach
    void closeLauncher() throws InterruptedException {
        local.close();
    }
}
