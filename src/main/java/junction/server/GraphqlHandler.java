package junction.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.ErrorEnvelope;
import junction.execute.Explainer;
import junction.execute.GraphqlPipeline;
import junction.execute.GraphqlRequest;
import junction.execute.GraphqlResponse;
import junction.execute.RequestContext;
import junction.execute.RequestTrace;
import junction.json.Json;
import junction.json.Obj;
import junction.session.Session;
import junction.session.SessionResolver;

/**
 * {@code /v1/graphql} (one request, or a JSON array of them answered with an array), the same over
 * the Relay schema on {@code /v1beta1/relay}, and {@code /v1/graphql/explain}. GraphQL errors use the
 * GraphQL envelope with HTTP 200.
 */
final class GraphqlHandler {
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
        serve(request, response, false);
    }

    /** {@code /v1beta1/relay}: the same auth, permissions and envelope, over the role's Relay schema. */
    void relay(ServerRequest request, ServerResponse response) {
        serve(request, response, true);
    }

    private void serve(ServerRequest request, ServerResponse response, boolean relay) {
        Session session = null;
        try {
            Map<String, String> headers = Exchange.headers(request);
            JsonNode body = Json.parse(Exchange.body(request, config.maxBodyBytes()));
            session = sessions.resolve(headers, java.util.Optional.of(body));
            RequestTrace trace = AccessLog.trace(request);
            trace.role(session.role());
            RequestContext context = new RequestContext(session, headers, trace);
            if (body.isArray()) {
                Exchange.json(response, 200, batch(request, context, body, relay));
                return;
            }
            GraphqlResponse answer = one(request, context, body, "$", relay);
            answer.setCookies().forEach(cookie -> response.headers().add(HeaderNames.SET_COOKIE, cookie));
            Exchange.json(response, 200, answer.body());
        } catch (RuntimeException e) {
            ApiException error = Failures.of(e, request);
            int status = error.code() == Code.REQUEST_TOO_LARGE ? error.httpStatus() : 200;
            Exchange.json(response, status, ErrorEnvelope.graphql(error, showInternal(session)));
        }
    }

    void explain(ServerRequest request, ServerResponse response) {
        Session session = null;
        try {
            session = sessions.resolve(Exchange.headers(request));
            AccessLog.trace(request).role(session.role());
            if (!session.isAdmin()) {
                throw ApiException.of(Code.ACCESS_DENIED, "restricted access : admin only");
            }
            Obj body = Obj.of(Json.parse(Exchange.body(request, config.maxBodyBytes())), "$");
            GraphqlRequest query = GraphqlRequest.read(body.required("query"), body.pathOf("query"));
            Session as = body.optObj("user").map(u -> explainSession(u)).orElse(session);
            Exchange.json(response, 200, Json.bytes(explainer.explain(as, query)));
        } catch (RuntimeException e) {
            ApiException error = Failures.of(e, request);
            Exchange.json(response, error.httpStatus(), ErrorEnvelope.metadataBytes(error, showInternal(session)));
        }
    }

    /** The {@code user} of an explain request: session variables, the role among them. */
    private static Session explainSession(Obj user) {
        java.util.Map<String, String> variables = new java.util.HashMap<>();
        user.node().fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        return new Session(user.optString("x-hasura-role").orElse(Session.ADMIN), variables);
    }

    private GraphqlResponse one(ServerRequest request, RequestContext context, JsonNode body, String path, boolean relay) {
        try {
            return pipeline.execute(context, GraphqlRequest.read(body, path), relay);
        } catch (RuntimeException e) {
            return GraphqlResponse.of(ErrorEnvelope.graphql(Failures.of(e, request), showInternal(context.session())));
        }
    }

    /** A batch answers with an array; like Hasura, it passes no remote cookies on. */
    private byte[] batch(ServerRequest request, RequestContext context, JsonNode body, boolean relay) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < body.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(one(request, context, body.get(i), "$[" + i + "]", relay).body());
        }
        out.write(']');
        return out.toByteArray();
    }

    private boolean showInternal(Session session) {
        return session == null ? config.devMode() : config.showsInternal(session);
    }
}
