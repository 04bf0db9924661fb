package io.streamforge.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OrphanGuard} with real processes: two {@code sleep}s stand in for the JVM and its child
 * server (this JVM cannot be killed in a test).
 */
class OrphanGuardTest {
    private static final long WAIT_S = 60;
    private Process parent;
    private Process child;

    @AfterEach
    void end() {
        for (Process p : new Process[] {parent, child}) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void theChildIsStoppedWhenTheParentDiesWithoutClosingIt() throws Exception {
        parent = sleep();
        child = sleep();
        OrphanGuard guard = OrphanGuard.start(parent.pid(), child.pid());
        assertThat(child.isAlive()).isTrue();
        parent.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(child.onExit().get(WAIT_S, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(guard.handle().onExit().get(WAIT_S, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    @Test
    void theGuardEndsByItselfWithTheChildAndLeavesTheParentAlone() throws Exception {
        parent = sleep();
        child = sleep();
        OrphanGuard guard = OrphanGuard.start(parent.pid(), child.pid());
        child.destroy();
        assertThat(guard.handle().onExit().get(WAIT_S, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(parent.isAlive()).isTrue();
    }

    @Test
    void closeEndsTheGuardAndTheChildKeepsRunning() throws Exception {
        parent = sleep();
        child = sleep();
        OrphanGuard guard = OrphanGuard.start(parent.pid(), child.pid());
        guard.close();
        assertThat(guard.handle().onExit().get(WAIT_S, TimeUnit.SECONDS).isAlive()).isFalse();
        parent.destroyForcibly();
        parent.onExit().get(WAIT_S, TimeUnit.SECONDS);
        assertThat(child.isAlive()).as("no guard left to stop it").isTrue();
    }

    private static Process sleep() throws IOException {
        return new ProcessBuilder("sleep", "300").start();
    }
}
