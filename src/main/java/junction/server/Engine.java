package junction.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import junction.config.Env;
import junction.db.Pools;
import junction.db.SourcePools;
import junction.execute.DmlExecutor;
import junction.execute.Explainer;
import junction.execute.GraphqlPipeline;
import junction.execute.QueryLimits;
import junction.json.Json;
import junction.metadata.api.LegacyQuery;
import junction.metadata.api.MetadataService;
import junction.metadata.api.RunSql;
import junction.metadata.model.Source;
import junction.metadata.resolve.Snapshot;
import junction.metadata.store.MetadataStore;
import junction.remote.Introspector;
import junction.remote.RemoteClient;
import junction.schema.SchemaCache;
import junction.session.SessionResolver;
import junction.sql.SqlOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Junction: the metadata store and service, the source pools, the poller that picks up
 * other replicas' changes, and the HTTP server. {@code main} and the tests both start it here.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    public static final String DEFAULT_SOURCE_ENV = "HASURA_GRAPHQL_DATABASE_URL";

    private final ServerConfig config;
    private final HikariDataSource metadataPool;
    private final SourcePools pools;
    private final RemoteClient remotes;
    private final MetadataService metadata;
    private final RunSql runSql;
    private final LegacyQuery legacyQuery;
    private final SessionResolver sessions;
    private final GraphqlHandler graphql;
    private volatile WebServer server;
    private volatile Thread poller;

    private Engine(ServerConfig config) {
        this.config = config;
        this.sessions = SessionResolver.start(config.adminSecrets(), config.unauthorizedRole(), config.auth());
        Env env = config.databaseUrl().map(url -> config.env().with(DEFAULT_SOURCE_ENV, url)).orElse(config.env());
        String metadataUrl = config.metadataDatabaseUrl().or(config::databaseUrl)
                .orElseThrow(() -> new IllegalArgumentException("a database URL or a metadata database URL is required"));
        this.metadataPool = Pools.create("metadata", metadataUrl, 4, 300);
        this.pools = new SourcePools(env, config.pgConnections());
        this.remotes = RemoteClient.create();
        this.metadata = new MetadataService(new MetadataStore(metadataPool), pools, defaultSource(config),
                new Introspector(remotes, env));
        SqlOptions sqlOptions = new SqlOptions(config.stringifyNumericTypes());
        this.runSql = new RunSql(metadata);
        this.legacyQuery = new LegacyQuery(metadata, runSql, new DmlExecutor(sqlOptions)::run);
        SchemaCache schemas = new SchemaCache();
        BiFunction<Snapshot, String, DataSource> sourcePool = (snapshot, source) -> pools.dataSource(source,
                snapshot.metadata().source(source).orElseThrow().configuration());
        this.graphql = new GraphqlHandler(sessions,
                new GraphqlPipeline(metadata::snapshot, schemas, sourcePool, QueryLimits.DEFAULT, sqlOptions, remotes,
                        config.remoteErrors(), config::showsInternal),
                new Explainer(metadata::snapshot, schemas, sourcePool, QueryLimits.DEFAULT, sqlOptions), config);
    }

    public static Engine start(ServerConfig config) throws SQLException {
        Engine engine = new Engine(config);
        try {
            engine.metadata.start();
            engine.server = WebServer.builder()
                    .host(config.host())
                    .port(config.port())
                    .maxPayloadSize(config.maxBodyBytes())
                    .directHandlers(d -> d
                            .addHandler(DirectHandler.EventType.BAD_REQUEST, Exchange.tooLargeHandler(config.maxBodyBytes()))
                            .addHandler(DirectHandler.EventType.PAYLOAD_TOO_LARGE, Exchange.tooLargeHandler(config.maxBodyBytes())))
                    // answers of several KB are written in more than one segment: without TCP_NODELAY the
                    // last one waits for the client's delayed ACK (~40 ms per request)
                    .connectionOptions(io.helidon.common.socket.SocketOptions.builder().tcpNoDelay(true).build())
                    .routing(routing -> Routes.register(routing, engine))
                    .build()
                    .start();
            engine.poller = Thread.ofVirtual().name("metadata-poller").start(engine::poll);
            return engine;
        } catch (RuntimeException | SQLException e) {
            engine.close();
            throw e;
        }
    }

    /** The {@code default} source Hasura adds when started with a database URL. */
    private static Optional<Source> defaultSource(ServerConfig config) {
        if (config.databaseUrl().isEmpty()) {
            return Optional.empty();
        }
        ObjectNode configuration = Json.object();
        ObjectNode connection = configuration.putObject("connection_info");
        connection.putObject("database_url").put("from_env", DEFAULT_SOURCE_ENV);
        connection.put("isolation_level", "read-committed");
        connection.putObject("pool_settings").put("max_connections", config.pgConnections()).put("idle_timeout", 180);
        connection.put("use_prepared_statements", true);
        return Optional.of(new Source("default", "postgres", configuration, null, List.of(), List.of()));
    }

    private void poll() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(config.metadataPollMillis());
                if (metadata.syncIfChanged()) {
                    LOG.info("metadata changed by another instance; now at resource version {}",
                            metadata.snapshot().resourceVersion());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.warn("metadata poll failed: {}", e.getMessage());
            }
        }
    }

    public int port() {
        return server.port();
    }

    public ServerConfig config() {
        return config;
    }

    public MetadataService metadata() {
        return metadata;
    }

    /** The one client every call to a remote schema goes through (introspection, forwarding, remote joins). */
    public RemoteClient remoteClient() {
        return remotes;
    }

    RunSql runSql() {
        return runSql;
    }

    LegacyQuery legacyQuery() {
        return legacyQuery;
    }

    GraphqlHandler graphql() {
        return graphql;
    }

    SessionResolver sessions() {
        return sessions;
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.interrupt();
        }
        if (server != null) {
            server.stop();
        }
        pools.close();
        metadataPool.close();
        remotes.close();
        sessions.close();
    }

}
