package junction.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import junction.config.Env;
import junction.console.ConsoleSettings;
import junction.db.EmbeddedDatabase;
import junction.execute.join.RemoteErrorMode;
import junction.json.Json;
import junction.server.CorsPolicy;
import junction.remote.RemoteLimits;
import junction.remote.RemoteRetry;
import junction.server.Engine;
import junction.server.ProjectSettings;
import junction.server.ServerConfig;
import junction.session.AuthConfig;
import junction.session.AuthHook;
import junction.session.JwtConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import junction.observe.EngineLog;
import junction.observe.LogLevel;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code junction serve}: starts the engine, with an embedded PostgreSQL unless a database URL is given.
 * Each option's {@code descriptionKey} is the environment variable it is read from when the flag is
 * absent ({@link EnvDefaults}); {@link #settings} turns them into the engine's one settings value.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the GraphQL engine.")
public final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--host", descriptionKey = "HASURA_GRAPHQL_SERVER_HOST", defaultValue = "0.0.0.0",
            description = "Interface to listen on (HASURA_GRAPHQL_SERVER_HOST). Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = {"--server-port", "--port"}, descriptionKey = "HASURA_GRAPHQL_SERVER_PORT", defaultValue = "8080",
            description = "Port to listen on (HASURA_GRAPHQL_SERVER_PORT). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--database-url", descriptionKey = Engine.DEFAULT_SOURCE_ENV,
            description = "PostgreSQL URL of the 'default' source and, unless --metadata-database-url, the metadata store (HASURA_GRAPHQL_DATABASE_URL). Without it an embedded PostgreSQL is started.")
    String databaseUrl;

    @Option(names = "--metadata-database-url", descriptionKey = "HASURA_GRAPHQL_METADATA_DATABASE_URL",
            description = "PostgreSQL URL of the metadata store (HASURA_GRAPHQL_METADATA_DATABASE_URL).")
    String metadataDatabaseUrl;

    @Option(names = "--admin-secret", descriptionKey = "HASURA_GRAPHQL_ADMIN_SECRET",
            description = "Admin secret required in x-hasura-admin-secret (HASURA_GRAPHQL_ADMIN_SECRET).")
    String adminSecret;

    @Option(names = "--admin-secrets", descriptionKey = "HASURA_GRAPHQL_ADMIN_SECRETS",
            description = "Several admin secrets as a JSON list (HASURA_GRAPHQL_ADMIN_SECRETS).")
    String adminSecrets;

    @Option(names = "--unauthorized-role", descriptionKey = "HASURA_GRAPHQL_UNAUTHORIZED_ROLE",
            description = "Role for requests without credentials (HASURA_GRAPHQL_UNAUTHORIZED_ROLE).")
    String unauthorizedRole;

    @Option(names = "--jwt-secret", descriptionKey = "HASURA_GRAPHQL_JWT_SECRET",
            description = "JWT mode: the JSON configuration of the key or jwk_url, claims, audience, issuer and header (HASURA_GRAPHQL_JWT_SECRET).")
    String jwtSecret;

    @Option(names = "--jwt-secrets", descriptionKey = "HASURA_GRAPHQL_JWT_SECRETS",
            description = "JWT mode with several issuers: a JSON list of configurations (HASURA_GRAPHQL_JWT_SECRETS).")
    String jwtSecrets;

    @Option(names = "--auth-hook", descriptionKey = "HASURA_GRAPHQL_AUTH_HOOK",
            description = "Webhook mode: the URL of the authentication webhook (HASURA_GRAPHQL_AUTH_HOOK).")
    String authHook;

    @Option(names = "--auth-hook-mode", descriptionKey = "HASURA_GRAPHQL_AUTH_HOOK_MODE", defaultValue = "GET",
            description = "GET (the client's headers) or POST (a JSON body with headers and request) (HASURA_GRAPHQL_AUTH_HOOK_MODE). Default: ${DEFAULT-VALUE}")
    String authHookMode;

    @Option(names = "--auth-hook-timeout", descriptionKey = "JUNCTION_AUTH_HOOK_TIMEOUT", defaultValue = "10",
            description = "Seconds to wait for the authentication webhook (JUNCTION_AUTH_HOOK_TIMEOUT). Default: ${DEFAULT-VALUE}")
    double authHookTimeout;

    @Option(names = "--data-dir", descriptionKey = "JUNCTION_DATA_DIR", defaultValue = "${sys:user.home}/.junction",
            description = "Where the embedded PostgreSQL keeps its data (JUNCTION_DATA_DIR). Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--pg-port", descriptionKey = "JUNCTION_PG_PORT", defaultValue = "" + EmbeddedDatabase.DEFAULT_PORT,
            description = "Port of the embedded PostgreSQL, the same at every start (JUNCTION_PG_PORT). Default: ${DEFAULT-VALUE}")
    int pgPort;

    @Option(names = "--graceful-shutdown-timeout", descriptionKey = "HASURA_GRAPHQL_GRACEFUL_SHUTDOWN_TIMEOUT", defaultValue = "60",
            description = "Seconds a stop (SIGTERM, Ctrl-C) waits for requests in flight (HASURA_GRAPHQL_GRACEFUL_SHUTDOWN_TIMEOUT). Default: ${DEFAULT-VALUE}")
    long gracefulShutdownSeconds;

    @Option(names = "--pg-connections", descriptionKey = "HASURA_GRAPHQL_PG_CONNECTIONS", defaultValue = "16",
            description = "Connections per source pool (HASURA_GRAPHQL_PG_CONNECTIONS). Default: ${DEFAULT-VALUE}")
    int pgConnections;

    @Option(names = "--max-body-bytes", descriptionKey = "JUNCTION_MAX_BODY_BYTES", defaultValue = "33554432",
            description = "Largest request body accepted (JUNCTION_MAX_BODY_BYTES). Default: ${DEFAULT-VALUE}")
    long maxBodyBytes;

    @Option(names = "--schema-sync-poll-interval", descriptionKey = "HASURA_GRAPHQL_SCHEMA_SYNC_POLL_INTERVAL", defaultValue = "500",
            description = "Milliseconds between checks for metadata changed by other instances (HASURA_GRAPHQL_SCHEMA_SYNC_POLL_INTERVAL). Default: ${DEFAULT-VALUE}")
    long pollMillis;

    @Option(names = "--dev-mode", descriptionKey = "HASURA_GRAPHQL_DEV_MODE", defaultValue = "false", arity = "0..1",
            description = "Include internal error details for every role (HASURA_GRAPHQL_DEV_MODE). Default: ${DEFAULT-VALUE}")
    boolean devMode;

    @Option(names = "--admin-internal-errors", descriptionKey = "HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS", defaultValue = "true", arity = "0..1",
            description = "Include internal error details for admin requests (HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS). Default: ${DEFAULT-VALUE}")
    boolean adminInternalErrors;

    @Option(names = "--stringify-numeric-types", descriptionKey = "HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES", defaultValue = "false", arity = "0..1",
            description = "bigint, numeric and double precision values as JSON strings (HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES). Default: ${DEFAULT-VALUE}")
    boolean stringifyNumericTypes;

    @Option(names = "--remote-errors", descriptionKey = "JUNCTION_REMOTE_ERRORS", defaultValue = "hasura",
            description = "What a failing remote join does: hasura (the request fails) or partial (its fields are null with errors) (JUNCTION_REMOTE_ERRORS). Default: ${DEFAULT-VALUE}")
    RemoteErrorMode remoteErrors;

    @Option(names = "--cors-domain", descriptionKey = "HASURA_GRAPHQL_CORS_DOMAIN", defaultValue = "*",
            description = "Origins that get CORS headers: * or a comma-separated list, wildcards as https://*.example.com (HASURA_GRAPHQL_CORS_DOMAIN). Default: ${DEFAULT-VALUE}")
    String corsDomain;

    @Option(names = "--disable-cors", descriptionKey = "HASURA_GRAPHQL_DISABLE_CORS", defaultValue = "false", arity = "0..1",
            description = "No CORS headers for any origin (HASURA_GRAPHQL_DISABLE_CORS). Default: ${DEFAULT-VALUE}")
    boolean disableCors;

    @Option(names = "--enabled-apis", descriptionKey = "HASURA_GRAPHQL_ENABLED_APIS", defaultValue = "metadata,graphql,pgdump,config",
            split = ",", description = "Endpoint groups to serve: graphql, metadata, pgdump, config, developer, metrics (HASURA_GRAPHQL_ENABLED_APIS). Default: ${DEFAULT-VALUE}")
    Set<ServerConfig.Api> enabledApis;

    @Option(names = "--remote-max-connections", descriptionKey = RemoteLimits.MAX_CONNECTIONS_ENV, defaultValue = "64",
            description = "Requests in flight to one remote schema at once; more wait within its timeout (JUNCTION_REMOTE_MAX_CONNECTIONS). Default: ${DEFAULT-VALUE}")
    int remoteMaxConnections;

    @Option(names = "--remote-max-response-bytes", descriptionKey = RemoteLimits.MAX_RESPONSE_BYTES_ENV, defaultValue = "104857600",
            description = "Largest answer read from a remote schema; a larger one fails the call (JUNCTION_REMOTE_MAX_RESPONSE_BYTES). Default: ${DEFAULT-VALUE}")
    long remoteMaxResponseBytes;

    @Option(names = "--plan-cache-size", descriptionKey = "JUNCTION_PLAN_CACHE_SIZE", defaultValue = "10000",
            description = "Prepared operations kept (parsed, validated, planned and compiled per role and query text); the least likely to be used again go first (JUNCTION_PLAN_CACHE_SIZE). Default: ${DEFAULT-VALUE}")
    long planCacheSize;

    @Option(names = "--remote-schema-retry-seconds", descriptionKey = RemoteRetry.FIRST_ENV, defaultValue = "1",
            description = "First wait before retrying a remote schema that could not be loaded; each wait doubles; 0: no retries (JUNCTION_REMOTE_SCHEMA_RETRY_SECONDS). Default: ${DEFAULT-VALUE}")
    long remoteRetrySeconds;

    @Option(names = "--remote-schema-retry-max-seconds", descriptionKey = RemoteRetry.MAX_ENV, defaultValue = "60",
            description = "Longest wait between retries of a remote schema that could not be loaded (JUNCTION_REMOTE_SCHEMA_RETRY_MAX_SECONDS). Default: ${DEFAULT-VALUE}")
    long remoteRetryMaxSeconds;

    @Option(names = "--enabled-log-types", descriptionKey = "HASURA_GRAPHQL_ENABLED_LOG_TYPES",
            defaultValue = "startup,http-log,webhook-log,websocket-log",
            description = "Log types written to stdout: startup, http-log, query-log, webhook-log, websocket-log (HASURA_GRAPHQL_ENABLED_LOG_TYPES). Default: ${DEFAULT-VALUE}")
    String enabledLogTypes;

    @Option(names = "--log-level", descriptionKey = "HASURA_GRAPHQL_LOG_LEVEL", defaultValue = "info",
            description = "Least level of the lines logged: debug, info, warn, error (HASURA_GRAPHQL_LOG_LEVEL). Default: ${DEFAULT-VALUE}")
    String logLevel;

    @Option(names = "--metrics-secret", descriptionKey = "HASURA_GRAPHQL_METRICS_SECRET",
            description = "Bearer token GET /v1/metrics requires (Authorization: Bearer <secret>) (HASURA_GRAPHQL_METRICS_SECRET)")
    String metricsSecret;

    @Option(names = "--metadata-dir", descriptionKey = "HASURA_GRAPHQL_METADATA_DIR",
            description = "A project's metadata directory (config v3) applied at start-up, before serving (HASURA_GRAPHQL_METADATA_DIR).")
    Path metadataDir;

    @Option(names = "--migrations-dir", descriptionKey = "HASURA_GRAPHQL_MIGRATIONS_DIR",
            description = "A project's migrations directory: those not yet applied run at start-up, before the metadata (HASURA_GRAPHQL_MIGRATIONS_DIR).")
    Path migrationsDir;

    @Option(names = "--allow-inconsistent-metadata", descriptionKey = "JUNCTION_ALLOW_INCONSISTENT_METADATA", defaultValue = "false", arity = "0..1",
            description = "Serve a --metadata-dir that is inconsistent, its inconsistent objects left out and logged, instead of refusing to start (JUNCTION_ALLOW_INCONSISTENT_METADATA). Default: ${DEFAULT-VALUE}")
    boolean allowInconsistentMetadata;

    @Option(names = "--enable-console", descriptionKey = "HASURA_GRAPHQL_ENABLE_CONSOLE", arity = "0..1", fallbackValue = "true",
            description = "Serve the web console at /console (HASURA_GRAPHQL_ENABLE_CONSOLE). Default: on with the embedded database, off with a database URL (Hasura's default).")
    Boolean enableConsole;

    @Option(names = "--console-assets-dir", descriptionKey = "HASURA_GRAPHQL_CONSOLE_ASSETS_DIR",
            description = "A directory whose files replace the console's own (index.html and everything under /console/assets/) (HASURA_GRAPHQL_CONSOLE_ASSETS_DIR).")
    Path consoleAssetsDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        StopSignal stop = StopSignal.install();
        EmbeddedDatabase embedded = null;
        Engine engine = null;
        try {
            ensureListenable();
            Optional<String> embeddedUrl = Optional.empty();
            if (needsEmbeddedDatabase()) {
                System.out.println("No database URL given: starting embedded PostgreSQL in " + dataDir.resolve("pgdata"));
                embedded = EmbeddedDatabase.start(dataDir.resolve("pgdata"), pgPort, EmbeddedDatabase.Durability.DURABLE);
                embeddedUrl = Optional.of(embedded.url("postgres"));
                System.out.println("Embedded PostgreSQL listens on localhost:" + embedded.port()
                        + "; another engine on this machine can share it with --database-url " + embeddedUrl.get());
            }
            engine = start(settings(embeddedUrl));
        } catch (Exception e) { // a start that fails says why in one line, stops what it started, exits 1
            System.err.println("junction: " + e.getMessage());
            stopQuietly(engine, embedded);
            return 1;
        }
        System.out.printf("Junction is serving on http://%s:%d (GraphQL at /v1/graphql, metadata at /v1/metadata%s), started in %d ms%n",
                host, engine.port(), engine.config().console().enabled() ? ", console at /console" : "",
                (System.nanoTime() - started) / 1_000_000);
        String signal = stop.await();
        System.out.println("Junction got " + signal + ": finishing requests in flight (up to " + gracefulShutdownSeconds + " s), then stopping");
        stopQuietly(engine, embedded);
        return 0;
    }

    /** Starts the engine, first applying the project directory the settings name (migrations, then metadata). */
    static Engine start(ServerConfig settings) throws Exception {
        return settings.project().isEmpty() ? Engine.start(settings) : Engine.start(settings, ProjectStartup::apply);
    }

    private static void stopQuietly(Engine engine, EmbeddedDatabase embedded) {
        if (engine != null) {
            engine.close();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (Exception e) {
                System.err.println("junction: could not stop embedded PostgreSQL: " + e.getMessage());
            }
        }
    }

    /** Fails before anything starts when the address is taken (the engine checks again when it binds). */
    private void ensureListenable() throws IOException {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IOException(Engine.cannotListen(host, port), e);
        }
    }

    @Option(names = "--enable-remote-schema-permissions", descriptionKey = "HASURA_GRAPHQL_ENABLE_REMOTE_SCHEMA_PERMISSIONS",
            defaultValue = "false", arity = "0..1",
            description = "Enforce remote schema permissions: a role sees only its SDL of a remote schema, or none of it (HASURA_GRAPHQL_ENABLE_REMOTE_SCHEMA_PERMISSIONS). Default: ${DEFAULT-VALUE}")
    boolean remoteSchemaPermissions;

    @Option(names = "--infer-function-permissions", descriptionKey = "HASURA_GRAPHQL_INFER_FUNCTION_PERMISSIONS",
            defaultValue = "true", arity = "0..1",
            description = "A role sees a tracked query function when it may select the function's return table; false: only with a function permission (HASURA_GRAPHQL_INFER_FUNCTION_PERMISSIONS). Default: ${DEFAULT-VALUE}")
    boolean inferFunctionPermissions;

    @Option(names = "--pg-dump-path", descriptionKey = "JUNCTION_PG_DUMP_PATH",
            description = "The pg_dump that /v1alpha1/pg_dump runs; it must be of the database's major version (JUNCTION_PG_DUMP_PATH). "
                    + "Default: the one in /usr/lib/postgresql/<major>/bin, else on PATH")
    java.nio.file.Path pgDumpPath;

    @Option(names = "--default-naming-convention", descriptionKey = "HASURA_GRAPHQL_DEFAULT_NAMING_CONVENTION",
            defaultValue = "hasura-default",
            description = "The naming convention of a source whose customization names none: hasura-default or graphql-default; "
                    + "only with the naming_convention experimental feature (HASURA_GRAPHQL_DEFAULT_NAMING_CONVENTION). Default: ${DEFAULT-VALUE}")
    String defaultNamingConvention;

    @Option(names = "--experimental-features", descriptionKey = "HASURA_GRAPHQL_EXPERIMENTAL_FEATURES", defaultValue = "",
            description = "Hasura's experimental features to turn on, comma-separated; Junction acts on naming_convention "
                    + "(source naming conventions) and accepts the others (HASURA_GRAPHQL_EXPERIMENTAL_FEATURES). Default: none")
    String experimentalFeatures;

    /** Neither a database URL nor a metadata database URL: {@code serve} starts its own PostgreSQL. */
    boolean needsEmbeddedDatabase() {
        return blankToEmpty(databaseUrl).isEmpty() && blankToEmpty(metadataDatabaseUrl).isEmpty();
    }

    /** The engine's settings from the parsed options; {@code embeddedUrl} stands in for an absent database URL. */
    ServerConfig settings(Optional<String> embeddedUrl) {
        if (planCacheSize < 1) {
            throw new ParameterException(spec.commandLine(), "--plan-cache-size / JUNCTION_PLAN_CACHE_SIZE must be at least 1, not " + planCacheSize);
        }
        return ServerConfig.builder()
                .host(host).port(port)
                .databaseUrl(blankToEmpty(databaseUrl).or(() -> embeddedUrl))
                .metadataDatabaseUrl(blankToEmpty(metadataDatabaseUrl))
                .adminSecrets(secrets()).unauthorizedRole(blankToEmpty(unauthorizedRole))
                .maxBodyBytes(maxBodyBytes).metadataPollMillis(pollMillis).pgConnections(pgConnections)
                .adminInternalErrors(adminInternalErrors).devMode(devMode)
                .stringifyNumericTypes(stringifyNumericTypes).remoteErrors(remoteErrors)
                .cors(cors()).enabledApis(enabledApis).remoteLimits(remoteLimits())
                .gracefulShutdownSeconds(gracefulShutdownSeconds).remoteRetry(remoteRetry()).planCacheSize(planCacheSize)
                .env(Env.of(main.environment()))
                .auth(auth())
                .logTypes(logTypes()).logLevel(level()).metricsSecret(blankToEmpty(metricsSecret))
                .remoteSchemaPermissions(remoteSchemaPermissions)
                .inferFunctionPermissions(inferFunctionPermissions)
                .project(new ProjectSettings(Optional.ofNullable(metadataDir), Optional.ofNullable(migrationsDir), allowInconsistentMetadata))
                .console(console())
                .pgDumpPath(Optional.ofNullable(pgDumpPath))
                .namingConvention(namingConvention()).experimentalFeatures(experimentalFeatures())
                .build();
    }

    private String namingConvention() {
        String value = defaultNamingConvention.strip();
        if (!ServerConfig.NAMING_CONVENTIONS.contains(value)) {
            throw new ParameterException(spec.commandLine(), "--default-naming-convention / HASURA_GRAPHQL_DEFAULT_NAMING_CONVENTION: "
                    + "naming_convention can either be \"hasura-default\" or \"graphql-default\"");
        }
        return value;
    }

    /** Hasura's comma-separated list, case and spaces ignored. */
    private Set<String> experimentalFeatures() {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String item : experimentalFeatures.split(",")) {
            String feature = item.strip().toLowerCase(java.util.Locale.ROOT);
            if (feature.isEmpty()) {
                continue;
            }
            if (!ServerConfig.EXPERIMENTAL_FEATURES.contains(feature)) {
                throw new ParameterException(spec.commandLine(), "--experimental-features / HASURA_GRAPHQL_EXPERIMENTAL_FEATURES: "
                        + "Only expecting list of comma separated experimental features, options are: "
                        + String.join(", ", ServerConfig.EXPERIMENTAL_FEATURES));
            }
            out.add(feature);
        }
        return out;
    }

    /** On unless turned off when the engine runs its own database (a developer's machine); as Hasura (off) otherwise. */
    private ConsoleSettings console() {
        boolean enabled = enableConsole != null ? enableConsole : needsEmbeddedDatabase();
        if (consoleAssetsDir != null && !java.nio.file.Files.isRegularFile(consoleAssetsDir.resolve("index.html"))) {
            throw new ParameterException(spec.commandLine(), "--console-assets-dir / HASURA_GRAPHQL_CONSOLE_ASSETS_DIR: "
                    + consoleAssetsDir + " has no index.html");
        }
        return new ConsoleSettings(enabled, Optional.ofNullable(consoleAssetsDir));
    }

    private RemoteLimits remoteLimits() {
        try {
            return new RemoteLimits(remoteMaxConnections, remoteMaxResponseBytes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private RemoteRetry remoteRetry() {
        try {
            return remoteRetrySeconds == 0 ? RemoteRetry.OFF : RemoteRetry.ofSeconds(remoteRetrySeconds, remoteRetryMaxSeconds);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Set<String> logTypes() {
        try {
            return EngineLog.types(enabledLogTypes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--enabled-log-types / HASURA_GRAPHQL_ENABLED_LOG_TYPES: " + e.getMessage());
        }
    }

    private LogLevel level() {
        try {
            return LogLevel.parse(logLevel);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--log-level / HASURA_GRAPHQL_LOG_LEVEL: " + e.getMessage());
        }
    }

    private CorsPolicy cors() {
        try {
            return CorsPolicy.parse(corsDomain, disableCors);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--cors-domain / HASURA_GRAPHQL_CORS_DOMAIN: " + e.getMessage());
        }
    }

    /** JWT or webhook mode, parsed and checked here so that a bad configuration stops the start with a clear message. */
    private AuthConfig auth() {
        List<JwtConfig> jwt = new ArrayList<>();
        blankToEmpty(jwtSecret).ifPresent(json -> jwt.add(parsed("--jwt-secret / HASURA_GRAPHQL_JWT_SECRET", () -> JwtConfig.parse(json))));
        blankToEmpty(jwtSecrets).ifPresent(json -> jwt.addAll(parsed("--jwt-secrets / HASURA_GRAPHQL_JWT_SECRETS",
                () -> JwtConfig.parseList(json))));
        Optional<AuthHook> hook = blankToEmpty(authHook).map(url -> parsed("--auth-hook / HASURA_GRAPHQL_AUTH_HOOK",
                () -> AuthHook.parse(url, authHookMode, Duration.ofMillis((long) (authHookTimeout * 1000)))));
        AuthConfig auth = new AuthConfig(jwt, hook);
        parsed("authentication", () -> {
            auth.check(secrets(), blankToEmpty(unauthorizedRole));
            return auth;
        });
        return auth;
    }

    private <T> T parsed(String setting, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), setting + ": " + e.getMessage());
        }
    }

    private List<String> secrets() {
        List<String> out = new ArrayList<>();
        blankToEmpty(adminSecret).ifPresent(out::add);
        blankToEmpty(adminSecrets).ifPresent(list -> Json.parse(list).forEach(n -> out.add(n.asText())));
        return out;
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
