package junction.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.ErrorEnvelope;
import junction.observe.Metrics;

/**
 * {@code GET /v1/metrics}: every meter in Prometheus' text format. With a metrics secret, as in
 * Hasura EE, the request must carry {@code Authorization: Bearer <secret>} (else 401).
 */
final class MetricsHandler implements Handler {
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;
    private final Optional<String> secret;

    MetricsHandler(Metrics metrics, Optional<String> secret) {
        this.metrics = metrics;
        this.secret = secret;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        if (secret.isPresent() && !authorized(request.headers().first(HeaderNames.AUTHORIZATION).orElse(""), secret.get())) {
            ApiException denied = ApiException.of(Code.ACCESS_DENIED, "invalid metrics secret").withStatus(401);
            AccessLog.trace(request).failed(denied);
            Exchange.json(response, 401, ErrorEnvelope.metadataBytes(denied, false));
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
        response.send(metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean authorized(String header, String secret) {
        return MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                ("Bearer " + secret).getBytes(StandardCharsets.UTF_8));
    }
}
