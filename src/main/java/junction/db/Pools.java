package junction.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;

/** Creates the connection pools of sources and of the metadata store, all configured alike. */
public final class Pools {
    private Pools() {
    }

    public static HikariDataSource create(String name, String url, int maxConnections, long idleTimeoutSeconds) {
        return create(name, url, maxConnections, idleTimeoutSeconds, null);
    }

    /** A pool whose use (active, idle, pending connections, wait times) goes to {@code metrics} when not null. */
    public static HikariDataSource create(String name, String url, int maxConnections, long idleTimeoutSeconds,
                                          MeterRegistry metrics) {
        HikariConfig config = new HikariConfig();
        if (metrics != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        }
        config.setPoolName("junction-" + name);
        config.setJdbcUrl(ConnectionUrl.toJdbc(url));
        config.setMaximumPoolSize(Math.max(1, maxConnections));
        config.setMinimumIdle(Math.min(2, Math.max(1, maxConnections)));
        config.setIdleTimeout(Math.max(10, idleTimeoutSeconds) * 1000L);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }
}
