package junction.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.ErrorEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's one translation of a failure into what the client gets: an {@link ApiException} as it
 * is; anything else (a bug, a stack overflow) is logged with its stack trace and becomes Hasura's
 * {@code unexpected} with a generic message — the exception's text never reaches the client.
 */
final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    static ApiException of(Throwable failure, ServerRequest request) {
        ApiException error = translated(failure, request);
        AccessLog.trace(request).failed(error);
        return error;
    }

    private static ApiException translated(Throwable failure, ServerRequest request) {
        if (failure instanceof ApiException e) {
            if (e.code() == Code.UNEXPECTED && e.getCause() != null) {
                LOG.error("unexpected error in {}", request.path().path(), e.getCause());
            }
            return e;
        }
        LOG.error("unexpected error in {}", request.path().path(), failure);
        return ApiException.unexpected(failure);
    }

    /**
     * The last resort, for what a handler let through (an {@link Error} such as a stack overflow):
     * the GraphQL envelope with HTTP 200 on the GraphQL endpoints, the metadata envelope with 500
     * elsewhere — always JSON. {@code internal} is shown in dev mode only: the session is not known here.
     */
    static ErrorHandler<Throwable> lastResort(ServerConfig config) {
        return (request, response, failure) -> {
            if (failure instanceof HttpException http && http.status().code() == Status.NOT_MODIFIED_304.code() && !response.isSent()) {
                // the static content's answer to a matching If-None-Match (console assets): not a failure
                response.status(Status.NOT_MODIFIED_304).send();
                return;
            }
            ApiException error = of(failure, request);
            if (response.isSent()) {
                return;
            }
            response.headers().remove(HeaderNames.SET_COOKIE);
            if (request.path().path().startsWith("/v1/graphql") && !request.path().path().startsWith("/v1/graphql/explain")) {
                Exchange.json(response, 200, ErrorEnvelope.graphql(error, config.devMode()));
            } else {
                Exchange.json(response, error.httpStatus(), ErrorEnvelope.metadataBytes(error, config.devMode()));
            }
        };
    }
}
