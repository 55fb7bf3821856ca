package junction.remote;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How a remote schema that could not be loaded is retried in the background: first after
 * {@code first}, then each wait doubles up to {@code max}; each wait is drawn between half of it and
 * all of it (jitter, so replicas and remotes do not retry in step). A zero {@code first} turns
 * retrying off.
 *
 * @param first the first wait ({@code JUNCTION_REMOTE_SCHEMA_RETRY_SECONDS}; 0: no retries)
 * @param max   the longest wait ({@code JUNCTION_REMOTE_SCHEMA_RETRY_MAX_SECONDS})
 */
public record RemoteRetry(Duration first, Duration max) {
    public static final String FIRST_ENV = "JUNCTION_REMOTE_SCHEMA_RETRY_SECONDS";
    public static final String MAX_ENV = "JUNCTION_REMOTE_SCHEMA_RETRY_MAX_SECONDS";
    public static final RemoteRetry DEFAULT = new RemoteRetry(Duration.ofSeconds(1), Duration.ofSeconds(60));
    public static final RemoteRetry OFF = new RemoteRetry(Duration.ZERO, Duration.ZERO);

    public RemoteRetry {
        if (first.isNegative()) {
            throw new IllegalArgumentException(FIRST_ENV + " must not be negative, not " + first.toSeconds());
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException(MAX_ENV + " (" + max.toSeconds() + ") must be at least "
                    + FIRST_ENV + " (" + first.toSeconds() + ")");
        }
    }

    /** From whole seconds, as the command line and the environment give them. */
    public static RemoteRetry ofSeconds(long first, long max) {
        return new RemoteRetry(Duration.ofSeconds(first), Duration.ofSeconds(max));
    }

    public boolean enabled() {
        return !first.isZero();
    }

    /** The wait before attempt {@code attempt} (0: the first retry), without jitter. */
    public Duration ceiling(int attempt) {
        Duration wait = first;
        for (int i = 0; i < attempt && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** The wait before attempt {@code attempt}: between half of {@link #ceiling} and all of it. */
    public Duration delay(int attempt, RandomGenerator random) {
        long ceiling = ceiling(attempt).toNanos();
        long half = ceiling / 2;
        return Duration.ofNanos(half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1)));
    }
}
