package io.streamforge.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.kafka.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client of the queue-manager API, as a user (or the demo) would call it. */
public final class ApiClient {
    /** An HTTP answer: status and parsed JSON body. */
    public record Answer(int status, JsonNode body) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String bearerToken;

    public ApiClient(String base) {
        this(base, null);
    }

    /**
     * Calls with {@code Authorization: Bearer <token>} (an API that requires OIDC tokens); null =
     * no header. The token is never printed.
     */
    public ApiClient(String base, String bearerToken) {
        this.base = base;
        this.bearerToken = bearerToken;
    }

    public Answer post(String path, String json) {
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    public Answer get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        return bearerToken == null ? b : b.header("Authorization", "Bearer " + bearerToken);
    }

    private Answer send(HttpRequest req) {
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = r.body().length == 0 ? null : Json.MAPPER.readTree(r.body());
            return new Answer(r.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "API call " + req.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
