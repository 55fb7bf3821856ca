package junction.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.execute.Explainer;
import junction.execute.GraphqlPipeline;
import junction.execute.GraphqlRequest;
import junction.json.Json;
import junction.json.Obj;
import junction.session.Session;
import junction.session.SessionResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /v1/graphql} (one request, or a JSON array of them answered with an array) and
 * {@code /v1/graphql/explain}. GraphQL errors use the GraphQL envelope with HTTP 200.
 */
final class GraphqlHandler {
    private static final Logger LOG = LoggerFactory.getLogger(GraphqlHandler.class);

    private final SessionResolver sessions;
    private final GraphqlPipeline pipeline;
    private final Explainer explainer;
    private final ServerConfig config;

    GraphqlHandler(SessionResolver sessions, GraphqlPipeline pipeline, Explainer explainer, ServerConfig config) {
        this.sessions = sessions;
        this.pipeline = pipeline;
        this.explainer = explainer;
        this.config = config;
    }

    void graphql(ServerRequest request, ServerResponse response) {
        Session session = null;
        try {
            Map<String, String> headers = Exchange.headers(request);
            session = sessions.resolve(headers);
            JsonNode body = Json.parse(Exchange.body(request, config.maxBodyBytes()));
            Exchange.json(response, 200, body.isArray() ? batch(session, headers, body) : one(session, headers, body, "$"));
        } catch (ApiException e) {
            int status = e.code() == Code.REQUEST_TOO_LARGE ? e.httpStatus() : 200;
            Exchange.json(response, status, ErrorEnvelope.graphql(e, showInternal(session)));
        }
    }

    void explain(ServerRequest request, ServerResponse response) {
        try {
            Session session = sessions.resolve(Exchange.headers(request));
            if (!session.isAdmin()) {
                throw ApiException.of(Code.ACCESS_DENIED, "restricted access : admin only");
            }
            Obj body = Obj.of(Json.parse(Exchange.body(request, config.maxBodyBytes())), "$");
            GraphqlRequest query = GraphqlRequest.read(body.required("query"), body.pathOf("query"));
            String role = body.optObj("user").flatMap(u -> u.optString("x-hasura-role")).orElse(session.role());
            Exchange.json(response, 200, Json.bytes(explainer.explain(role, query)));
        } catch (ApiException e) {
            Exchange.json(response, e.httpStatus(), ErrorEnvelope.metadata(e, true));
        } catch (RuntimeException e) {
            LOG.error("unexpected error in explain", e);
            Exchange.json(response, 500, ErrorEnvelope.metadata(ApiException.of(Code.UNEXPECTED, "unexpected error: " + e), true));
        }
    }

    private byte[] one(Session session, Map<String, String> headers, JsonNode body, String path) {
        try {
            return pipeline.execute(session, GraphqlRequest.read(body, path), headers);
        } catch (ApiException e) {
            return ErrorEnvelope.graphql(e, showInternal(session));
        } catch (RuntimeException e) {
            LOG.error("unexpected error in a GraphQL request", e);
            return ErrorEnvelope.graphql(ApiException.of(Code.UNEXPECTED, "unexpected error: " + e.getMessage()),
                    showInternal(session));
        }
    }

    private byte[] batch(Session session, Map<String, String> headers, JsonNode body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < body.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(one(session, headers, body.get(i), "$[" + i + "]"));
        }
        out.write(']');
        return out.toByteArray();
    }

    private boolean showInternal(Session session) {
        return session == null ? config.devMode() : config.showsInternal(session);
    }
}
