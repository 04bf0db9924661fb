package io.streamforge.store.arango;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FAKE ArangoDB for tests — no ArangoDB server exists on this machine and none can be installed.
 * A JDK {@link HttpServer} on loopback that follows ArangoDB's documented HTTP API (3.12 shapes)
 * for the endpoints a client of the store needs, not only the adapters' own calls:
 *
 * <ul>
 *   <li>{@code GET /_api/version}, {@code GET /_api/database/current}, {@code POST /_api/database}
 *       (<a href="https://docs.arango.ai/arangodb/3.12/develop/http-api/administration/">server
 *       administration</a>, <a
 *       href="https://docs.arango.ai/arangodb/3.12/develop/http-api/databases/">databases</a>);
 *   <li>{@code POST /_api/collection} (<a
 *       href="https://docs.arango.ai/arangodb/3.12/develop/http-api/collections/">collections</a>),
 *       {@code POST /_api/index?collection=} persistent indexes (<a
 *       href="https://docs.arango.ai/arangodb/3.12/develop/http-api/indexes/persistent/">persistent
 *       indexes</a>), {@code POST /_api/gharial} (<a
 *       href="https://docs.arango.ai/arangodb/3.12/develop/http-api/graphs/named-graphs/">named
 *       graphs</a>);
 *   <li>stream transactions: {@code POST /_api/transaction/begin}, {@code PUT|DELETE
 *       /_api/transaction/<id>}, the {@code x-arango-trx-id} header (<a
 *       href="https://docs.arango.ai/arangodb/3.12/develop/http-api/transactions/stream-transactions/">stream
 *       transactions</a>), with exclusive write locks per declared collection and private copies
 *       published on commit ({@link FakeArangoData});
 *   <li>AQL cursors: {@code POST /_api/cursor} with {@code batchSize} (default 1 000), the next
 *       batch with {@code POST|PUT /_api/cursor/<id>}, {@code DELETE /_api/cursor/<id>} (<a
 *       href="https://docs.arango.ai/arangodb/3.12/develop/http-api/queries/aql-queries/">AQL query
 *       cursors</a>), executing a general subset of AQL ({@link FakeAql}: parser, type and value
 *       order, high-level operations, data modification, error numbers).
 * </ul>
 *
 * <p>Errors are answered with ArangoDB's body {@code {error, code, errorNum, errorMessage}} (<a
 * href="https://docs.arango.ai/arangodb/3.12/develop/error-codes/">error codes</a>). It checks HTTP
 * Basic credentials (401 otherwise), records every request for assertions, answers unknown routes
 * 404 (recorded in {@link #unknownRequests()}) and can inject error answers ({@link #failNext}).
 * {@code ArangoAqlSemanticsTest} runs the same AQL against this fake and, when {@code ARANGO_URL}
 * is set, against a real ArangoDB.
 */
public final class FakeArangoServer implements AutoCloseable {
    /** One received request. */
    record Request(String method, String path, String trxId, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DB_PATH = Pattern.compile("(?:/_db/([^/]+))?(/_api/.*)");

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final String authorization;
    private final Map<String, FakeArangoData> databases = new HashMap<>();
    private final Map<String, Deque<JsonNode>> cursors = new HashMap<>();
    private final Map<String, Integer> cursorBatch = new HashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unknown = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Object[]> faults = new ArrayDeque<>();
    private long nextId = 1;

    /** Starts the fake on a free loopback port; requests must carry {@code user:password}. */
    public FakeArangoServer(String user, String password) throws IOException {
        this.authorization =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        databases.put("_system", new FakeArangoData());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, the value for {@code ARANGO_URL}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests received so far, in order. */
    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Cursor-API requests whose AQL is {@code aql}. */
    List<Request> queries(String aql) {
        return requests().stream()
                .filter(r -> r.path().endsWith("/_api/cursor") && r.body() != null)
                .filter(r -> aql.equals(r.body().path("query").asText()))
                .toList();
    }

    void clearRequests() {
        requests.clear();
    }

    List<String> unknownRequests() {
        return List.copyOf(unknown);
    }

    /**
     * The next request whose {@code METHOD path} contains {@code match} (and whose AQL contains
     * {@code aqlPart}, when not null) is answered {@code status} with {@code errorNum}.
     */
    void failNext(String match, String aqlPart, int status, int errorNum) {
        failAfter(match, aqlPart, 0, status, errorNum);
    }

    /** Like {@link #failNext} but lets {@code skip} matching requests through first. */
    void failAfter(String match, String aqlPart, int skip, int status, int errorNum) {
        failTimes(match, aqlPart, skip, 1, status, errorNum);
    }

    /** Answers {@code times} matching requests, after {@code skip} others, with the error. */
    synchronized void failTimes(
            String match, String aqlPart, int skip, int times, int status, int errorNum) {
        faults.add(new Object[] {match, aqlPart, new int[] {skip, times}, status, errorNum});
    }

    synchronized FakeArangoData database(String name) {
        return databases.get(name);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            String trx = ex.getRequestHeaders().getFirst("x-arango-trx-id");
            requests.add(new Request(method, path, trx, body));
            if (!authorization.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                reply(ex, error(401, 11, "not authorized to execute this request"));
                return;
            }
            Object[] fault = fault(method + " " + path, body);
            if (fault != null) {
                reply(ex, error((Integer) fault[3], (Integer) fault[4], "injected by the test"));
                return;
            }
            Matcher m = DB_PATH.matcher(path);
            ObjectNode answer;
            try {
                if (!m.matches()) {
                    throw new FakeAql.Failure(404, 404, "unknown path " + path);
                }
                String db = m.group(1) == null ? "_system" : m.group(1);
                answer = route(method, db, m.group(2), ex.getRequestURI().getQuery(), body, trx);
            } catch (FakeAql.Failure f) {
                if (f.errorNum == 404) {
                    unknown.add(method + " " + path);
                }
                answer = error(f.status, f.errorNum, f.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = error(503, 503, "interrupted");
            } catch (RuntimeException e) {
                answer = error(500, 4, "fake internal error: " + e);
            }
            reply(ex, answer);
        }
    }

    private synchronized Object[] fault(String request, JsonNode body) {
        String aql = body == null ? "" : body.path("query").asText("");
        for (Object[] f : faults) {
            if (request.contains((String) f[0]) && (f[1] == null || aql.contains((String) f[1]))) {
                int[] skip = (int[]) f[2];
                if (skip[0]-- > 0) {
                    return null;
                }
                if (--skip[1] <= 0) {
                    faults.remove(f);
                }
                return f;
            }
        }
        return null;
    }

    private ObjectNode route(
            String method, String db, String api, String query, JsonNode body, String trx)
            throws InterruptedException {
        FakeArangoData data = database(db);
        if (data == null) {
            throw new FakeAql.Failure(404, 1228, "database not found: " + db);
        }
        String route = method + " " + api;
        if (route.equals("GET /_api/version")) {
            return ok(200).put("server", "arango")
                    .put("version", "3.12.4")
                    .put("license", "community");
        }
        if (route.equals("GET /_api/database/current")) {
            ObjectNode r = ok(200);
            r.putObject("result")
                    .put("name", db)
                    .put("id", "1")
                    .put("isSystem", db.equals("_system"));
            return r;
        }
        if (route.equals("POST /_api/database") && db.equals("_system")) {
            return createDatabase(body.path("name").asText());
        }
        if (route.equals("POST /_api/collection")) {
            return FakeArangoSchema.createCollection(
                    data, body.path("name").asText(), body.path("type").asInt(2));
        }
        if (route.equals("POST /_api/index")) {
            return FakeArangoSchema.createIndex(data, query, body);
        }
        if (route.equals("POST /_api/gharial")) {
            return FakeArangoSchema.createGraph(data, body);
        }
        if (route.equals("POST /_api/transaction/begin")) {
            return begin(data, body);
        }
        if (api.startsWith("/_api/transaction/")
                && (method.equals("PUT") || method.equals("DELETE"))) {
            return finish(data, api.substring("/_api/transaction/".length()), method.equals("PUT"));
        }
        if (route.equals("POST /_api/cursor")) {
            return cursor(data, body, trx);
        }
        if (api.startsWith("/_api/cursor/")) {
            return nextBatch(method, api.substring("/_api/cursor/".length()));
        }
        throw new FakeAql.Failure(404, 404, "unknown route " + route);
    }

    private synchronized ObjectNode createDatabase(String name) {
        if (databases.containsKey(name)) {
            throw new FakeAql.Failure(409, 1207, "duplicate database name '" + name + "'");
        }
        databases.put(name, new FakeArangoData());
        return ok(201).put("result", true);
    }

    private ObjectNode begin(FakeArangoData data, JsonNode body) throws InterruptedException {
        TreeSet<String> writable = new TreeSet<>();
        JsonNode colls = body.path("collections");
        for (String kind : List.of("write", "exclusive")) {
            JsonNode list = colls.path(kind);
            if (list.isTextual()) {
                writable.add(list.asText());
            }
            list.forEach(c -> writable.add(c.asText()));
        }
        for (String c : writable) {
            if (data.collection(c) == null) {
                throw new FakeAql.Failure(404, 1203, "collection or view not found: " + c);
            }
        }
        FakeArangoData.Tx tx = data.begin(writable);
        ObjectNode r = ok(201);
        r.putObject("result").put("id", tx.id).put("status", "running");
        return r;
    }

    private ObjectNode finish(FakeArangoData data, String id, boolean commit) {
        if (!data.finish(id, commit)) {
            throw new FakeAql.Failure(404, 1655, "transaction '" + id + "' not found");
        }
        ObjectNode r = ok(200);
        r.putObject("result").put("id", id).put("status", commit ? "committed" : "aborted");
        return r;
    }

    private ObjectNode cursor(FakeArangoData data, JsonNode body, String trx) {
        FakeArangoData.Tx tx = null;
        if (trx != null) {
            tx = data.transaction(trx);
            if (tx == null) {
                throw new FakeAql.Failure(404, 1655, "transaction '" + trx + "' not found");
            }
        }
        JsonNode bind = body.path("bindVars");
        ObjectNode bindVars = bind.isObject() ? (ObjectNode) bind : JSON.createObjectNode();
        List<JsonNode> rows = new FakeAql(data).run(body.path("query").asText(), bindVars, tx);
        int batchSize = body.path("batchSize").asInt(1000);
        return batch(201, new ArrayDeque<>(rows), batchSize, null);
    }

    private synchronized ObjectNode batch(int status, Deque<JsonNode> rows, int size, String id) {
        ObjectNode r = ok(status);
        ArrayNode result = r.putArray("result");
        for (int i = 0; i < size && !rows.isEmpty(); i++) {
            result.add(rows.poll());
        }
        boolean more = !rows.isEmpty();
        r.put("hasMore", more).put("cached", false);
        if (more) {
            String cid = id != null ? id : String.valueOf(nextId++);
            cursors.put(cid, rows);
            cursorBatch.put(cid, size);
            r.put("id", cid);
        } else if (id != null) {
            cursors.remove(id);
            cursorBatch.remove(id);
        }
        r.putObject("extra").putArray("warnings");
        return r;
    }

    private synchronized ObjectNode nextBatch(String method, String rest) {
        String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        Deque<JsonNode> rows = cursors.get(id);
        if (rows == null) {
            throw new FakeAql.Failure(404, 1600, "cursor not found: " + id);
        }
        if (method.equals("DELETE")) {
            cursors.remove(id);
            cursorBatch.remove(id);
            return ok(202).put("id", id);
        }
        return batch(200, rows, cursorBatch.get(id), id);
    }

    static ObjectNode ok(int code) {
        return JSON.createObjectNode().put("error", false).put("code", code);
    }

    private static ObjectNode error(int code, int errorNum, String message) {
        return JSON.createObjectNode()
                .put("error", true)
                .put("code", code)
                .put("errorNum", errorNum)
                .put("errorMessage", message);
    }

    private static void reply(HttpExchange ex, ObjectNode answer) throws IOException {
        byte[] out = JSON.writeValueAsBytes(answer);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Server", "ArangoDB");
        ex.sendResponseHeaders(answer.path("code").asInt(200), out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
