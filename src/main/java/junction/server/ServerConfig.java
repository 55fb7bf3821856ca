package junction.server;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import junction.config.Env;
import junction.execute.join.RemoteErrorMode;
import junction.session.AuthConfig;
import junction.session.AuthHook;
import junction.session.JwtConfig;
import junction.session.Session;

/**
 * The engine's settings: one immutable value, resolved once by the CLI (flag, else environment
 * variable, else default) and handed down; tests build it directly. Nothing below reads the process
 * environment: {@code env} is what metadata's {@code from_env} sees.
 *
 * @param databaseUrl the {@code default} source; also the metadata store unless {@code metadataDatabaseUrl}
 * @param auth JWT or auth webhook mode, besides the admin secrets
 */
public record ServerConfig(String host, int port, Optional<String> databaseUrl, Optional<String> metadataDatabaseUrl,
                           List<String> adminSecrets, Optional<String> unauthorizedRole, long maxBodyBytes,
                           long metadataPollMillis, int pgConnections, boolean adminInternalErrors, boolean devMode,
                           boolean stringifyNumericTypes, RemoteErrorMode remoteErrors, CorsPolicy cors,
                           Set<Api> enabledApis, Env env, AuthConfig auth) {
    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

    /** The groups of endpoints {@code HASURA_GRAPHQL_ENABLED_APIS} names; a group left out answers 404. */
    public enum Api {
        /** {@code /v1/graphql} */
        GRAPHQL,
        /** {@code /v1/metadata}, {@code /v2/query}, {@code /v1/query}, {@code /v1/graphql/explain} */
        METADATA,
        /** accepted as Hasura's names; Junction has no endpoints of these groups yet */
        PGDUMP, CONFIG, DEVELOPER, METRICS;

        public static final Set<Api> DEFAULT = Set.of(GRAPHQL, METADATA, PGDUMP, CONFIG);
    }

    public ServerConfig {
        adminSecrets = List.copyOf(adminSecrets);
        enabledApis = Set.copyOf(enabledApis);
    }

    /** Defaults for a given database: all interfaces, port 8080, no secret, an empty environment. */
    public static ServerConfig forDatabase(String databaseUrl) {
        return new ServerConfig("0.0.0.0", 8080, Optional.of(databaseUrl), Optional.empty(), List.of(), Optional.empty(),
                DEFAULT_MAX_BODY_BYTES, 500, 16, true, false, false, RemoteErrorMode.HASURA, CorsPolicy.ANY, Api.DEFAULT,
                Env.EMPTY, AuthConfig.NONE);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, cors, enabledApis, env, auth);
    }

    public ServerConfig withAdminSecret(String secret) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, List.of(secret), unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, cors, enabledApis, env, auth);
    }

    public ServerConfig withMetadataDatabase(String url) {
        return new ServerConfig(host, port, databaseUrl, Optional.of(url), adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, cors, enabledApis, env, auth);
    }

    public ServerConfig withMaxBodyBytes(long bytes) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, bytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, cors, enabledApis, env, auth);
    }

    public ServerConfig withAdminInternalErrors(boolean show) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, show, devMode, stringifyNumericTypes, remoteErrors, cors, enabledApis, env, auth);
    }

    public ServerConfig withDevMode(boolean on) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, on, stringifyNumericTypes, remoteErrors, cors, enabledApis, env, auth);
    }

    public ServerConfig withStringifyNumericTypes(boolean on) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, on, remoteErrors, cors, enabledApis, env, auth);
    }

    public ServerConfig withRemoteErrors(RemoteErrorMode mode) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, mode, cors, enabledApis, env, auth);
    }

    public ServerConfig withCors(CorsPolicy policy) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, policy,
                enabledApis, env, auth);
    }

    public ServerConfig withEnabledApis(Set<Api> apis) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, cors,
                apis, env, auth);
    }

    public ServerConfig withUnauthorizedRole(String role) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, Optional.of(role), maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, cors,
                enabledApis, env, auth);
    }

    /** One more JWT configuration ({@code HASURA_GRAPHQL_JWT_SECRET}, or one of {@code HASURA_GRAPHQL_JWT_SECRETS}). */
    public ServerConfig withJwtSecret(JwtConfig secret) {
        return withAuth(auth.withJwtSecret(secret));
    }

    public ServerConfig withAuthHook(AuthHook hook) {
        return withAuth(auth.withAuthHook(hook));
    }

    public ServerConfig withAuth(AuthConfig newAuth) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, cors,
                enabledApis, env, newAuth);
    }

    /** The same settings with one more variable in the environment metadata's {@code from_env} sees. */
    public ServerConfig withEnv(String name, String value) {
        return new ServerConfig(host, port, databaseUrl, metadataDatabaseUrl, adminSecrets, unauthorizedRole, maxBodyBytes,
                metadataPollMillis, pgConnections, adminInternalErrors, devMode, stringifyNumericTypes, remoteErrors, cors,
                enabledApis, env.with(name, value), auth);
    }

    /**
     * Whether errors shown to this session carry their {@code internal} detail: in dev mode always,
     * else for admin unless {@code HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false}.
     */
    public boolean showsInternal(Session session) {
        return devMode || session.isAdmin() && adminInternalErrors;
    }
}
