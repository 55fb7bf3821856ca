package junction.server;

import java.util.List;
import java.util.Optional;
import junction.config.Env;
import junction.remote.RemoteLimits;

/**
 * Everything the engine is started with. Built by the CLI from flags and {@code HASURA_GRAPHQL_*}
 * variables, and by tests directly.
 *
 * @param databaseUrl the {@code default} source; also the metadata store unless {@code metadataDatabaseUrl}
 * @param remoteLimits connections per remote schema and the largest answer read from one
 */
public record ServerConfig(String host, int port, Optional<String> databaseUrl, Optional<String> metadataDatabaseUrl,
                           List<String> adminSecrets, Optional<String> unauthorizedRole, long maxBodyBytes,
                           long metadataPollMillis, int pgConnections, boolean adminInternalErrors, boolean devMode,
                           Env env, RemoteLimits remoteLimits) {
    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

    public ServerConfig {
        adminSecrets = List.copyOf(adminSecrets);
    }

    /** Defaults for a given database: all interfaces, port 8080, no secret. */
    public static ServerConfig forDatabase(String databaseUrl) {
        return new ServerConfig("0.0.0.0", 8080, Optional.of(databaseUrl), Optional.empty(), List.of(), Optional.empty(),
                DEFAULT_MAX_BODY_BYTES, 500, 16, true, false, Env.system(), RemoteLimits.DEFAULT);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole,
                maxBodyBytes, metadataPollMillis, pgConnections, adminInternalErrors, devMode, env, remoteLimits);
    }

    public ServerConfig withAdminSecret(String secret) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, List.of(secret), unauthorizedRole,
                maxBodyBytes, metadataPollMillis, pgConnections, adminInternalErrors, devMode, env, remoteLimits);
    }

    public ServerConfig withMetadataDatabase(String url) {
        return new ServerConfig(host, port, databaseUrl, Optional.of(url), adminSecrets, unauthorizedRole,
                maxBodyBytes, metadataPollMillis, pgConnections, adminInternalErrors, devMode, env, remoteLimits);
    }

    public ServerConfig withMaxBodyBytes(long bytes) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole,
                bytes, metadataPollMillis, pgConnections, adminInternalErrors, devMode, env, remoteLimits);
    }

    public ServerConfig withAdminInternalErrors(boolean show) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole,
                maxBodyBytes, metadataPollMillis, pgConnections, show, devMode, env, remoteLimits);
    }

    public ServerConfig withDevMode(boolean on) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole,
                maxBodyBytes, metadataPollMillis, pgConnections, adminInternalErrors, on, env, remoteLimits);
    }

    /**
     * Whether errors shown to this session carry their {@code internal} detail: in dev mode always,
     * else for admin unless {@code HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false}.
     */
    public boolean showsInternal(junction.session.Session session) {
        return devMode || session.isAdmin() && adminInternalErrors;
    }

    /** The same configuration with one more environment value (as if exported to the process). */
    public ServerConfig withEnv(String name, String value) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole,
                maxBodyBytes, metadataPollMillis, pgConnections, adminInternalErrors, devMode, env.with(name, value), remoteLimits);
    }

    public ServerConfig withRemoteLimits(RemoteLimits limits) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole,
                maxBodyBytes, metadataPollMillis, pgConnections, adminInternalErrors, devMode, env, limits);
    }
}
