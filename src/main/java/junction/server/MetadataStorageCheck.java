package junction.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Hasura's metadata storage health check: a trivial query on the metadata database. Bounded in
 * time, as the pool waits its whole connection timeout for a database that is down.
 */
final class MetadataStorageCheck {
    private MetadataStorageCheck() {
    }

    static boolean answers(DataSource metadata, Duration timeout) {
        CompletableFuture<Boolean> check = new CompletableFuture<>();
        Thread.ofVirtual().name("metadata-health").start(() -> {
            try (Connection c = metadata.getConnection(); Statement st = c.createStatement()) {
                check.complete(st.execute("select 1"));
            } catch (SQLException | RuntimeException e) {
                check.complete(false);
            }
        });
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
