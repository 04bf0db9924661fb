package io.streamforge.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TransientException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresErrorsTest {
    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "40001", "40P01", "55P03", "57P01", "53300"})
    void connectionSerializationAndDeadlockErrorsAreTransient(String state) {
        RuntimeException e = PostgresErrors.classify("upsert", new SQLException("boom", state));
        assertThat(e).isInstanceOf(TransientException.class).hasMessageContaining(state);
        assertThat(e.getMessage()).startsWith("upsert failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23502", "22003", "22P02", "42P01", "P0001"})
    void constraintDataAndSqlErrorsArePermanent(String state) {
        RuntimeException e = PostgresErrors.classify("insert", new SQLException("bad", state));
        assertThat(e).isInstanceOf(PermanentException.class).hasMessageContaining(state);
    }

    @Test
    void poolTimeoutsAndWrappedConnectionErrorsAreTransient() {
        assertThat(
                        PostgresErrors.classify(
                                "read", new SQLTransientConnectionException("pool timeout")))
                .isInstanceOf(TransientException.class);
        SQLException wrapped = new SQLException("outer", (String) null);
        wrapped.initCause(new SQLException("refused", "08001"));
        assertThat(PostgresErrors.isTransient(wrapped)).isTrue();
        assertThat(PostgresErrors.isTransient(new SQLException("no state"))).isFalse();
    }
}
