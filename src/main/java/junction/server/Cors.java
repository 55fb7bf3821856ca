package junction.server;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * CORS as Hasura answers it: a request whose {@code Origin} the policy allows gets that origin back in
 * {@code Access-Control-Allow-Origin}, with credentials allowed and the methods listed; a preflight
 * ({@code OPTIONS}) from it is answered 204 at once, allowing the headers it asked for, cached 20 days.
 * Other origins get no CORS header (the browser then refuses the answer to its page).
 */
final class Cors implements Filter {
    private static final Header METHODS = HeaderValues.createCached(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS,
            "GET,POST,PUT,PATCH,DELETE,OPTIONS");
    private static final Header CREDENTIALS = HeaderValues.createCached(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    private static final Header MAX_AGE = HeaderValues.createCached(HeaderNames.ACCESS_CONTROL_MAX_AGE, "1728000");

    private final CorsPolicy policy;

    Cors(CorsPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String origin = request.headers().first(HeaderNames.ORIGIN).orElse(null);
        if (origin == null || !policy.allows(origin)) {
            chain.proceed();
            return;
        }
        response.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.header(CREDENTIALS);
        response.header(METHODS);
        if (request.prologue().method() != Method.OPTIONS) {
            chain.proceed();
            return;
        }
        response.header(MAX_AGE);
        response.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
                request.headers().first(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS).orElse(""));
        response.status(Status.NO_CONTENT_204).send();
    }
}
