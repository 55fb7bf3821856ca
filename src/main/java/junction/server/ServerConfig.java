package junction.server;

import java.util.List;
import java.util.Optional;
import junction.config.Env;
import junction.execute.join.RemoteErrorMode;
import junction.session.Session;

/**
 * The engine's settings: one immutable value, resolved once by the CLI (flag, else environment
 * variable, else default) and handed down; tests build it directly. Nothing below reads the process
 * environment: {@code env} is what metadata's {@code from_env} sees.
 *
 * @param databaseUrl the {@code default} source; also the metadata store unless {@code metadataDatabaseUrl}
 * @param gracefulShutdownSeconds how long a stop waits for requests in flight ({@code HASURA_GRAPHQL_GRACEFUL_SHUTDOWN_TIMEOUT})
 */
public record ServerConfig(String host, int port, Optional<String> databaseUrl, Optional<String> metadataDatabaseUrl,
                           List<String> adminSecrets, Optional<String> unauthorizedRole, long maxBodyBytes,
                           long metadataPollMillis, int pgConnections, boolean adminInternalErrors, boolean devMode,
                           boolean stringifyNumericTypes, RemoteErrorMode remoteErrors, Env env,
                           long gracefulShutdownSeconds) {
    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;
    /** Hasura's {@code HASURA_GRAPHQL_GRACEFUL_SHUTDOWN_TIMEOUT} default. */
    public static final long DEFAULT_GRACEFUL_SHUTDOWN_SECONDS = 60;

    public ServerConfig {
        adminSecrets = List.copyOf(adminSecrets);
    }

    /** Defaults for a given database: all interfaces, port 8080, no secret, an empty environment. */
    public static ServerConfig forDatabase(String databaseUrl) {
        return new ServerConfig("0.0.0.0", 8080, Optional.of(databaseUrl), Optional.empty(), List.of(), Optional.empty(),
                DEFAULT_MAX_BODY_BYTES, 500, 16, true, false, false, RemoteErrorMode.HASURA, Env.EMPTY,
                DEFAULT_GRACEFUL_SHUTDOWN_SECONDS);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, env, gracefulShutdownSeconds);
    }

    public ServerConfig withAdminSecret(String secret) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, List.of(secret), unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, env, gracefulShutdownSeconds);
    }

    public ServerConfig withMetadataDatabase(String url) {
        return new ServerConfig(host, port, databaseUrl, Optional.of(url), adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, env, gracefulShutdownSeconds);
    }

    public ServerConfig withMaxBodyBytes(long bytes) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, bytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, env, gracefulShutdownSeconds);
    }

    public ServerConfig withAdminInternalErrors(boolean show) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, show, devMode, stringifyNumericTypes, remoteErrors, env, gracefulShutdownSeconds);
    }

    public ServerConfig withDevMode(boolean on) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, on, stringifyNumericTypes, remoteErrors, env, gracefulShutdownSeconds);
    }

    public ServerConfig withStringifyNumericTypes(boolean on) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, on, remoteErrors, env, gracefulShutdownSeconds);
    }

    public ServerConfig withRemoteErrors(RemoteErrorMode mode) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, mode, env, gracefulShutdownSeconds);
    }

    /** How long {@link Engine#close} lets requests in flight finish before cutting them off. */
    public ServerConfig withGracefulShutdownSeconds(long seconds) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, env,
                seconds);
    }

    /** The same settings with one more variable in the environment metadata's {@code from_env} sees. */
    public ServerConfig withEnv(String name, String value) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors,
                env.with(name, value), gracefulShutdownSeconds);
    }

    /**
     * Whether errors shown to this session carry their {@code internal} detail: in dev mode always,
     * else for admin unless {@code HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false}.
     */
    public boolean showsInternal(Session session) {
        return devMode || session.isAdmin() && adminInternalErrors;
    }
}
