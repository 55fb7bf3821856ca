package junction.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import junction.config.Env;
import junction.error.ApiException;
import junction.error.Code;

/**
 * One connection pool per source, created from the source's {@code connection_info} and kept while
 * that configuration stays the same.
 */
public final class SourcePools implements AutoCloseable {
    private record Pool(JsonNode configuration, HikariDataSource dataSource) {
    }

    private final Env env;
    private final int defaultMaxConnections;
    private final io.micrometer.core.instrument.MeterRegistry metrics;
    private final Map<String, Pool> pools = new ConcurrentHashMap<>();

    public SourcePools(Env env, int defaultMaxConnections) {
        this(env, defaultMaxConnections, null);
    }

    /** Pools whose use goes to {@code metrics} (null: none). */
    public SourcePools(Env env, int defaultMaxConnections, io.micrometer.core.instrument.MeterRegistry metrics) {
        this.env = env;
        this.defaultMaxConnections = defaultMaxConnections;
        this.metrics = metrics;
    }

    /** The pool for a source, (re)created when its configuration changed. */
    public synchronized DataSource dataSource(String source, JsonNode configuration) {
        Pool pool = pools.get(source);
        if (pool != null && pool.configuration.equals(configuration)) {
            return pool.dataSource;
        }
        if (pool != null) {
            pool.dataSource.close();
        }
        JsonNode connection = configuration.path("connection_info");
        String url = databaseUrl(connection.path("database_url"));
        JsonNode settings = connection.path("pool_settings");
        int max = settings.path("max_connections").asInt(defaultMaxConnections);
        long idle = settings.path("idle_timeout").asLong(180);
        HikariDataSource dataSource = Pools.create(source, url, max, idle, metrics);
        pools.put(source, new Pool(configuration, dataSource));
        return dataSource;
    }

    /**
     * A connection for a one-off read such as the catalog: from the pool when it has live
     * connections, else opened directly, so that a database that cannot be reached fails at once
     * with its own error instead of after the pool's wait.
     */
    public Connection connection(String source, JsonNode configuration) throws SQLException {
        HikariDataSource dataSource = (HikariDataSource) dataSource(source, configuration);
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        if (pool != null && pool.getTotalConnections() > 0) {
            return dataSource.getConnection();
        }
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
    }

    /** Closes pools of sources no longer in metadata. */
    public synchronized void retain(Set<String> sources) {
        pools.keySet().removeIf(name -> {
            if (sources.contains(name)) {
                return false;
            }
            pools.get(name).dataSource.close();
            return true;
        });
    }

    /** Resolves {@code database_url}: a string, {@code {from_env}} or {@code {connection_parameters}}. */
    public String databaseUrl(JsonNode url) {
        if (url.isTextual()) {
            return url.textValue();
        }
        if (url.has("from_env")) {
            String name = url.get("from_env").asText();
            return env.get(name).orElseThrow(() -> ApiException.of(Code.INVALID_CONFIGURATION,
                    "environment variable '" + name + "' not set"));
        }
        if (url.has("connection_parameters")) {
            JsonNode p = url.get("connection_parameters");
            String user = p.path("username").asText("postgres");
            String password = p.path("password").asText("");
            return "postgres://" + user + (password.isEmpty() ? "" : ":" + password) + "@" + p.path("host").asText("localhost")
                    + ":" + p.path("port").asInt(5432) + "/" + p.path("database").asText("postgres");
        }
        throw ApiException.of(Code.PARSE_FAILED, "database_url must be a string, {from_env} or {connection_parameters}");
    }

    @Override
    public synchronized void close() {
        pools.values().forEach(p -> p.dataSource.close());
        pools.clear();
    }
}
