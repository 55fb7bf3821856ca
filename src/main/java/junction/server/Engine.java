package junction.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.sql.SQLException;
import java.time.Duration;
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
import junction.metadata.resolve.Naming;
import junction.metadata.resolve.Snapshot;
import junction.metadata.store.MetadataStore;
import junction.observe.EngineLog;
import junction.observe.LogLevel;
import junction.observe.Metrics;
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
    private static final Duration SETTLE = Duration.ofMillis(250);

    private final ServerConfig config;
    private final EngineLog log;
    private final Metrics metrics = new Metrics();
    private final HikariDataSource metadataPool;
    private final SourcePools pools;
    private final RemoteClient remotes;
    private final MetadataService metadata;
    private final RunSql runSql;
    private final LegacyQuery legacyQuery;
    private final SessionResolver sessions;
    private final SchemaCache schemas;
    private final GraphqlPipeline pipeline;
    private final GraphqlHandler graphql;
    private volatile WebServer server;
    private volatile Thread poller;
    private volatile boolean draining;
    private volatile long lastRequestNanos;

    private Engine(ServerConfig config) {
        this.config = config;
        this.schemas = new SchemaCache(config.remoteSchemaPermissions(), config.inferFunctionPermissions());
        this.sessions = SessionResolver.start(config.adminSecrets(), config.unauthorizedRole(), config.auth());
        Env env = config.databaseUrl().map(url -> config.env().with(DEFAULT_SOURCE_ENV, url)).orElse(config.env());
        String metadataUrl = config.metadataDatabaseUrl().or(config::databaseUrl)
                .orElseThrow(() -> new IllegalArgumentException("a database URL or a metadata database URL is required"));
        this.log = new EngineLog(config.logTypes(), config.logLevel(), config.logSink());
        this.metadataPool = Pools.create("metadata", metadataUrl, 4, 300, metrics.registry());
        this.pools = new SourcePools(env, config.pgConnections(), metrics.registry());
        this.remotes = RemoteClient.create(config.remoteLimits(),
                (remote, answered, nanos) -> metrics.remoteCall(remote, answered ? "success" : "failed", nanos));
        this.metadata = new MetadataService(new MetadataStore(metadataPool), pools, defaultSource(config),
                new Introspector(remotes, env), config.remoteRetry(), config.remoteSchemaPermissions(),
                new Naming.Defaults(config.namingConvention(), config.namingConventions()));
        metadata.onSwap(new MetadataLog(log)::swapped);
        SqlOptions sqlOptions = new SqlOptions(config.stringifyNumericTypes());
        this.runSql = new RunSql(metadata);
        this.legacyQuery = new LegacyQuery(metadata, runSql, new DmlExecutor(sqlOptions)::run);
        BiFunction<Snapshot, String, DataSource> sourcePool = (snapshot, source) -> pools.dataSource(source,
                snapshot.metadata().source(source).orElseThrow().configuration());
        this.pipeline = new GraphqlPipeline(metadata::snapshot, schemas, sourcePool, QueryLimits.DEFAULT, sqlOptions, remotes,
                config.remoteErrors(), config::showsInternal, config.planCacheSize());
        this.graphql = new GraphqlHandler(sessions, pipeline,
                new Explainer(metadata::snapshot, schemas, sourcePool, QueryLimits.DEFAULT, sqlOptions, config.planCacheSize()), config);
        bindMetrics();
    }

    private void bindMetrics() {
        metrics.cache("schema_cache", schemas.roles());
        metrics.cache("plan_cache", pipeline.planCache());
        metrics.counter("junction.schema.builds", "Role schemas built (a miss of the schema cache, or a rebuild)",
                schemas, SchemaCache::builds);
        metrics.counter("junction.plan.prepared", "Operations parsed and validated (plan cache misses)",
                pipeline, GraphqlPipeline::operationsPrepared);
        metrics.gauge("hasura.metadata.resource.version", "Resource version of the metadata served",
                () -> metadata.snapshot() == null ? -1 : metadata.snapshot().resourceVersion());
        metrics.gauge("hasura.metadata.inconsistent.objects", "Inconsistent objects in the metadata served",
                () -> metadata.snapshot() == null ? 0 : metadata.snapshot().inconsistencies().size());
    }

    /** The {@code startup} line of the settings in effect (secrets only said to be set). */
    private void logStartup() {
        ObjectNode info = Json.object();
        info.put("port", server.port());
        info.put("server_host", config.host());
        info.putPOJO("enabled_log_types", config.logTypes().stream().sorted().toList());
        info.put("log_level", config.logLevel().label());
        info.putPOJO("enabled_apis", config.enabledApis().stream().map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
        info.put("admin_secret_set", !config.adminSecrets().isEmpty());
        info.put("metrics_secret_set", config.metricsSecret().isPresent());
        info.put("unauth_role", config.unauthorizedRole().orElse(null));
        info.put("stringify_numeric_types", config.stringifyNumericTypes());
        info.put("dev_mode", config.devMode());
        info.put("pg_connections", config.pgConnections());
        info.put("resource_version", metadata.snapshot().resourceVersion());
        ObjectNode detail = Json.object().put("kind", "server_configuration");
        detail.set("info", info);
        log.write(EngineLog.STARTUP, LogLevel.INFO, detail);
    }

    public static Engine start(ServerConfig config) throws SQLException {
        return start(config, engine -> { });
    }

    /**
     * Starts, running {@code beforeServing} once the metadata is loaded and before the server listens
     * (a project directory applied at start-up); if it throws, the start fails and everything stops.
     */
    public static Engine start(ServerConfig config, java.util.function.Consumer<Engine> beforeServing) throws SQLException {
        Engine engine = new Engine(config);
        try {
            engine.metadata.start();
            beforeServing.accept(engine);
            engine.server = WebServer.builder()
                    .host(config.host())
                    .port(config.port())
                    .maxPayloadSize(config.maxBodyBytes())
                    .shutdownGracePeriod(Duration.ofSeconds(config.gracefulShutdownSeconds()))
                    .directHandlers(d -> {
                        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
                            d.addHandler(type, Exchange.directHandler(config.maxBodyBytes()));
                        }
                    })
                    // answers of several KB are written in more than one segment: without TCP_NODELAY the
                    // last one waits for the client's delayed ACK (~40 ms per request)
                    .connectionOptions(io.helidon.common.socket.SocketOptions.builder().tcpNoDelay(true).build())
                    // one write system call per answer: Helidon's NIO socket (the default) copies what it
                    // sends through an 8 KB buffer, one write per 8 KB; the blocking socket writes the answer,
                    // status line and headers included, in one call
                    .useNio(false)
                    .routing(routing -> Routes.register(routing.addFilter(engine::closeWhenDraining), engine))
                    .build()
                    .start();
            if (!engine.server.isRunning()) {
                throw new IllegalStateException(cannotListen(config.host(), config.port()));
            }
            engine.logStartup();
            engine.poller = Thread.ofVirtual().name("metadata-poller").start(engine::poll);
            return engine;
        } catch (RuntimeException | SQLException e) {
            engine.close();
            throw e;
        }
    }

    /** Why a start failed when the server could not bind its address. */
    public static String cannotListen(String host, int port) {
        return "cannot listen on " + host + ":" + port
                + " (is the port already in use? choose another with --port or HASURA_GRAPHQL_SERVER_PORT)";
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

    /**
     * While stopping, every answer tells its client to close the connection ({@code Connection:
     * close}): a request already in flight still gets its answer, and the client's next one goes to a
     * new connection, which the closed listener refuses (a load balancer then picks another replica).
     */
    private void closeWhenDraining(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        lastRequestNanos = System.nanoTime();
        response.beforeSend(() -> {
            if (draining) {
                response.header(HeaderValues.CONNECTION_CLOSE);
            }
        });
        chain.proceed();
    }

    /**
     * Stopping the server closes the connections that wait for a request; a request a client has
     * just sent on one may not have been read yet. After a request in the last {@link #SETTLE}, waits
     * out the rest of it, so requests sent before the stop are read (and answered) first.
     */
    private void settle() {
        long wait = SETTLE.toNanos() - (System.nanoTime() - lastRequestNanos);
        if (lastRequestNanos == 0 || wait <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The metadata database answers a trivial query within {@code timeout}. */
    boolean metadataStorageHealthy(Duration timeout) {
        return MetadataStorageCheck.answers(metadataPool, timeout);
    }

    public int port() {
        return server.port();
    }

    public ServerConfig config() {
        return config;
    }

    /** The structured log (stdout unless the settings name another sink). */
    public EngineLog log() {
        return log;
    }

    /** The meters {@code /v1/metrics} shows. */
    public Metrics metrics() {
        return metrics;
    }

    public MetadataService metadata() {
        return metadata;
    }

    /** The one client every call to a remote schema goes through (introspection, forwarding, remote joins). */
    public RemoteClient remoteClient() {
        return remotes;
    }

    /** The role schemas (built on first use, kept while what they are built from is unchanged). */
    public SchemaCache schemas() {
        return schemas;
    }

    public GraphqlPipeline pipeline() {
        return pipeline;
    }

    /** {@code run_sql} as {@code /v2/query} runs it (a {@code bulk} of them in one transaction). */
    public RunSql runSql() {
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

    /** The sources' connection pools (and their database URLs). */
    SourcePools pools() {
        return pools;
    }

    /**
     * Stops: no new connections, requests in flight finish (for up to the graceful shutdown timeout,
     * then they are cut off), and only then the pools and the poller go.
     */
    @Override
    public void close() {
        draining = true;
        settle();
        if (server != null) {
            server.stop();
        }
        if (poller != null) {
            poller.interrupt();
        }
        metadata.close();
        pools.close();
        metadataPool.close();
        remotes.close();
        sessions.close();
        log.close();
    }

}
