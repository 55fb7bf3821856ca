package junction.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;

/**
 * Sends GraphQL requests to remote schemas over one shared transport. The transport has no
 * per-host connection cap, so concurrency is bounded here: at most {@code maxConcurrentPerHost}
 * requests in flight per remote host (scheme, host, port); a request waits for a slot within its
 * timeout. Any failure to get an answer is Hasura's {@code remote-schema-error} "HTTP exception
 * occurred while sending the request to &lt;url&gt;".
 */
public final class RemoteClient implements AutoCloseable {
    public static final int DEFAULT_MAX_CONCURRENT_PER_HOST = 64;

    private final RemoteTransport transport;
    private final int maxConcurrentPerHost;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

    public RemoteClient(RemoteTransport transport, int maxConcurrentPerHost) {
        this.transport = transport;
        this.maxConcurrentPerHost = maxConcurrentPerHost;
    }

    /** A client over Helidon's blocking HTTP client with the default concurrency bound. */
    public static RemoteClient create() {
        return new RemoteClient(new HelidonTransport(), DEFAULT_MAX_CONCURRENT_PER_HOST);
    }

    /**
     * Sends {@code call} to {@code endpoint} with the headers Hasura would send for a request whose
     * session variables and client headers are given (names any case).
     */
    public RemoteResponse send(RemoteEndpoint endpoint, RemoteCall call, Map<String, String> sessionVariables,
                               Map<String, String> clientHeaders) {
        Map<String, String> headers = RemoteHeaders.build(endpoint, sessionVariables, clientHeaders);
        byte[] body = call.body();
        Semaphore slot = slots.computeIfAbsent(hostKey(endpoint), k -> new Semaphore(maxConcurrentPerHost));
        long started = System.nanoTime();
        RemoteTransport.Response response;
        try {
            if (!slot.tryAcquire(endpoint.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                throw httpError(endpoint, "no connection slot became free within the timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw httpError(endpoint, "interrupted");
        }
        try {
            response = transport.post(endpoint.url(), headers, body, endpoint.timeout());
        } catch (IOException e) {
            throw httpError(endpoint, describe(e));
        } finally {
            slot.release();
        }
        long elapsed = System.nanoTime() - started;
        return new RemoteResponse(response.status(), parse(endpoint, response), setCookies(response), elapsed);
    }

    private static JsonNode parse(RemoteEndpoint endpoint, RemoteTransport.Response response) {
        try {
            JsonNode node = Json.MAPPER.readTree(response.body());
            if (node != null && !node.isMissingNode()) {
                return node;
            }
        } catch (IOException e) {
            // answered below
        }
        ObjectNode internal = Json.object();
        internal.put("status", response.status());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        internal.put("body", text.length() > 1000 ? text.substring(0, 1000) : text);
        internal.put("url", endpoint.displayUrl());
        throw ApiException.of(Code.REMOTE_SCHEMA_ERROR, "Error in $: Failed reading: not a valid json value")
                .withInternal(internal);
    }

    private static List<String> setCookies(RemoteTransport.Response response) {
        return response.headers().getOrDefault("set-cookie", List.of());
    }

    static ApiException httpError(RemoteEndpoint endpoint, String detail) {
        ObjectNode internal = Json.object();
        internal.put("type", "http_exception");
        internal.put("message", detail);
        return ApiException.of(Code.REMOTE_SCHEMA_ERROR,
                "HTTP exception occurred while sending the request to " + endpoint.displayUrl()).withInternal(internal);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }

    private static String hostKey(RemoteEndpoint endpoint) {
        return endpoint.url().getScheme() + "://" + endpoint.url().getHost() + ":" + endpoint.url().getPort();
    }

    @Override
    public void close() {
        transport.close();
    }
}
