package junction.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;

/**
 * {@code GET /healthz} as Hasura answers it: 500 {@code ERROR} when the metadata database does not
 * answer; else 200 {@code OK}, or with inconsistent metadata 200 {@code WARN: inconsistent objects in
 * schema} — 500 {@code ERROR: inconsistent objects in schema} with {@code ?strict=true}.
 */
final class HealthHandler implements Handler {
    private static final Duration STORAGE_TIMEOUT = Duration.ofSeconds(2);
    private static final String INCONSISTENT = "inconsistent objects in schema";

    private final Engine engine;

    HealthHandler(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        if (!engine.metadataStorageHealthy(STORAGE_TIMEOUT)) {
            send(response, 500, "ERROR");
        } else if (engine.metadata().snapshot().isConsistent()) {
            send(response, 200, "OK");
        } else if (request.query().first("strict").map("true"::equalsIgnoreCase).orElse(false)) {
            send(response, 500, "ERROR: " + INCONSISTENT);
        } else {
            send(response, 200, "WARN: " + INCONSISTENT);
        }
    }

    private static void send(ServerResponse response, int status, String text) {
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.send(text);
    }
}
