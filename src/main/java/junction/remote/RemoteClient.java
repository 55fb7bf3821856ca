package junction.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
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
 * Sends GraphQL requests to remote schemas over one shared transport, each call bounded and each
 * remote schema on its own: {@code timeout_seconds} is one deadline for the whole call, waiting for
 * a free connection included; at most {@link RemoteLimits#maxConnections()} calls are in flight
 * per remote schema (by name: remote schemas on one host do not share a bound, so one that hangs
 * never starves another); an answer past {@link RemoteLimits#maxResponseBytes()} fails the call
 * unread. Any failure to get an answer is Hasura's {@code remote-schema-error} "HTTP exception
 * occurred while sending the request to &lt;url&gt;"; so is an HTTP error status whose body carries
 * no GraphQL {@code errors} (with {@code errors}, they are the answer, as from any remote).
 */
public final class RemoteClient implements AutoCloseable {
    private static final int BODY_EXCERPT = 1000;

    private final RemoteTransport transport;
    private final RemoteLimits limits;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final Observer observer;

    /** Told of every call: the remote schema, whether it got an answer, how long it took. */
    public interface Observer {
        Observer NONE = (remoteSchema, answered, nanos) -> { };

        void called(String remoteSchema, boolean answered, long nanos);
    }

    public RemoteClient(RemoteTransport transport, RemoteLimits limits) {
        this(transport, limits, Observer.NONE);
    }

    public RemoteClient(RemoteTransport transport, RemoteLimits limits, Observer observer) {
        this.transport = transport;
        this.limits = limits;
        this.observer = observer;
    }

    /** A client over Helidon's blocking HTTP client with the default limits. */
    public static RemoteClient create() {
        return create(RemoteLimits.DEFAULT);
    }

    /** A client over Helidon's blocking HTTP client. */
    public static RemoteClient create(RemoteLimits limits) {
        return new RemoteClient(new HelidonTransport(), limits);
    }

    /** A client over Helidon's blocking HTTP client, each call told to {@code observer}. */
    public static RemoteClient create(RemoteLimits limits, Observer observer) {
        return new RemoteClient(new HelidonTransport(), limits, observer);
    }

    /**
     * Sends {@code call} to {@code endpoint} with the headers Hasura would send for a request whose
     * session variables and client headers are given (names any case).
     */
    public RemoteResponse send(RemoteEndpoint endpoint, RemoteCall call, Map<String, String> sessionVariables,
                               Map<String, String> clientHeaders) {
        long started = System.nanoTime();
        boolean answered = false;
        try {
            RemoteResponse response = sendObserved(endpoint, call, sessionVariables, clientHeaders, started);
            answered = true;
            return response;
        } finally {
            observer.called(endpoint.name(), answered, System.nanoTime() - started);
        }
    }

    private RemoteResponse sendObserved(RemoteEndpoint endpoint, RemoteCall call, Map<String, String> sessionVariables,
                                        Map<String, String> clientHeaders, long started) {
        long deadline = started + endpoint.timeout().toNanos();
        Map<String, String> headers = RemoteHeaders.build(endpoint, sessionVariables, clientHeaders);
        byte[] body = call.body();
        Semaphore slot = slots.computeIfAbsent(endpoint.name(), k -> new Semaphore(limits.maxConnections()));
        acquire(slot, endpoint, deadline);
        RemoteTransport.Response response;
        try {
            response = transport.post(endpoint.url(), headers, body, deadline, limits.maxResponseBytes());
        } catch (RemoteTransport.TooLarge e) {
            throw tooLarge(endpoint, e.limit());
        } catch (HttpTimeoutException e) {
            throw httpError(endpoint, "HttpTimeoutException: no complete answer within timeout_seconds ("
                    + endpoint.timeout().toSeconds() + ")");
        } catch (IOException e) {
            throw httpError(endpoint, describe(e));
        } finally {
            slot.release();
        }
        long elapsed = System.nanoTime() - started;
        return new RemoteResponse(response.status(), parse(endpoint, response), setCookies(response), elapsed);
    }

    private void acquire(Semaphore slot, RemoteEndpoint endpoint, long deadline) {
        try {
            if (!slot.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw httpError(endpoint, "all " + limits.maxConnections() + " connections to remote schema \""
                        + endpoint.name() + "\" stayed busy for timeout_seconds (" + endpoint.timeout().toSeconds()
                        + "); see " + RemoteLimits.MAX_CONNECTIONS_ENV);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw httpError(endpoint, "interrupted");
        }
    }

    /**
     * The JSON body. An HTTP error status is an error unless the body is a GraphQL answer with
     * {@code errors}; a body that is not JSON is one whatever the status.
     */
    private static JsonNode parse(RemoteEndpoint endpoint, RemoteTransport.Response response) {
        JsonNode node = json(response.body());
        boolean success = response.status() >= 200 && response.status() < 300;
        if (node != null && (success || hasErrors(node))) {
            return node;
        }
        ObjectNode internal = Json.object();
        internal.put("status", response.status());
        String text = new String(response.body(), 0, Math.min(response.body().length, 4 * BODY_EXCERPT),
                StandardCharsets.UTF_8);
        internal.put("body", text.length() > BODY_EXCERPT ? text.substring(0, BODY_EXCERPT) : text);
        internal.put("url", endpoint.displayUrl());
        if (node == null) {
            throw ApiException.of(Code.REMOTE_SCHEMA_ERROR, "Error in $: Failed reading: not a valid json value")
                    .withInternal(internal);
        }
        internal.put("type", "http_exception");
        internal.put("message", "the remote answered HTTP " + response.status() + " without GraphQL errors");
        throw ApiException.of(Code.REMOTE_SCHEMA_ERROR,
                "HTTP exception occurred while sending the request to " + endpoint.displayUrl()).withInternal(internal);
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean hasErrors(JsonNode node) {
        JsonNode errors = node.get("errors");
        return errors != null && errors.isArray() && !errors.isEmpty();
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

    private static ApiException tooLarge(RemoteEndpoint endpoint, long limit) {
        ObjectNode internal = Json.object();
        internal.put("url", endpoint.displayUrl());
        internal.put("limit", limit);
        internal.put("setting", RemoteLimits.MAX_RESPONSE_BYTES_ENV);
        return ApiException.of(Code.REMOTE_SCHEMA_ERROR, "response too large: the answer of the remote server at "
                + endpoint.displayUrl() + " exceeds " + limit + " bytes").withInternal(internal);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }

    @Override
    public void close() {
        transport.close();
    }
}
