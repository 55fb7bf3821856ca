package junction.remote;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Helidon's blocking HTTP/1.1 client, made for virtual threads: the calling thread writes the
 * request and reads the answer itself, over a pooled keep-alive connection, with no hand-off to
 * other threads (the JDK client's asynchronous machinery cost about as much CPU as the rest of a
 * forwarded request). The whole call is bounded by its deadline ({@link DeadlineAlarm}); a caller on
 * a platform thread (start-up introspection) has the call made on a virtual thread, whose socket
 * I/O the alarm can interrupt. The body is read up to the size limit and no further. No proxy: calls
 * go straight to the remote, without the {@code Proxy-Connection} header Helidon adds otherwise.
 */
public final class HelidonTransport implements RemoteTransport {
    private static final int FIRST_CHUNK = 16 * 1024;
    /** At most this much per read: Helidon's chunked stream costs in proportion to the length asked for. */
    private static final int READ_CHUNK = 64 * 1024;
    /** The largest byte array the JVM allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final WebClient client = WebClient.builder()
            // the deadline bounds connecting (Helidon's own default would cut it at 10 s)
            .connectTimeout(Duration.ofDays(1))
            .followRedirects(true)
            .sendExpectContinue(false)
            .keepAlive(true)
            .proxy(Proxy.noProxy())
            .socketOptions(s -> s.tcpNoDelay(true))
            .build();
    private final DeadlineAlarm alarm = new DeadlineAlarm();

    @Override
    public Response post(URI url, Map<String, String> headers, byte[] body, long deadlineNanos, long maxResponseBytes)
            throws IOException {
        if (!Thread.currentThread().isVirtual()) {
            return onVirtualThread(url, headers, body, deadlineNanos, maxResponseBytes);
        }
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw new HttpTimeoutException("the deadline passed before the request was sent");
        }
        DeadlineAlarm.Armed armed = alarm.arm(deadlineNanos);
        try {
            return exchange(url, headers, body, Duration.ofNanos(remaining), Math.min(maxResponseBytes, MAX_ARRAY));
        } catch (IOException | RuntimeException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : failure(e);
            if (armed.disarm() || cause instanceof SocketTimeoutException) {
                HttpTimeoutException timedOut = new HttpTimeoutException("the deadline passed before the answer was complete");
                timedOut.initCause(cause);
                throw timedOut;
            }
            throw cause;
        } finally {
            armed.disarm();
        }
    }

    private Response exchange(URI url, Map<String, String> headers, byte[] body, Duration remaining, long maxBytes)
            throws IOException {
        HttpClientRequest request = client.post().uri(url).readTimeout(remaining);
        headers.forEach((name, value) -> request.header(HeaderNames.create(name), value));
        try (HttpClientResponse response = request.submit(body)) {
            byte[] bytes = read(response, maxBytes);
            return new Response(response.status().code(), headers(response), bytes);
        }
    }

    /**
     * The body, never reading more than {@code maxBytes + 1} bytes of it; read to its end, so that
     * Helidon keeps the connection for the next call.
     */
    private static byte[] read(HttpClientResponse response, long maxBytes) throws IOException {
        OptionalLong declared = response.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        InputStream in = response.inputStream();
        byte[] buffer = new byte[(int) (declared.isPresent() ? declared.getAsLong() : Math.min(FIRST_CHUNK, maxBytes))];
        int size = 0;
        while (true) {
            if (size == buffer.length) {
                int next = in.read();
                if (next < 0) {
                    return buffer;
                }
                if (size + 1L > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes, Math.max(2L * size, FIRST_CHUNK)));
                buffer[size++] = (byte) next;
                continue;
            }
            int n = in.read(buffer, size, Math.min(READ_CHUNK, buffer.length - size));
            if (n < 0) {
                return Arrays.copyOf(buffer, size);
            }
            size += n;
        }
    }

    private Response onVirtualThread(URI url, Map<String, String> headers, byte[] body, long deadlineNanos,
                                     long maxResponseBytes) throws IOException {
        CompletableFuture<Response> outcome = new CompletableFuture<>();
        Thread.ofVirtual().name("remote-call").start(() -> {
            try {
                outcome.complete(post(url, headers, body, deadlineNanos, maxResponseBytes));
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        });
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw failure(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the remote");
        }
    }

    private static IOException failure(Throwable e) {
        if (e instanceof IOException io) {
            return io;
        }
        return new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
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
        client.closeResource();
        alarm.close();
    }
}
