package io.streamforge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The plain-decimal fast path of {@link Decimals#parse} gives exactly (value and scale) what the
 * general path gives, and leaves every other spelling to it.
 */
class DecimalsPlainTest {
    @Test
    void fastPathEqualsTheGeneralPathOnRandomPlainSpellings() {
        Random r = new Random(3451);
        for (int i = 0; i < 200_000; i++) {
            String t = randomPlain(r);
            BigDecimal general = Decimals.parseGeneral("x", t);
            assertThat(Decimals.parse("x", t)).as(t).isEqualTo(general);
            BigDecimal plain = Decimals.parsePlain(t);
            if (plain != null) {
                assertThat(plain.scale()).as(t).isEqualTo(general.scale());
                assertThat(plain.unscaledValue()).as(t).isEqualTo(general.unscaledValue());
            }
        }
    }

    @Test
    void fastPathTakesExchangeSpellingsAndLeavesTheRest() {
        assertThat(Decimals.parsePlain("62345.67000000")).isEqualTo(new BigDecimal("62345.67"));
        assertThat(Decimals.parsePlain("0.00000000")).isSameAs(BigDecimal.ZERO);
        assertThat(Decimals.parsePlain("-0.50")).isEqualTo(new BigDecimal("-0.5"));
        assertThat(Decimals.parsePlain("100.000")).isEqualTo(new BigDecimal("100"));
        assertThat(Decimals.parsePlain("999999999999999999"))
                .isEqualTo(new BigDecimal("999999999999999999"));
        for (String other :
                List.of(
                        "",
                        "-",
                        ".",
                        "-.",
                        "1.2.3",
                        "--1",
                        "+1",
                        " 1",
                        "1 ",
                        "1e3",
                        "1,5",
                        "0x10",
                        "1234567890123456789",
                        "0.0000000000000000001")) {
            assertThat(Decimals.parsePlain(other)).as("'%s'", other).isNull();
        }
        assertThat(Decimals.parse("x", "1234567890123456789.10"))
                .isEqualTo(new BigDecimal("1234567890123456789.1"));
        assertThatThrownBy(() -> Decimals.parse("price", "1.2.3"))
                .hasMessage("price: not a decimal: '1.2.3'");
        assertThatThrownBy(() -> Decimals.parse("qty", null)).hasMessage("qty: missing decimal");
    }

    /** Up to 20 digits with an optional minus and point, leading and trailing zeros likely. */
    private static String randomPlain(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) sb.append('-');
        int intDigits = r.nextInt(12);
        for (int i = 0; i < intDigits; i++) sb.append(digit(r));
        if (intDigits == 0 || r.nextBoolean()) {
            sb.append('.');
            int frac = (intDigits == 0 ? 1 : 0) + r.nextInt(10);
            for (int i = 0; i < frac; i++) sb.append(digit(r));
        }
        return sb.toString();
    }

    private static char digit(Random r) {
        return r.nextInt(3) == 0 ? '0' : (char) ('0' + r.nextInt(10));
    }
}
