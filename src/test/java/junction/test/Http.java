package junction.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import junction.json.Json;

/** A tiny HTTP client for tests: POST JSON, get status and parsed JSON back. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return Json.parse(body);
        }

        /** The header's first value, or "" when absent. */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json");
        headers.forEach(request::header);
        return send(request.build());
    }

    public Response post(String path, String body) {
        return post(path, body, Map.of());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
