package io.streamforge.store.arango;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AQL endpoint of the {@link FakeArangoServer} — a test fake, NOT ArangoDB. A query is checked
 * for its bind parameters like ArangoDB checks them (400/1551 a declared one is missing, 400/1552
 * one is given but not declared; <a
 * href="https://docs.arango.ai/arangodb/3.12/aql/fundamentals/bind-parameters/">bind
 * parameters</a>), parsed by {@link FakeAqlParser} (a general subset of AQL, not the adapters'
 * statements: anything it cannot parse is 400/1501) and executed by {@link FakeAqlExec} on {@link
 * FakeArangoData}. Documents must have a valid {@code _key} (<a
 * href="https://docs.arango.ai/arangodb/3.12/concepts/data-structure/documents/#document-keys">key
 * rules</a>, 400/1221) and edges valid {@code _from}/{@code _to} handles (400/1233).
 */
final class FakeAql {
    /** An error answer: HTTP status, ArangoDB errorNum, message. */
    static final class Failure extends RuntimeException {
        final int status;
        final int errorNum;

        Failure(int status, int errorNum, String message) {
            super(message);
            this.status = status;
            this.errorNum = errorNum;
        }
    }

    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9_\\-:.@()+,=;$!*'%]{1,254}");
    private static final Pattern HANDLE = Pattern.compile("[a-zA-Z0-9_-]+/" + KEY.pattern());
    private static final Pattern BIND =
            Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|@(@?\\w+)");
    private static final AtomicLong NEXT_REV = new AtomicLong(1);

    private final FakeArangoData data;

    FakeAql(FakeArangoData data) {
        this.data = data;
    }

    /** Runs {@code query} with {@code bind}, inside {@code tx} when not null; returns the rows. */
    List<JsonNode> run(String query, ObjectNode bind, FakeArangoData.Tx tx) {
        checkBindVars(query, bind);
        return new FakeAqlExec(this, data, bind, tx).run(FakeAqlParser.parse(query));
    }

    private static void checkBindVars(String query, ObjectNode bind) {
        Set<String> declared = new HashSet<>();
        Matcher m = BIND.matcher(query);
        while (m.find()) {
            if (m.group(1) != null) { // not inside a string literal
                declared.add(m.group(1));
            }
        }
        for (String name : declared) {
            if (!bind.has(name)) {
                throw new Failure(
                        400,
                        1551,
                        "AQL: no value specified for declared bind parameter '" + name + "'");
            }
        }
        for (Iterator<String> it = bind.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!declared.contains(name)) {
                throw new Failure(
                        400,
                        1552,
                        "AQL: bind parameter '" + name + "' was not declared in the query");
            }
        }
        for (String name : declared) {
            if (name.startsWith("@") && !bind.get(name).isTextual()) {
                throw new Failure(
                        400, 1553, "AQL: bind parameter '@" + name + "' has an invalid value");
            }
        }
    }

    /** A document must be an object with a valid {@code _key}; edges need {@code _from/_to}. */
    void checkDocument(FakeArangoData.Coll c, JsonNode d) {
        String key = d.path("_key").asText("");
        if (!d.isObject() || !KEY.matcher(key).matches()) {
            throw new Failure(400, 1221, "illegal document key: '" + key + "'");
        }
        if (c.type == 3
                && !(HANDLE.matcher(d.path("_from").asText("")).matches()
                        && HANDLE.matcher(d.path("_to").asText("")).matches())) {
            throw new Failure(400, 1233, "edge attribute missing or invalid in " + key);
        }
    }

    /** Stores a copy of {@code d} with {@code _id} and a new {@code _rev}. */
    void store(FakeArangoData.Coll c, ObjectNode d) {
        ObjectNode stored = d.deepCopy();
        String key = stored.get("_key").asText();
        stored.put("_id", c.name + "/" + key);
        stored.put("_rev", "r" + NEXT_REV.getAndIncrement());
        c.docs.put(key, stored);
    }
}
