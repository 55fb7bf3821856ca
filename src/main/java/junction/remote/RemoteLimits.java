package junction.remote;

/**
 * Bounds on calls to remote schemas, the same for every remote schema.
 *
 * @param maxConnections   requests in flight to one remote schema at once (its name, whatever its URL
 *                         shares with others); more wait for a free one within their timeout
 * @param maxResponseBytes the largest answer read from a remote; a larger one fails that call
 */
public record RemoteLimits(int maxConnections, long maxResponseBytes) {
    /** {@code JUNCTION_REMOTE_MAX_CONNECTIONS}. */
    public static final String MAX_CONNECTIONS_ENV = "JUNCTION_REMOTE_MAX_CONNECTIONS";
    /** {@code JUNCTION_REMOTE_MAX_RESPONSE_BYTES}. */
    public static final String MAX_RESPONSE_BYTES_ENV = "JUNCTION_REMOTE_MAX_RESPONSE_BYTES";
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    /** 100 MiB: three times the largest request body accepted, far above any introspection answer. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 100L * 1024 * 1024;
    public static final RemoteLimits DEFAULT = new RemoteLimits(DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_RESPONSE_BYTES);

    public RemoteLimits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException(MAX_CONNECTIONS_ENV + " must be at least 1, not " + maxConnections);
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException(MAX_RESPONSE_BYTES_ENV + " must be at least 1, not " + maxResponseBytes);
        }
    }

    public RemoteLimits withMaxConnections(int connections) {
        return new RemoteLimits(connections, maxResponseBytes);
    }

    public RemoteLimits withMaxResponseBytes(long bytes) {
        return new RemoteLimits(maxConnections, bytes);
    }
}
