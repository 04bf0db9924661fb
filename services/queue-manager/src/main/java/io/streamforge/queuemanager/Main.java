package io.streamforge.queuemanager;

import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ConfigReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standalone queue-manager (one process, e.g. a Kubernetes Deployment). Needs a job launcher that
 * starts workers outside this JVM: {@code JOB_LAUNCHER=kubernetes} is planned and not in this
 * build, so this entry point validates its configuration and explains; local mode runs the manager
 * in-process through {@code streamforge up|demo} instead.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        ConfigReader r = new ConfigReader(System.getenv());
        String launcher = r.optional("JOB_LAUNCHER", "kubernetes");
        r.required("KAFKA_BOOTSTRAP_SERVERS");
        r.required("POSTGRES_JDBC_URL");
        r.problem(
                "invalid JOB_LAUNCHER: '"
                        + launcher
                        + "' — this build runs workers only in-process; "
                        + "use `streamforge up` (local mode). The kubernetes launcher is tracked in the project notes.");
        try {
            r.validate();
        } catch (ConfigException e) {
            LOG.error(e.getMessage());
            System.exit(ConfigException.EXIT_CODE);
        }
    }
}
