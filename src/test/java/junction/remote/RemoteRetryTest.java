package junction.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The waits between background retries of a remote schema: doubling up to a ceiling, with jitter. */
class RemoteRetryTest {

    @Test
    void waitsDoubleUpToTheLongestAndAreDrawnBetweenHalfAndAllOfIt() {
        RemoteRetry retry = RemoteRetry.DEFAULT;
        assertThat(retry.ceiling(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(retry.ceiling(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(retry.ceiling(1000)).isEqualTo(Duration.ofSeconds(60));
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            assertThat(retry.delay(3, random)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        }
    }

    @Test
    void zeroTurnsRetriesOffAndTheLongestWaitMayNotBeShorterThanTheFirst() {
        assertThat(RemoteRetry.OFF.enabled()).isFalse();
        assertThat(RemoteRetry.DEFAULT.enabled()).isTrue();
        assertThatThrownBy(() -> RemoteRetry.ofSeconds(10, 5)).hasMessageContaining("JUNCTION_REMOTE_SCHEMA_RETRY_MAX_SECONDS");
        assertThatThrownBy(() -> RemoteRetry.ofSeconds(-1, 5)).hasMessageContaining("JUNCTION_REMOTE_SCHEMA_RETRY_SECONDS");
    }
}
