package junction.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook mode: the hook is asked about every request without the admin secret — GET with the
 * client's headers (less those Hasura never forwards), or POST with {@code {"headers", "request"}}.
 * 200 answers a JSON object of session variables (with {@code x-hasura-role}); 401 refuses
 * ({@code access-denied}); anything else, or no answer in time, fails the request. An answer with
 * {@code Cache-Control: max-age} or {@code Expires} (a field of the JSON answer as Hasura documents
 * it, or the HTTP header) is reused until then for the same credentials; without, the hook is called
 * every time. Logs and errors carry neither headers nor the hook's answer.
 */
final class WebhookAuth implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAuth.class);
    private static final int MAX_CACHED = 10_000;
    /** Headers Hasura does not pass to a GET hook ({@code commonClientHeadersIgnored}) and hop-by-hop ones. */
    private static final Set<String> NOT_FORWARDED = Set.of("content-length", "content-md5", "user-agent", "host", "origin",
            "referer", "accept", "accept-encoding", "accept-language", "accept-datetime", "cache-control", "connection", "dnt",
            "content-type", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te",
            "trailer", "trailers", "transfer-encoding", "upgrade", "http2-settings");

    private record Cached(Session session, Instant until) {
    }

    private final AuthHook hook;
    private final HttpClient client;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    WebhookAuth(AuthHook hook, HttpClient client, Clock clock) {
        this.hook = hook;
        this.client = client;
        this.clock = clock;
    }

    /** Calls made to the hook so far (tests). */
    int calls() {
        return calls.get();
    }

    @Override
    public Session authenticate(Map<String, String> headers, Optional<JsonNode> graphqlRequest) {
        HttpRequest request;
        String key;
        if (hook.mode() == AuthHook.Mode.GET) {
            Map<String, String> forwarded = new TreeMap<>();
            headers.forEach((name, value) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!NOT_FORWARDED.contains(lower)) {
                    forwarded.put(lower, value);
                }
            });
            HttpRequest.Builder builder = HttpRequest.newBuilder(hook.url()).timeout(hook.timeout()).GET();
            forwarded.forEach((name, value) -> {
                try {
                    builder.header(name, value);
                } catch (IllegalArgumentException e) {
                    // a header the HTTP client may not send (a name or value it refuses) stays behind
                }
            });
            request = builder.build();
            key = digest("GET\n" + forwarded);
        } else {
            ObjectNode body = Json.object();
            ObjectNode sent = body.putObject("headers");
            new TreeMap<>(headers).forEach(sent::put);
            body.set("request", graphqlRequest.orElse(null));
            String text = Json.write(body);
            request = HttpRequest.newBuilder(hook.url()).timeout(hook.timeout())
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(text)).build();
            key = digest("POST\n" + text);
        }
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null) {
            if (now.isBefore(cached.until())) {
                return cached.session();
            }
            cache.remove(key, cached);
        }
        HttpResponse<String> response = call(request);
        return answer(response, key, now);
    }

    private HttpResponse<String> call(HttpRequest request) {
        calls.incrementAndGet();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warn("auth hook {} {} failed: {}", hook.mode(), hook.url(), e.getClass().getSimpleName());
            throw ApiException.of(Code.UNEXPECTED, "webhook authentication request failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(Code.UNEXPECTED, "webhook authentication request failed");
        }
    }

    private Session answer(HttpResponse<String> response, String key, Instant now) {
        int status = response.statusCode();
        if (status == 401) {
            throw ApiException.of(Code.ACCESS_DENIED, "Authentication hook unauthorized this request").withStatus(401);
        }
        if (status != 200) {
            LOG.warn("auth hook {} {} answered {}", hook.mode(), hook.url(), status);
            throw ApiException.of(Code.UNEXPECTED, "Invalid response from authorization hook");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (Exception e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw ApiException.of(Code.UNEXPECTED, "Invalid response from authorization hook: expected a JSON object");
        }
        Map<String, String> variables = new HashMap<>();
        Map<String, String> fields = new HashMap<>();
        body.properties().forEach(e -> {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-hasura-")) {
                if (!e.getValue().isTextual()) {
                    throw ApiException.of(Code.UNEXPECTED, "Invalid response from authorization hook: the value of "
                            + e.getKey() + " is not a string");
                }
                variables.put(name, e.getValue().asText());
            } else if (e.getValue().isTextual()) {
                fields.put(name, e.getValue().asText());
            }
        });
        String role = Optional.ofNullable(variables.get("x-hasura-role")).filter(r -> !r.isEmpty()).orElseThrow(() ->
                ApiException.of(Code.INVALID_PARAMS, "x-hasura-role not found in session variables"));
        Session session = new Session(role, variables);
        Optional<Instant> until = CacheExpiry.of(
                Optional.ofNullable(fields.get("cache-control")).or(() -> response.headers().firstValue("cache-control")),
                Optional.ofNullable(fields.get("expires")).or(() -> response.headers().firstValue("expires")), now);
        until.filter(now::isBefore).ifPresent(t -> remember(key, new Cached(session, t)));
        return session;
    }

    private void remember(String key, Cached entry) {
        if (cache.size() >= MAX_CACHED) {
            Instant now = clock.instant();
            cache.values().removeIf(c -> !now.isBefore(c.until()));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(key, entry);
    }

    /** Cache keys are digests: the credentials themselves are not kept as keys. */
    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
