package io.streamforge.store.arango;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arangodb.ArangoCursor;
import com.arangodb.ArangoDBException;
import com.arangodb.ArangoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AQL as ArangoDB documents it, beyond the adapters' own statements, sent through the official
 * driver: type and value order, FOR/FILTER/SORT/LIMIT/COLLECT/LET/RETURN DISTINCT, INSERT, UPDATE
 * (also followed by RETURN), REPLACE, REMOVE, statement atomicity and error numbers. Runs on the
 * in-test {@link FakeArangoServer} (NOT ArangoDB) — so the fake follows the documented language,
 * not just the adapters' queries — and on the real ArangoDB named by {@code ARANGO_URL} when set,
 * which checks the fake against the real thing (see {@link ArangoTestSupport}).
 */
class ArangoAqlSemanticsTest {
    private final ArangoTestSupport.Opened opened = new ArangoTestSupport.Opened();
    private ArangoDatabase db;

    @BeforeEach
    void open() {
        db = opened.add(ArangoTestSupport.contractStores(1_000)).database();
    }

    @AfterEach
    void close() {
        opened.close();
    }

    private List<Object> query(String aql, Map<String, Object> bind) {
        try (ArangoCursor<Object> c = db.query(aql, Object.class, bind)) {
            return new ArrayList<>(c.asListRemaining());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Object> query(String aql) {
        return query(aql, Map.of());
    }

    private static int errorNum(Throwable t) {
        return ((ArangoDBException) t).getErrorNum();
    }

    @Test
    void typeAndValueOrderAsDocumented() {
        assertThat(
                        query(
                                "RETURN [null < false, false < true, true < 0, 0 < '', '' < [],"
                                        + " [] < {}, [1, 2] < [2], [99, 99] < [100], [] < [0],"
                                        + " {a: 1} == {a: 1}, null == null, 1 == 1.0,"
                                        + " 'abc' < 'abd', -1 < 0]"))
                .containsExactly(
                        List.of(
                                true, true, true, true, true, true, true, true, true, true, true,
                                true, true, true));
    }

    @Test
    void forFilterSortLimitLetAndDistinctOverAnArray() {
        List<Map<String, Object>> xs =
                List.of(
                        Map.of("k", "a", "v", 1),
                        Map.of("k", "b", "v", 2),
                        Map.of("k", "c", "v", 3),
                        Map.of("k", "z", "v", 0));
        assertThat(
                        query(
                                "FOR x IN @xs FILTER x.v >= 2 OR x.k == 'z' SORT x.v DESC"
                                        + " LIMIT 1, 2 RETURN x.k",
                                Map.of("xs", xs)))
                .containsExactly("b", "z");
        assertThat(
                        query(
                                "FOR x IN @xs LET key = x.k FILTER key IN ['a', 'c']"
                                        + " SORT x.k RETURN DISTINCT x.k NOT IN ['a']",
                                Map.of("xs", xs)))
                .containsExactly(false, true);
    }

    @Test
    void collectGroupsInSortedOrderAndCounts() {
        List<Map<String, Object>> xs =
                List.of(Map.of("g", "b"), Map.of("g", "a"), Map.of("g", "a"), Map.of("h", 1));
        assertThat(
                        query(
                                "FOR x IN @xs COLLECT g = x.g WITH COUNT INTO n RETURN {g, n}",
                                Map.of("xs", xs)))
                .containsExactly(
                        map("g", null, "n", 1), map("g", "a", "n", 2), map("g", "b", "n", 1));
        assertThat(query("FOR x IN [] COLLECT WITH COUNT INTO n RETURN n")).containsExactly(0);
        assertThat(query("RETURN LENGTH(@s)", Map.of("s", List.of(1, 2, 3)))).containsExactly(3);
    }

    @Test
    void documentWritesReadBackAndFailAsDocumented() {
        query("INSERT {_key: 'X', v: 1} INTO assets");
        query("UPDATE {_key: 'X', w: 2} IN assets");
        assertThat(query("FOR d IN assets FILTER d._key == 'X' RETURN [d.v, d.w]"))
                .containsExactly(List.of(1, 2));
        query("REPLACE {_key: 'X', w: 3} IN assets");
        assertThat(query("FOR d IN assets FILTER d._key == 'X' RETURN [d.v, d.w, d._id]"))
                .containsExactly(java.util.Arrays.asList(null, 3, "assets/X"));
        assertThatThrownBy(() -> query("INSERT {_key: 'X'} INTO assets"))
                .satisfies(e -> assertThat(errorNum(e)).isEqualTo(1210));
        query("REMOVE 'X' IN assets");
        assertThatThrownBy(() -> query("REMOVE 'X' IN assets"))
                .satisfies(e -> assertThat(errorNum(e)).isEqualTo(1202));
        // one statement is atomic: the duplicate fails it, and nothing of it is stored
        assertThatThrownBy(() -> query("FOR k IN ['A', 'B', 'A'] INSERT {_key: k} INTO assets"))
                .satisfies(e -> assertThat(errorNum(e)).isEqualTo(1210));
        assertThat(query("FOR d IN assets COLLECT WITH COUNT INTO n RETURN n")).containsExactly(0);
    }

    @Test
    void aFilteredUpdateReturnsOneRowPerChangedDocument() {
        query("FOR k IN ['A', 'B', 'C'] INSERT {_key: k, n: 0} INTO assets");
        String update =
                "FOR d IN assets FILTER d.n < @n UPDATE {_key: d._key, n: @n} IN assets RETURN true";
        assertThat(query(update, Map.of("n", 1))).containsExactly(true, true, true);
        assertThat(query(update, Map.of("n", 1))).as("nothing left to change").isEmpty();
        assertThat(query("FOR d IN assets SORT d._key RETURN d.n")).containsExactly(1, 1, 1);
    }

    @Test
    void badQueriesGetArangoDbErrorNumbers() {
        assertThatThrownBy(() -> query("FOR x IN RETURN x"))
                .satisfies(e -> assertThat(errorNum(e)).isEqualTo(1501));
        assertThatThrownBy(() -> query("RETURN NO_SUCH_FUNCTION(1)"))
                .satisfies(e -> assertThat(errorNum(e)).isEqualTo(1540));
        assertThatThrownBy(() -> query("RETURN @missing"))
                .satisfies(e -> assertThat(errorNum(e)).isEqualTo(1551));
        assertThatThrownBy(() -> query("RETURN 1", Map.of("extra", 1)))
                .satisfies(e -> assertThat(errorNum(e)).isEqualTo(1552));
        assertThatThrownBy(() -> query("FOR d IN no_such_collection RETURN d"))
                .satisfies(e -> assertThat(errorNum(e)).isEqualTo(1203));
    }

    private static Map<String, Object> map(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
