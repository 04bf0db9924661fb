package io.streamforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ConfigReader#asked()}: every variable looked up, set or not, in order. */
class ConfigReaderNamesTest {
    @Test
    void recordsEveryLookUpWhetherSetOrNot() {
        ConfigReader r = new ConfigReader(Map.of("A", "1", "UNREAD", "x"));
        r.required("A");
        r.optional("B", "d");
        r.intValue("C", 3, 0, 10);
        r.optionalSecret("D");
        r.parsed("E", Integer::valueOf, 0);
        assertThat(r.asked())
                .containsExactly("A", "B", "C", "D_FILE", "E")
                .doesNotContain("UNREAD");
    }
}
