package junction.remote;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers of one call to a remote, as Hasura sends them: the configured headers, the session
 * variables as {@code x-hasura-*} headers, and (with {@code forward_client_headers}) the client's
 * headers — configured over session over client when names clash. Hop-by-hop headers (and those
 * the client's {@code Connection} header names), the headers
 * Hasura never forwards, and the client's own {@code x-hasura-*} headers stay behind; the client's
 * Host, User-Agent and Origin travel as {@code X-Forwarded-*}. Names are lower-cased.
 */
final class RemoteHeaders {
    static final String USER_AGENT = "hasura-graphql-engine/junction";

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "trailers", "transfer-encoding", "upgrade");
    /** Client headers Hasura does not forward ({@code commonClientHeadersIgnored}). */
    private static final Set<String> IGNORED = Set.of("content-length", "content-md5", "user-agent", "host", "origin",
            "referer", "accept", "accept-encoding", "accept-language", "accept-datetime", "cache-control", "dnt",
            "content-type", "expect");
    /** Headers the HTTP transport sets itself (length, host, connection handling). */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private RemoteHeaders() {
    }

    static Map<String, String> build(RemoteEndpoint endpoint, Map<String, String> sessionVariables,
                                     Map<String, String> clientHeaders) {
        Map<String, String> out = new LinkedHashMap<>();
        if (endpoint.forwardClientHeaders()) {
            Set<String> connectionOptions = connectionOptions(clientHeaders);
            clientHeaders.forEach((name, value) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!connectionOptions.contains(lower)) {
                    forward(out, lower, value);
                }
            });
        }
        sessionVariables.forEach((name, value) -> out.put(name.toLowerCase(Locale.ROOT), value));
        endpoint.headers().forEach((name, value) -> out.put(name.toLowerCase(Locale.ROOT), value));
        out.putIfAbsent("content-type", "application/json");
        out.putIfAbsent("user-agent", USER_AGENT);
        out.keySet().removeAll(RESTRICTED);
        out.keySet().removeAll(HOP_BY_HOP);
        return out;
    }

    /** The headers the client's {@code Connection} header names: hop-by-hop too (RFC 9110, 7.6.1). */
    private static Set<String> connectionOptions(Map<String, String> clientHeaders) {
        Set<String> out = new HashSet<>();
        clientHeaders.forEach((name, value) -> {
            if (name.equalsIgnoreCase("connection")) {
                for (String option : value.split(",")) {
                    out.add(option.trim().toLowerCase(Locale.ROOT));
                }
            }
        });
        return out;
    }

    private static void forward(Map<String, String> out, String name, String value) {
        switch (name) {
            case "host" -> out.put("x-forwarded-host", value);
            case "user-agent" -> out.put("x-forwarded-user-agent", value);
            case "origin" -> out.put("x-forwarded-origin", value);
            default -> {
                if (!IGNORED.contains(name) && !HOP_BY_HOP.contains(name) && !name.startsWith("x-hasura-")) {
                    out.put(name, value);
                }
            }
        }
    }
}
