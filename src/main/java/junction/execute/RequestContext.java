package junction.execute;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import junction.session.Session;

/**
 * Who sent a GraphQL request and with which HTTP headers: remote schema calls send the session
 * variables and, with {@code forward_client_headers}, the client's headers (names lower-cased here);
 * {@code trace} collects what the request's log lines and metrics tell.
 */
public record RequestContext(Session session, Map<String, String> clientHeaders, RequestTrace trace) {
    public RequestContext {
        TreeMap<String, String> lower = new TreeMap<>();
        clientHeaders.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        clientHeaders = Collections.unmodifiableMap(lower);
    }

    /** A request nothing is logged about. */
    public RequestContext(Session session, Map<String, String> clientHeaders) {
        this(session, clientHeaders, RequestTrace.NONE);
    }

    /** A request without client headers (tests, internal callers). */
    public static RequestContext of(Session session) {
        return new RequestContext(session, Map.of());
    }
}
