package junction.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.Function;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.ErrorEnvelope;
import junction.json.Json;
import junction.session.Session;
import junction.session.SessionResolver;

/**
 * {@code /v1/metadata} and {@code /v2/query}: admin only, JSON in, JSON out, metadata error envelope.
 * As in Hasura, credentials are checked first (401), then the body is read (413 past the limit,
 * {@code invalid-json}), then the role must be admin.
 */
final class AdminHandler implements Handler {
    private final SessionResolver sessions;
    private final ServerConfig config;
    private final Function<JsonNode, JsonNode> api;

    AdminHandler(SessionResolver sessions, ServerConfig config, Function<JsonNode, JsonNode> api) {
        this.sessions = sessions;
        this.config = config;
        this.api = api;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        Session session = null;
        try {
            session = sessions.resolve(Exchange.headers(request));
            AccessLog.trace(request).role(session.role());
            JsonNode body = Json.parse(Exchange.body(request, config.maxBodyBytes()));
            if (!session.isAdmin()) {
                throw ApiException.of(Code.ACCESS_DENIED, "restricted access : admin only").at("$.args");
            }
            Exchange.json(response, 200, Json.bytes(api.apply(body)));
        } catch (RuntimeException e) {
            ApiException error = Failures.of(e, request);
            boolean showInternal = session == null ? config.devMode() : config.showsInternal(session);
            Exchange.json(response, error.httpStatus(), ErrorEnvelope.metadataBytes(error, showInternal));
        }
    }
}
