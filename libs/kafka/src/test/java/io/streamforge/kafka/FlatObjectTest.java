package io.streamforge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The streaming one-object reader under every data-topic message: absent values and bad types. */
class FlatObjectTest {
    private static FlatObject read(String json) throws IOException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            return FlatObject.read(p);
        }
    }

    @Test
    void nullIsAbsentAndTheLastOfARepeatedFieldWins() throws IOException {
        FlatObject o = read("{\"a\":null,\"b\":\"1\",\"b\":\"2\",\"c\":\"x\",\"c\":null}");
        assertThat(o.has("a")).isFalse();
        assertThat(o.textOr("a", "dflt")).isEqualTo("dflt");
        assertThat(o.text("b")).isEqualTo("2");
        assertThat(o.has("c")).isFalse();
        assertThatThrownBy(() -> o.text("a"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("a: missing");
    }

    @Test
    void eachGetterAcceptsOnlyItsJsonType() throws IOException {
        FlatObject o =
                read(
                        "{\"n\":42,\"big\":123456789012345678901234567890,\"f\":1.5,"
                                + "\"s\":\"42\",\"t\":true,\"obj\":{\"x\":1},\"d\":\"1.500\"}");
        assertThat(o.num("n")).isEqualTo(42);
        assertThat(o.bool("t")).isTrue();
        assertThat(o.decimal("d")).isEqualTo(new BigDecimal("1.5"));
        assertThatThrownBy(() -> o.num("big")).hasMessage("big: expected an integer");
        assertThatThrownBy(() -> o.num("f")).hasMessage("f: expected an integer");
        assertThatThrownBy(() -> o.num("s")).hasMessage("s: expected an integer");
        assertThatThrownBy(() -> o.text("n")).hasMessage("n: expected a string");
        assertThatThrownBy(() -> o.text("obj")).hasMessage("obj: expected a string");
        assertThatThrownBy(() -> o.bool("s")).hasMessage("s: expected true/false");
        assertThatThrownBy(() -> o.decimal("n")).hasMessage("n: decimals travel as strings");
        assertThat(o.decimal("s")).isEqualTo(new BigDecimal("42"));
        assertThat(o.has("obj")).isTrue();
    }

    @Test
    void onlyArraysOfObjectsAreArraysAndTheirObjectsAreReadToo() throws IOException {
        FlatObject o =
                read(
                        "{\"list\":[{\"k\":\"a\"},{\"k\":\"b\",\"skip\":[1,2]}],"
                                + "\"mixed\":[{\"k\":\"a\"},3],\"nums\":[1,2],\"empty\":[]}");
        assertThat(o.array("list")).extracting(e -> e.text("k")).containsExactly("a", "b");
        assertThat(o.array("empty")).isEmpty();
        assertThatThrownBy(() -> o.array("mixed")).hasMessage("mixed: expected an array");
        assertThatThrownBy(() -> o.array("nums")).hasMessage("nums: expected an array");
        assertThatThrownBy(() -> o.array("list").get(1).num("skip"))
                .hasMessage("skip: expected an integer");
    }
}
