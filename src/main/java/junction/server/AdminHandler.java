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
 * The frame of every admin endpoint ({@code /v1/metadata}, {@code /v2/query}, {@code /v1/query},
 * {@code /v1alpha1/config}, {@code /v1alpha1/pg_dump}): the caller's session resolved first (401 for
 * bad credentials) and its role put in the access log, then the endpoint's own call, and any failure
 * encoded once in the metadata error envelope, {@code internal} shown as the settings say.
 */
final class AdminHandler implements Handler {
    /** What an admin endpoint does once its caller's session is known; it refuses a non-admin itself. */
    interface Call {
        void answer(ServerRequest request, ServerResponse response, Session session);
    }

    private final SessionResolver sessions;
    private final ServerConfig config;
    private final Call call;

    AdminHandler(SessionResolver sessions, ServerConfig config, Call call) {
        this.sessions = sessions;
        this.config = config;
        this.call = call;
    }

    /**
     * A JSON API: as in Hasura, the body is read (413 past the limit, {@code invalid-json}) before the
     * role must be admin.
     */
    static AdminHandler json(SessionResolver sessions, ServerConfig config, Function<JsonNode, JsonNode> api) {
        return new AdminHandler(sessions, config, (request, response, session) -> {
            JsonNode body = Json.parse(Exchange.body(request, config.maxBodyBytes()));
            if (!session.isAdmin()) {
                throw ApiException.of(Code.ACCESS_DENIED, "restricted access : admin only").at("$.args");
            }
            Exchange.json(response, 200, Json.bytes(api.apply(body)));
        });
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        Session session = null;
        try {
            session = sessions.resolve(Exchange.headers(request));
            AccessLog.trace(request).role(session.role());
            call.answer(request, response, session);
        } catch (RuntimeException e) {
            ApiException error = Failures.of(e, request);
            boolean showInternal = session == null ? config.devMode() : config.showsInternal(session);
            Exchange.json(response, error.httpStatus(), ErrorEnvelope.metadataBytes(error, showInternal));
        }
    }
}
