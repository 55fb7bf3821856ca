package junction.server;

import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import junction.config.Env;
import junction.console.ConsoleSettings;
import junction.execute.join.RemoteErrorMode;
import junction.observe.EngineLog;
import junction.observe.LogLevel;
import junction.remote.RemoteLimits;
import junction.remote.RemoteRetry;
import junction.session.AuthConfig;
import junction.session.AuthHook;
import junction.session.JwtConfig;
import junction.session.Session;

/**
 * The engine's settings: one immutable value, resolved once by the CLI (flag, else environment
 * variable, else default) and handed down; tests build it directly. Nothing below reads the process
 * environment: {@code env} is what metadata's {@code from_env} sees.
 *
 * @param databaseUrl             the {@code default} source; also the metadata store unless {@code metadataDatabaseUrl}
 * @param gracefulShutdownSeconds how long a stop waits for requests in flight ({@code HASURA_GRAPHQL_GRACEFUL_SHUTDOWN_TIMEOUT})
 * @param remoteRetry             how remote schemas that could not be loaded are retried in the background
 * @param planCacheSize           how many prepared operations are kept ({@code JUNCTION_PLAN_CACHE_SIZE})
 * @param auth                    JWT or auth webhook mode, besides the admin secrets
 * @param logTypes                the log types written ({@code HASURA_GRAPHQL_ENABLED_LOG_TYPES})
 * @param logLevel                the least level written ({@code HASURA_GRAPHQL_LOG_LEVEL})
 * @param logSink                 where log lines go: stdout, another stream in tests
 * @param metricsSecret           the bearer token {@code /v1/metrics} asks for ({@code HASURA_GRAPHQL_METRICS_SECRET})
 * @param remoteSchemaPermissions whether remote schema permissions are enforced and may be added
 *                                ({@code HASURA_GRAPHQL_ENABLE_REMOTE_SCHEMA_PERMISSIONS}); off, every role sees every remote schema
 * @param inferFunctionPermissions whether a role sees a tracked query function when it may select the function's
 *                                return table ({@code HASURA_GRAPHQL_INFER_FUNCTION_PERMISSIONS}); off, only with a function permission
 * @param project                 a project directory applied at start-up, before serving ({@code serve --metadata-dir})
 * @param pgDumpPath              the {@code pg_dump} {@code /v1alpha1/pg_dump} runs ({@code JUNCTION_PG_DUMP_PATH}); empty: the one
 *                                of the database's major version in {@code /usr/lib/postgresql/<major>/bin} or on {@code PATH}
 * @param namingConvention        the naming convention of a source that names none ({@code HASURA_GRAPHQL_DEFAULT_NAMING_CONVENTION}:
 *                                {@code hasura-default} or {@code graphql-default}); only with the {@code naming_convention}
 *                                experimental feature, as in Hasura
 * @param experimentalFeatures    Hasura's experimental features turned on ({@code HASURA_GRAPHQL_EXPERIMENTAL_FEATURES}); Junction
 *                                acts on {@code naming_convention} and accepts the others' names
 */
public record ServerConfig(String host, int port, Optional<String> databaseUrl, Optional<String> metadataDatabaseUrl,
                           List<String> adminSecrets, Optional<String> unauthorizedRole, long maxBodyBytes,
                           long metadataPollMillis, int pgConnections, boolean adminInternalErrors, boolean devMode,
                           boolean stringifyNumericTypes, RemoteErrorMode remoteErrors, CorsPolicy cors,
                           Set<Api> enabledApis, RemoteLimits remoteLimits, long gracefulShutdownSeconds, RemoteRetry remoteRetry,
                           long planCacheSize,
                           AuthConfig auth, Set<String> logTypes, LogLevel logLevel, OutputStream logSink,
                           Optional<String> metricsSecret, Env env, boolean remoteSchemaPermissions,
                           boolean inferFunctionPermissions, ProjectSettings project, ConsoleSettings console,
                           Optional<java.nio.file.Path> pgDumpPath, String namingConvention, Set<String> experimentalFeatures) {
    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;
    /** Hasura's {@code HASURA_GRAPHQL_GRACEFUL_SHUTDOWN_TIMEOUT} default. */
    public static final long DEFAULT_GRACEFUL_SHUTDOWN_SECONDS = 60;
    /** Prepared operations kept (parse, validation, plan and SQL of a query text per role). */
    public static final long DEFAULT_PLAN_CACHE_SIZE = 10_000;

    /** {@code HASURA_GRAPHQL_DEFAULT_NAMING_CONVENTION}'s values. */
    public static final List<String> NAMING_CONVENTIONS = List.of("hasura-default", "graphql-default");
    /** {@code HASURA_GRAPHQL_EXPERIMENTAL_FEATURES}' values, as Hasura names them. */
    public static final List<String> EXPERIMENTAL_FEATURES = List.of("inherited_roles", "streaming_subscriptions",
            "optimize_permission_filters", "naming_convention", "apollo_federation", "hide_update_many_fields",
            "bigquery_string_numeric_input", "hide_aggregation_predicates", "hide_stream_fields");

    /** The groups of endpoints {@code HASURA_GRAPHQL_ENABLED_APIS} names; a group left out answers 404. */
    public enum Api {
        /** {@code /v1/graphql} */
        GRAPHQL,
        /** {@code /v1/metadata}, {@code /v2/query}, {@code /v1/query}, {@code /v1/graphql/explain} */
        METADATA,
        /** {@code /v1/metrics} (off by default, as in Hasura) */
        METRICS,
        /** {@code /v1alpha1/pg_dump} */
        PGDUMP,
        /** {@code /v1alpha1/config} */
        CONFIG,
        /** accepted as Hasura's name; Junction has no endpoints of this group yet */
        DEVELOPER;

        public static final Set<Api> DEFAULT = Set.of(GRAPHQL, METADATA, PGDUMP, CONFIG);
    }

    public ServerConfig {
        adminSecrets = List.copyOf(adminSecrets);
        enabledApis = Set.copyOf(enabledApis);
        logTypes = Set.copyOf(logTypes);
        experimentalFeatures = Set.copyOf(experimentalFeatures);
        if (!NAMING_CONVENTIONS.contains(namingConvention)) {
            throw new IllegalArgumentException("naming_convention can either be \"hasura-default\" or \"graphql-default\"");
        }
        if (!EXPERIMENTAL_FEATURES.containsAll(experimentalFeatures)) {
            throw new IllegalArgumentException("Only expecting list of comma separated experimental features, options are: "
                    + String.join(", ", EXPERIMENTAL_FEATURES));
        }
    }

    /** Whether sources may use a naming convention other than hasura-default (the {@code naming_convention} experimental feature). */
    public boolean namingConventions() {
        return experimentalFeatures.contains("naming_convention");
    }

    /** Defaults for a given database: all interfaces, port 8080, no secret, an empty environment. */
    public static ServerConfig forDatabase(String databaseUrl) {
        return builder().databaseUrl(Optional.of(databaseUrl)).build();
    }

    /** Every setting at its default, no database. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.databaseUrl = databaseUrl;
        b.metadataDatabaseUrl = metadataDatabaseUrl;
        b.adminSecrets = adminSecrets;
        b.unauthorizedRole = unauthorizedRole;
        b.maxBodyBytes = maxBodyBytes;
        b.metadataPollMillis = metadataPollMillis;
        b.pgConnections = pgConnections;
        b.adminInternalErrors = adminInternalErrors;
        b.devMode = devMode;
        b.stringifyNumericTypes = stringifyNumericTypes;
        b.remoteErrors = remoteErrors;
        b.cors = cors;
        b.enabledApis = enabledApis;
        b.remoteLimits = remoteLimits;
        b.gracefulShutdownSeconds = gracefulShutdownSeconds;
        b.remoteRetry = remoteRetry;
        b.planCacheSize = planCacheSize;
        b.env = env;
        b.auth = auth;
        b.logTypes = logTypes;
        b.logLevel = logLevel;
        b.logSink = logSink;
        b.metricsSecret = metricsSecret;
        b.remoteSchemaPermissions = remoteSchemaPermissions;
        b.inferFunctionPermissions = inferFunctionPermissions;
        b.project = project;
        b.console = console;
        b.pgDumpPath = pgDumpPath;
        b.namingConvention = namingConvention;
        b.experimentalFeatures = experimentalFeatures;
        return b;
    }

    public ServerConfig withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    public ServerConfig withAdminSecret(String secret) {
        return toBuilder().adminSecrets(List.of(secret)).build();
    }

    public ServerConfig withMetadataDatabase(String url) {
        return toBuilder().metadataDatabaseUrl(Optional.of(url)).build();
    }

    public ServerConfig withMaxBodyBytes(long bytes) {
        return toBuilder().maxBodyBytes(bytes).build();
    }

    public ServerConfig withAdminInternalErrors(boolean show) {
        return toBuilder().adminInternalErrors(show).build();
    }

    public ServerConfig withDevMode(boolean on) {
        return toBuilder().devMode(on).build();
    }

    public ServerConfig withStringifyNumericTypes(boolean on) {
        return toBuilder().stringifyNumericTypes(on).build();
    }

    public ServerConfig withRemoteErrors(RemoteErrorMode mode) {
        return toBuilder().remoteErrors(mode).build();
    }

    public ServerConfig withCors(CorsPolicy policy) {
        return toBuilder().cors(policy).build();
    }

    public ServerConfig withEnabledApis(Set<Api> apis) {
        return toBuilder().enabledApis(apis).build();
    }

    public ServerConfig withRemoteLimits(RemoteLimits limits) {
        return toBuilder().remoteLimits(limits).build();
    }

    public ServerConfig withGracefulShutdownSeconds(long seconds) {
        return toBuilder().gracefulShutdownSeconds(seconds).build();
    }

    public ServerConfig withRemoteRetry(RemoteRetry retry) {
        return toBuilder().remoteRetry(retry).build();
    }

    public ServerConfig withUnauthorizedRole(String role) {
        return toBuilder().unauthorizedRole(Optional.of(role)).build();
    }

    /** One more JWT configuration ({@code HASURA_GRAPHQL_JWT_SECRET}, or one of {@code HASURA_GRAPHQL_JWT_SECRETS}). */
    public ServerConfig withJwtSecret(JwtConfig secret) {
        return toBuilder().auth(auth.withJwtSecret(secret)).build();
    }

    public ServerConfig withAuthHook(AuthHook hook) {
        return toBuilder().auth(auth.withAuthHook(hook)).build();
    }

    /** Log lines go to {@code sink}, of these types, from {@code level} on. */
    public ServerConfig withLog(OutputStream sink, Set<String> types, LogLevel level) {
        return toBuilder().logSink(sink).logTypes(types).logLevel(level).build();
    }

    public ServerConfig withMetricsSecret(String secret) {
        return toBuilder().metricsSecret(Optional.of(secret)).build();
    }

    /** The same settings with one more variable in the environment metadata's {@code from_env} sees. */
    public ServerConfig withEnv(String name, String value) {
        return toBuilder().env(env.with(name, value)).build();
    }

    /**
     * Whether errors shown to this session carry their {@code internal} detail: in dev mode always,
     * else for admin unless {@code HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false}.
     */
    public boolean showsInternal(Session session) {
        return devMode || session.isAdmin() && adminInternalErrors;
    }

    /** Settings one at a time, each starting at its default. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 8080;
        private Optional<String> databaseUrl = Optional.empty();
        private Optional<String> metadataDatabaseUrl = Optional.empty();
        private List<String> adminSecrets = List.of();
        private Optional<String> unauthorizedRole = Optional.empty();
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private long metadataPollMillis = 500;
        private int pgConnections = 16;
        private boolean adminInternalErrors = true;
        private boolean devMode;
        private boolean stringifyNumericTypes;
        private RemoteErrorMode remoteErrors = RemoteErrorMode.HASURA;
        private CorsPolicy cors = CorsPolicy.ANY;
        private Set<Api> enabledApis = Api.DEFAULT;
        private RemoteLimits remoteLimits = RemoteLimits.DEFAULT;
        private long gracefulShutdownSeconds = DEFAULT_GRACEFUL_SHUTDOWN_SECONDS;
        private RemoteRetry remoteRetry = RemoteRetry.DEFAULT;
        private long planCacheSize = DEFAULT_PLAN_CACHE_SIZE;
        private Env env = Env.EMPTY;
        private AuthConfig auth = AuthConfig.NONE;
        private Set<String> logTypes = EngineLog.DEFAULT_TYPES;
        private LogLevel logLevel = LogLevel.INFO;
        private OutputStream logSink = System.out;
        private Optional<String> metricsSecret = Optional.empty();
        private boolean remoteSchemaPermissions;
        private boolean inferFunctionPermissions = true;
        private ProjectSettings project = ProjectSettings.NONE;
        private ConsoleSettings console = ConsoleSettings.DISABLED;
        private Optional<java.nio.file.Path> pgDumpPath = Optional.empty();
        private String namingConvention = "hasura-default";
        private Set<String> experimentalFeatures = Set.of();

        private Builder() {
        }

        public Builder host(String value) { host = value; return this; }
        public Builder port(int value) { port = value; return this; }
        public Builder databaseUrl(Optional<String> value) { databaseUrl = value; return this; }
        public Builder metadataDatabaseUrl(Optional<String> value) { metadataDatabaseUrl = value; return this; }
        public Builder adminSecrets(List<String> value) { adminSecrets = value; return this; }
        public Builder unauthorizedRole(Optional<String> value) { unauthorizedRole = value; return this; }
        public Builder maxBodyBytes(long value) { maxBodyBytes = value; return this; }
        public Builder metadataPollMillis(long value) { metadataPollMillis = value; return this; }
        public Builder pgConnections(int value) { pgConnections = value; return this; }
        public Builder adminInternalErrors(boolean value) { adminInternalErrors = value; return this; }
        public Builder devMode(boolean value) { devMode = value; return this; }
        public Builder stringifyNumericTypes(boolean value) { stringifyNumericTypes = value; return this; }
        public Builder remoteErrors(RemoteErrorMode value) { remoteErrors = value; return this; }
        public Builder cors(CorsPolicy value) { cors = value; return this; }
        public Builder enabledApis(Set<Api> value) { enabledApis = value; return this; }
        public Builder remoteLimits(RemoteLimits value) { remoteLimits = value; return this; }
        public Builder gracefulShutdownSeconds(long value) { gracefulShutdownSeconds = value; return this; }
        public Builder planCacheSize(long value) { planCacheSize = value; return this; }
        public Builder remoteRetry(RemoteRetry value) { remoteRetry = value; return this; }
        public Builder env(Env value) { env = value; return this; }
        public Builder auth(AuthConfig value) { auth = value; return this; }
        public Builder logTypes(Set<String> value) { logTypes = value; return this; }
        public Builder logLevel(LogLevel value) { logLevel = value; return this; }
        public Builder logSink(OutputStream value) { logSink = value; return this; }
        public Builder metricsSecret(Optional<String> value) { metricsSecret = value; return this; }
        public Builder remoteSchemaPermissions(boolean value) { remoteSchemaPermissions = value; return this; }
        public Builder inferFunctionPermissions(boolean value) { inferFunctionPermissions = value; return this; }
        public Builder project(ProjectSettings value) { project = value; return this; }
        public Builder console(ConsoleSettings value) { console = value; return this; }
        public Builder pgDumpPath(Optional<java.nio.file.Path> value) { pgDumpPath = value; return this; }
        public Builder namingConvention(String value) { namingConvention = value; return this; }
        public Builder experimentalFeatures(Set<String> value) { experimentalFeatures = value; return this; }

        public ServerConfig build() {
            return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                    metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, cors,
                    enabledApis, remoteLimits, gracefulShutdownSeconds, remoteRetry, planCacheSize, auth, logTypes, logLevel, logSink,
                    metricsSecret, env, remoteSchemaPermissions, inferFunctionPermissions, project, console, pgDumpPath,
                    namingConvention, experimentalFeatures);
        }
    }
}
