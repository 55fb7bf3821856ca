package junction.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.Function;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.session.Session;
import junction.session.SessionResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /v1/metadata} and {@code /v2/query}: admin only, JSON in, JSON out, metadata error envelope.
 * As in Hasura, credentials are checked first (401), then the body is read (413 past the limit,
 * {@code invalid-json}), then the role must be admin.
 */
final class AdminHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);

    private final SessionResolver sessions;
    private final long maxBodyBytes;
    private final Function<JsonNode, JsonNode> api;

    AdminHandler(SessionResolver sessions, long maxBodyBytes, Function<JsonNode, JsonNode> api) {
        this.sessions = sessions;
        this.maxBodyBytes = maxBodyBytes;
        this.api = api;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        try {
            Session session = sessions.resolve(Exchange.headers(request));
            JsonNode body = Json.parse(Exchange.body(request, maxBodyBytes));
            if (!session.isAdmin()) {
                throw ApiException.of(Code.ACCESS_DENIED, "restricted access : admin only").at("$.args");
            }
            Exchange.json(response, 200, Json.bytes(api.apply(body)));
        } catch (ApiException e) {
            Exchange.json(response, e.httpStatus(), ErrorEnvelope.metadata(e, true));
        } catch (RuntimeException e) {
            LOG.error("unexpected error in {}", request.path().path(), e);
            ApiException unexpected = ApiException.of(Code.UNEXPECTED, "unexpected error: " + e);
            Exchange.json(response, 500, ErrorEnvelope.metadata(unexpected, true));
        }
    }
}
