package io.streamforge.store.arango;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * AQL value semantics for the {@link FakeArangoServer} (a test fake, NOT ArangoDB), as documented
 * for ArangoDB 3.12: the <a
 * href="https://docs.arango.ai/arangodb/3.12/aql/fundamentals/type-and-value-order/">type and value
 * order</a> null &lt; bool &lt; number &lt; string &lt; array &lt; object (arrays element by
 * element with missing elements as null; objects over the sorted union of their attribute names),
 * the truthiness of the <a href="https://docs.arango.ai/arangodb/3.12/aql/operators/">logical
 * operators</a>, and the functions the fake knows ({@code LENGTH}, {@code COUNT}, {@code
 * TO_NUMBER}, {@code TO_STRING}). One difference, stated: strings compare by UTF-16 code units
 * here, while ArangoDB uses the server language's collation (ICU); the adapters sort strings in
 * Java for that reason.
 */
final class FakeAqlValues {
    private FakeAqlValues() {}

    static JsonNode orNull(JsonNode n) {
        return n == null || n.isMissingNode() ? NullNode.getInstance() : n;
    }

    /** AQL comparison by type, then value. */
    static int compare(JsonNode a, JsonNode b) {
        JsonNode x = orNull(a);
        JsonNode y = orNull(b);
        int byType = Integer.compare(rank(x), rank(y));
        if (byType != 0) {
            return byType;
        }
        switch (rank(x)) {
            case 0:
                return 0;
            case 1:
                return Boolean.compare(x.asBoolean(), y.asBoolean());
            case 2:
                return x.isIntegralNumber() && y.isIntegralNumber()
                        ? Long.compare(x.asLong(), y.asLong())
                        : Double.compare(x.asDouble() + 0.0, y.asDouble() + 0.0);
            case 3:
                return x.asText().compareTo(y.asText());
            case 4:
                for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
                    int c = compare(x.get(i), y.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            default:
                TreeSet<String> names = new TreeSet<>();
                x.fieldNames().forEachRemaining(names::add);
                y.fieldNames().forEachRemaining(names::add);
                for (String n : names) {
                    int c = compare(x.get(n), y.get(n));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
        }
    }

    private static int rank(JsonNode n) {
        if (n.isNull()) {
            return 0;
        }
        if (n.isBoolean()) {
            return 1;
        }
        if (n.isNumber()) {
            return 2;
        }
        if (n.isTextual()) {
            return 3;
        }
        return n.isArray() ? 4 : 5;
    }

    /** AQL truthiness: null, false, 0 and "" are false; arrays and objects are true. */
    static boolean truthy(JsonNode v) {
        JsonNode n = orNull(v);
        if (n.isNull()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isNumber()) {
            return n.asDouble() != 0;
        }
        if (n.isTextual()) {
            return !n.asText().isEmpty();
        }
        return true;
    }

    /** {@code a IN b}: false unless {@code b} is an array holding a value equal to {@code a}. */
    static boolean in(JsonNode a, JsonNode b) {
        if (b == null || !b.isArray()) {
            return false;
        }
        for (JsonNode item : b) {
            if (compare(a, item) == 0) {
                return true;
            }
        }
        return false;
    }

    /** A comparison operator applied. */
    static JsonNode compareOp(String op, JsonNode a, JsonNode b) {
        int c = op.endsWith("IN") ? 0 : compare(a, b);
        boolean r =
                switch (op) {
                    case "==" -> c == 0;
                    case "!=" -> c != 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    case "IN" -> in(a, b);
                    case "NOT IN" -> !in(a, b);
                    default -> throw FakeAqlParser.syntax("unknown operator " + op);
                };
        return BooleanNode.valueOf(r);
    }

    /** A function call; an unknown name is answered 400/1540 like ArangoDB. */
    static JsonNode call(String function, List<JsonNode> args) {
        switch (function) {
            case "LENGTH":
            case "COUNT":
                arity(function, args, 1);
                return LongNode.valueOf(length(orNull(args.get(0))));
            case "TO_NUMBER":
                arity(function, args, 1);
                return toNumber(orNull(args.get(0)));
            case "TO_STRING":
                arity(function, args, 1);
                JsonNode v = orNull(args.get(0));
                return com.fasterxml.jackson.databind.node.TextNode.valueOf(
                        v.isNull() ? "" : v.isTextual() ? v.asText() : v.toString());
            default:
                throw new FakeAql.Failure(
                        400, 1540, "AQL: usage of unknown function '" + function + "()'");
        }
    }

    private static void arity(String function, List<JsonNode> args, int n) {
        if (args.size() != n) {
            throw new FakeAql.Failure(
                    400,
                    1541,
                    "AQL: invalid number of arguments for function '" + function + "()'");
        }
    }

    private static long length(JsonNode v) {
        if (v.isNull()) {
            return 0;
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? 1 : 0;
        }
        if (v.isNumber()) {
            return v.asText().length();
        }
        if (v.isTextual()) {
            return v.asText().codePointCount(0, v.asText().length());
        }
        long n = 0;
        for (Iterator<JsonNode> it = v.elements(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    private static JsonNode toNumber(JsonNode v) {
        if (v.isNumber()) {
            return v;
        }
        if (v.isBoolean()) {
            return LongNode.valueOf(v.asBoolean() ? 1 : 0);
        }
        if (v.isTextual()) {
            try {
                return DoubleNode.valueOf(Double.parseDouble(v.asText().strip()));
            } catch (NumberFormatException e) {
                return LongNode.valueOf(0);
            }
        }
        return LongNode.valueOf(0);
    }
}
