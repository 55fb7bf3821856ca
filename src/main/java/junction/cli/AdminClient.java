package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import junction.json.Json;

/**
 * The engine's admin API as the CLI calls it: JSON POSTed to {@code /v1/metadata} or {@code
 * /v2/query} with {@code x-hasura-admin-secret}. Hasura's error envelope ({@code {error, code}})
 * becomes a {@link CliException} carrying its code and message; an engine that cannot be reached
 * becomes one that says so.
 */
public final class AdminClient implements AdminCalls {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String endpoint;
    private final Optional<String> adminSecret;

    public AdminClient(String endpoint, Optional<String> adminSecret) {
        this.endpoint = endpoint.replaceAll("/+$", "");
        this.adminSecret = adminSecret;
    }

    public String endpoint() {
        return endpoint;
    }

    /** A metadata API call {@code {type, args}}. */
    public JsonNode metadata(String type, JsonNode args) {
        ObjectNode body = Json.NODES.objectNode();
        body.put("type", type);
        body.set("args", args == null ? Json.NODES.objectNode() : args);
        return post("/v1/metadata", body);
    }

    /** A schema API call {@code {type, args}} on {@code /v2/query} (run_sql). */
    public JsonNode query(String type, JsonNode args) {
        ObjectNode body = Json.NODES.objectNode();
        body.put("type", type);
        body.set("args", args);
        return post("/v2/query", body);
    }

    public JsonNode post(String path, JsonNode body) {
        HttpResponse<String> response = send(path, body);
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new CliException("the engine at " + endpoint + " answered " + path + " with something that is not JSON");
        }
    }

    /**
     * {@code /v1alpha1/pg_dump}: the SQL of {@code pg_dump} with these options on a database,
     * cleaned as Hasura cleans it ({@code clean_output}).
     */
    public String pgDump(String database, java.util.List<String> opts) {
        ObjectNode body = Json.NODES.objectNode().put("source", database).put("clean_output", true);
        opts.forEach(body.putArray("opts")::add);
        return send("/v1alpha1/pg_dump", body).body();
    }

    /** POSTs JSON; an answer other than 2xx becomes a {@link CliException} (the envelope's code and message when there is one). */
    private HttpResponse<String> send(String path, JsonNode body) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(endpoint + path));
        } catch (IllegalArgumentException e) {
            throw new CliException("not a valid endpoint: " + endpoint);
        }
        request.timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        adminSecret.ifPresent(secret -> request.header("x-hasura-admin-secret", secret));
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw unreachable("connection refused");
        } catch (IOException e) {
            throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while calling " + endpoint);
        }
        if (response.statusCode() / 100 != 2) {
            JsonNode answer;
            try {
                answer = Json.MAPPER.readTree(response.body());
            } catch (IOException e) {
                answer = null;
            }
            if (answer != null && answer.has("error")) {
                throw failure(answer);
            }
            throw new CliException("the engine at " + endpoint + " answered " + response.statusCode() + " to " + path);
        }
        return response;
    }

    /** The engine's error envelope as the CLI says it: its message, the database's, the inconsistent objects. */
    static CliException failure(JsonNode answer) {
        // a failed run_sql says only "query execution failed"; the database's own message is in internal
        JsonNode internal = answer.path("internal");
        String detail = internal.isTextual() ? internal.asText().strip() : internal.path("error").path("message").asText("");
        return new CliException(answer.path("code").asText(""), answer.path("error").asText()
                + (detail.isEmpty() ? "" : ": " + detail) + details(answer.path("internal")), answer.path("path").asText(""));
    }

    /** The inconsistent objects a refusal lists under {@code internal}, one line each. */
    private static String details(JsonNode internal) {
        StringBuilder lines = new StringBuilder();
        JsonNode objects = internal.isObject() && internal.has("inconsistent_objects") ? internal.get("inconsistent_objects") : internal;
        if (objects.isArray()) {
            for (JsonNode object : objects) {
                lines.append("\n  ").append(object.path("type").asText("object")).append(' ')
                        .append(object.path("definition").toString()).append(": ").append(object.path("reason").asText());
            }
        }
        return lines.toString();
    }

    private CliException unreachable(String why) {
        return new CliException("cannot reach the engine at " + endpoint + " (" + why
                + "); is it running? Set --endpoint, HASURA_GRAPHQL_ENDPOINT or endpoint in config.yaml");
    }
}
