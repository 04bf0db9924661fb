package io.streamforge.embedded;

import java.io.File;
import java.io.IOException;

/**
 * Keeps a child server process (Keycloak) from outliving this JVM: a small {@code sh} child polls,
 * once a second, whether this JVM and the child are alive; when the JVM is gone while the child
 * runs (SIGKILL, the OOM killer, or a JVM that never ran its shutdown hooks because a native
 * library took its signals — helm-java's Go runtime does), it sends the child SIGTERM, and SIGKILL
 * 30 s later if it is still there. It ignores the terminal's Ctrl-C and hang-up, so it survives
 * them to do its job; it exits by itself within a second of the child's end. POSIX {@code sh},
 * {@code kill}, {@code sleep}.
 */
final class OrphanGuard implements AutoCloseable {
    private static final String SCRIPT =
            """
            trap '' INT HUP
            alive() { kill -0 "$1" 2>/dev/null; }
            while alive "$1" && alive "$2"; do sleep 1; done
            alive "$2" || exit 0
            kill -TERM "$2"
            i=0
            while [ $i -lt 30 ]; do alive "$2" || exit 0; sleep 1; i=$((i+1)); done
            kill -KILL "$2"
            """;

    private final Process process;

    private OrphanGuard(Process process) {
        this.process = process;
    }

    /** Guards {@code child} for this JVM. */
    static OrphanGuard start(ProcessHandle child) throws IOException {
        return start(ProcessHandle.current().pid(), child.pid());
    }

    /** Guards {@code childPid} for the process {@code parentPid} (tests use a stand-in parent). */
    static OrphanGuard start(long parentPid, long childPid) throws IOException {
        Process p =
                new ProcessBuilder(
                                "sh",
                                "-c",
                                SCRIPT,
                                "streamforge-orphan-guard",
                                Long.toString(parentPid),
                                Long.toString(childPid))
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        return new OrphanGuard(p);
    }

    /** The guard's own process. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Ends the guard (the child was stopped by its owner). */
    @Override
    public void close() {
        process.destroy();
    }
}
