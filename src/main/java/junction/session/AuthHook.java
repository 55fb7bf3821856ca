package junction.session;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code HASURA_GRAPHQL_AUTH_HOOK} and {@code HASURA_GRAPHQL_AUTH_HOOK_MODE}: where the webhook is,
 * whether it is called with GET (the client's headers) or POST (a JSON body), and how long a call
 * may take before the request fails.
 */
public record AuthHook(URI url, Mode mode, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public enum Mode { GET, POST }

    /** @throws IllegalArgumentException for a URL that is not http(s) or a mode other than GET and POST */
    public static AuthHook parse(String url, String mode, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        Mode parsed;
        try {
            parsed = Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the mode must be GET or POST");
        }
        return new AuthHook(uri, parsed, timeout);
    }
}
