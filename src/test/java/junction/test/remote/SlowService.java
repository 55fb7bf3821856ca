package junction.test.remote;

import java.time.Duration;

/**
 * The user service answering only after a delay, for timeouts. The delay can be changed while it
 * runs ({@link GraphqlTestServer#delay}), e.g. zero while a test adds it, then slow for queries.
 */
public final class SlowService {
    private SlowService() {
    }

    public static GraphqlTestServer start(Duration delay) {
        return UserService.start().delay(delay);
    }
}
