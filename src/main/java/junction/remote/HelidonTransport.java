package junction.remote;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Helidon's blocking HTTP/1.1 client, made for virtual threads: the calling thread writes the
 * request and reads the answer itself, over a pooled keep-alive connection, with no hand-off to
 * other threads (the JDK client's asynchronous machinery cost about as much CPU as the rest of a
 * forwarded request). Connecting and each read must finish within the remote's timeout; one client
 * per distinct timeout, all sharing one connection cache.
 */
public final class HelidonTransport implements RemoteTransport {
    private final ConcurrentMap<Duration, WebClient> clients = new ConcurrentHashMap<>();

    @Override
    public Response post(URI url, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
        HttpClientRequest request = client(timeout).post().uri(url).readTimeout(timeout);
        headers.forEach((name, value) -> request.header(HeaderNames.create(name), value));
        try (HttpClientResponse response = request.submit(body)) {
            byte[] bytes = response.inputStream().readAllBytes();
            return new Response(response.status().code(), headers(response), bytes);
        } catch (UncheckedIOException e) {
            throw timeoutOr(e.getCause(), timeout);
        } catch (IOException e) {
            throw timeoutOr(e, timeout);
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    private WebClient client(Duration timeout) {
        return clients.computeIfAbsent(timeout, t -> WebClient.builder()
                .connectTimeout(t)
                .readTimeout(t)
                .followRedirects(true)
                .sendExpectContinue(false)
                .keepAlive(true)
                .socketOptions(s -> s.tcpNoDelay(true))
                .build());
    }

    private static IOException timeoutOr(IOException e, Duration timeout) {
        if (e instanceof SocketTimeoutException) {
            HttpTimeoutException timedOut = new HttpTimeoutException("request timed out after " + timeout.toMillis() + " ms");
            timedOut.initCause(e);
            return timedOut;
        }
        return e;
    }

    private static Map<String, List<String>> headers(HttpClientResponse response) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Header header : response.headers()) {
            out.put(header.name().toLowerCase(Locale.ROOT), header.allValues());
        }
        return out;
    }

    @Override
    public void close() {
        clients.values().forEach(WebClient::closeResource);
        clients.clear();
    }
}
