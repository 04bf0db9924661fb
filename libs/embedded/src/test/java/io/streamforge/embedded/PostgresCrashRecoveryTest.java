package io.streamforge.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real crashes: a child JVM starts PostgreSQL on a kept folder and is killed with SIGKILL ({@link
 * Process#destroyForcibly}); the server must not outlive it (watchdog), and when the watchdog is
 * killed too, the next start on the folder stops the orphan and starts clean with the data kept.
 */
class PostgresCrashRecoveryTest {
    private static final long WAIT_S = 60;
    @TempDir Path dir;
    private Process child;

    @AfterEach
    void killLeftovers() {
        if (child != null) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
        PostmasterRecovery.livePostmaster(dir.resolve("pgdata"))
                .ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void postgresDoesNotOutliveAJvmKilledWithSigkill() throws Exception {
        ProcessHandle postmaster = startChild();
        child.destroyForcibly(); // the JVM only: its watchdog child survives it
        assertThat(child.waitFor(WAIT_S, TimeUnit.SECONDS)).isTrue();
        assertThat(postmaster.onExit().get(WAIT_S, TimeUnit.SECONDS).isAlive())
                .as("the watchdog stopped PostgreSQL")
                .isFalse();
    }

    @Test
    void anOrphanLeftByAKilledJvmAndWatchdogIsStoppedOnTheNextStartAndTheDataIsKept()
            throws Exception {
        ProcessHandle postmaster = startChild();
        int port = Integer.parseInt(pidFileLine(3));
        try (Connection c =
                        DriverManager.getConnection(
                                "jdbc:postgresql://localhost:" + port + "/postgres",
                                "postgres",
                                "");
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (id int PRIMARY KEY)");
            st.execute("INSERT INTO kept VALUES (7)");
        }
        List<ProcessHandle> watchdog = child.descendants().toList();
        assertThat(watchdog).as("the watchdog is a child of the JVM").isNotEmpty();
        watchdog.forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        assertThat(child.waitFor(WAIT_S, TimeUnit.SECONDS)).isTrue();
        assertThat(postmaster.isAlive()).as("the orphan survives its JVM and watchdog").isTrue();

        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir);
                Connection c = pg.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM kept")) {
            assertThat(postmaster.isAlive()).as("the orphan was stopped").isFalse();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
        assertThat(PostmasterRecovery.livePostmaster(dir.resolve("pgdata"))).isEmpty();
    }

    @Test
    void aServerOfThisJvmIsNeverTakenForAnOrphan() {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir)) {
            assertThat(PostmasterRecovery.stopOrphan(dir.resolve("pgdata"))).isFalse();
            assertThat(PostmasterRecovery.livePostmaster(dir.resolve("pgdata"))).isPresent();
        }
    }

    @Test
    void aStaleLockFileOfADeadPidIsLeftToPostgres() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir)) {
            // initdb done; the server stops on close
        }
        Path pidFile = dir.resolve("pgdata").resolve(PostmasterRecovery.PID_FILE);
        Files.writeString(pidFile, deadPid() + "\n" + dir.resolve("pgdata") + "\n");
        assertThat(PostmasterRecovery.stopOrphan(dir.resolve("pgdata"))).isFalse();
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir);
                Connection c = pg.dataSource().getConnection()) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private ProcessHandle startChild() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child =
                new ProcessBuilder(
                                java,
                                "-Xmx256m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                PostgresChildMain.class.getName(),
                                dir.toString())
                        .redirectErrorStream(true)
                        .start();
        var out =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("ready")) {
            // skip log lines
        }
        assertThat(line).as("the child started PostgreSQL").isEqualTo("ready");
        return PostmasterRecovery.livePostmaster(dir.resolve("pgdata")).orElseThrow();
    }

    private String pidFileLine(int index) throws Exception {
        return Files.readAllLines(dir.resolve("pgdata").resolve(PostmasterRecovery.PID_FILE))
                .get(index)
                .strip();
    }
}
