package junction.session;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of one JWT configuration: a fixed key, or a JWK set fetched from {@code jwk_url} when the
 * engine starts (a failure stops the start, as in Hasura) and fetched again in the background once
 * the answer's {@code Cache-Control: max-age} / {@code Expires} has passed — requests keep using the
 * keys they have meanwhile, and the last good keys while the URL is down. A token whose {@code kid}
 * is unknown makes one fetch right away, at most once per {@link #UNKNOWN_KID_INTERVAL}.
 */
final class JwkSource {
    private static final Logger LOG = LoggerFactory.getLogger(JwkSource.class);
    static final Duration UNKNOWN_KID_INTERVAL = Duration.ofSeconds(10);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private record Keys(List<VerifyingKey> keys, Optional<Instant> expiry) {
    }

    private final Optional<URI> url;
    private final HttpClient client;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicInteger fetches = new AtomicInteger();
    private final Object unknownKidLock = new Object();
    private volatile Keys current;
    private volatile Instant lastUnknownKidFetch = Instant.MIN;

    private JwkSource(Optional<URI> url, List<VerifyingKey> keys, HttpClient client, Clock clock) {
        this.url = url;
        this.client = client;
        this.clock = clock;
        this.current = new Keys(List.copyOf(keys), Optional.empty());
    }

    static JwkSource fixed(List<VerifyingKey> keys) {
        return new JwkSource(Optional.empty(), keys, null, Clock.systemUTC());
    }

    /** @throws IllegalStateException when the first fetch fails */
    static JwkSource remote(URI url, HttpClient client, Clock clock) {
        JwkSource source = new JwkSource(Optional.of(url), List.of(), client, clock);
        try {
            source.current = source.fetch();
        } catch (IOException e) {
            throw new IllegalStateException("Error fetching JWK from " + url + ": " + e.getMessage());
        }
        return source;
    }

    /** The keys to check a token with now; past their expiry, a background fetch is started. */
    List<VerifyingKey> keys() {
        Keys keys = current;
        if (keys.expiry().isPresent() && !clock.instant().isBefore(keys.expiry().get()) && refreshing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("jwk-refresh").start(() -> {
                try {
                    refresh();
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return keys.keys();
    }

    /**
     * A token named a key we do not have: fetch the set again unless that was done less than
     * {@link #UNKNOWN_KID_INTERVAL} ago. Returns whether the keys were fetched.
     */
    boolean refetchForUnknownKid() {
        if (url.isEmpty()) {
            return false;
        }
        synchronized (unknownKidLock) {
            Instant now = clock.instant();
            if (lastUnknownKidFetch.plus(UNKNOWN_KID_INTERVAL).isAfter(now)) {
                return false;
            }
            lastUnknownKidFetch = now;
            return refresh();
        }
    }

    /** How many times the JWK set was fetched (tests and logs). */
    int fetchCount() {
        return fetches.get();
    }

    private boolean refresh() {
        try {
            current = fetch();
            return true;
        } catch (IOException e) {
            LOG.warn("could not refresh the JWK set from {} ({}); keeping the last good keys", url.get(), e.getMessage());
            Keys keys = current;
            current = new Keys(keys.keys(), keys.expiry().map(x -> clock.instant().plus(RETRY_AFTER_FAILURE)));
            return false;
        }
    }

    private Keys fetch() throws IOException {
        fetches.incrementAndGet();
        URI uri = url.orElseThrow();
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new IOException("Non-2xx response on fetching JWK from: " + uri + " (" + response.statusCode() + ")");
        }
        List<VerifyingKey> keys = new ArrayList<>();
        try {
            for (JWK jwk : JWKSet.parse(response.body()).getKeys()) {
                VerifyingKey.of(jwk).ifPresent(keys::add);
            }
        } catch (java.text.ParseException e) {
            throw new IOException("Error parsing JWK from url: " + uri);
        }
        Instant now = clock.instant();
        // no-cache (or a past date) refreshes at most once per second, as Hasura's poller does
        Optional<Instant> expiry = CacheExpiry.of(response.headers().firstValue("cache-control"),
                response.headers().firstValue("expires"), now).map(e -> e.isBefore(now.plus(RETRY_AFTER_FAILURE))
                ? now.plus(RETRY_AFTER_FAILURE) : e);
        return new Keys(List.copyOf(keys), expiry);
    }
}
