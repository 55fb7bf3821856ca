package junction.remote;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * How bytes reach a remote: one HTTP POST. {@link HelidonTransport} is the real one; the
 * {@link RemoteClient} takes it as a constructor argument, so the engine and the tests choose.
 */
public interface RemoteTransport extends AutoCloseable {

    /** The remote's answer: status, headers (names lower-cased) and body. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
    }

    /** The answer was larger than the limit; what was read of it is dropped, the connection closed. */
    final class TooLarge extends IOException {
        private final long limit;

        public TooLarge(long limit) {
            super("response larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /**
     * POSTs {@code body} with {@code headers} and reads the whole answer by {@code deadlineNanos}
     * ({@link System#nanoTime()}): connecting, sending and reading included. Fails with an
     * {@link IOException}: a {@link java.net.http.HttpTimeoutException} at the deadline, a
     * {@link TooLarge} past {@code maxResponseBytes} of body (never read further).
     */
    Response post(URI url, Map<String, String> headers, byte[] body, long deadlineNanos, long maxResponseBytes)
            throws IOException;

    @Override
    default void close() {
    }
}
