package junction.remote;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
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

    /**
     * POSTs {@code body} with {@code headers}; fails with an {@link IOException} (a
     * {@link java.net.http.HttpTimeoutException} past {@code timeout}) when no answer comes.
     */
    Response post(URI url, Map<String, String> headers, byte[] body, Duration timeout) throws IOException;

    @Override
    default void close() {
    }
}
