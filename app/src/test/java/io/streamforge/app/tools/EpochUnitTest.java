package io.streamforge.app.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A file's timestamp unit, detected from its first value; mixed units are refused by line. */
class EpochUnitTest {
    private static final long MS = 1_704_067_200_000L; // 2024-01-01 in ms
    private static final long US = 1_735_689_600_000_000L; // 2025-01-01 in µs

    @Test
    void theUnitIsDetectedAsInBinanceDumps() {
        assertThat(EpochUnit.of(MS)).isEqualTo(EpochUnit.MILLIS);
        assertThat(EpochUnit.of(US)).isEqualTo(EpochUnit.MICROS);
        assertThat(EpochUnit.of(0)).isEqualTo(EpochUnit.MILLIS);
        assertThat(EpochUnit.MILLIS.label()).isEqualTo("ms");
        assertThat(EpochUnit.MICROS.label()).isEqualTo("µs");
    }

    @Test
    void valuesConvertBothWaysInTheFilesUnit() {
        assertThat(EpochUnit.MILLIS.toMicros(MS)).isEqualTo(MS * 1000);
        assertThat(EpochUnit.MICROS.toMicros(US)).isEqualTo(US);
        assertThat(EpochUnit.MILLIS.fromMicros(MS * 1000)).isEqualTo(MS);
        assertThat(EpochUnit.MICROS.fromMicros(US)).isEqualTo(US);
        assertThat(EpochUnit.MILLIS.fromMicros(EpochUnit.MILLIS.toMicros(MS))).isEqualTo(MS);
    }

    @Test
    void aValueOfTheOtherUnitOrANegativeOneIsRefusedWithItsPlace() {
        assertThat(EpochUnit.MILLIS.checkedMicros(MS, "f line 2")).isEqualTo(MS * 1000);
        assertThatThrownBy(() -> EpochUnit.MILLIS.checkedMicros(US, "f line 9"))
                .hasMessage(
                        "f line 9: timestamp "
                                + US
                                + " is in µs but the file started with ms timestamps (mixed units"
                                + " in one file)");
        assertThatThrownBy(() -> EpochUnit.MICROS.checkedMicros(MS, "f line 3"))
                .hasMessageContaining("is in ms but the file started with µs timestamps");
        assertThatThrownBy(() -> EpochUnit.MICROS.checkedMicros(-1, "f line 4"))
                .hasMessage("f line 4: negative timestamp -1");
    }
}
