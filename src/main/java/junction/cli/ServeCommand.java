package junction.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import junction.config.Env;
import junction.db.EmbeddedDatabase;
import junction.json.Json;
import junction.remote.RemoteLimits;
import junction.server.Engine;
import junction.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code junction serve}: starts the engine, with an embedded PostgreSQL unless a database URL is given. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the GraphQL engine.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "${env:HASURA_GRAPHQL_SERVER_HOST:-0.0.0.0}",
            description = "Interface to listen on (HASURA_GRAPHQL_SERVER_HOST). Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = {"--server-port", "--port"}, defaultValue = "${env:HASURA_GRAPHQL_SERVER_PORT:-8080}",
            description = "Port to listen on (HASURA_GRAPHQL_SERVER_PORT). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--database-url", defaultValue = "${env:HASURA_GRAPHQL_DATABASE_URL}",
            description = "PostgreSQL URL of the 'default' source and, unless --metadata-database-url, the metadata store (HASURA_GRAPHQL_DATABASE_URL). Without it an embedded PostgreSQL is started.")
    String databaseUrl;

    @Option(names = "--metadata-database-url", defaultValue = "${env:HASURA_GRAPHQL_METADATA_DATABASE_URL}",
            description = "PostgreSQL URL of the metadata store (HASURA_GRAPHQL_METADATA_DATABASE_URL).")
    String metadataDatabaseUrl;

    @Option(names = "--admin-secret", defaultValue = "${env:HASURA_GRAPHQL_ADMIN_SECRET}",
            description = "Admin secret required in x-hasura-admin-secret (HASURA_GRAPHQL_ADMIN_SECRET).")
    String adminSecret;

    @Option(names = "--admin-secrets", defaultValue = "${env:HASURA_GRAPHQL_ADMIN_SECRETS}",
            description = "Several admin secrets as a JSON list (HASURA_GRAPHQL_ADMIN_SECRETS).")
    String adminSecrets;

    @Option(names = "--unauthorized-role", defaultValue = "${env:HASURA_GRAPHQL_UNAUTHORIZED_ROLE}",
            description = "Role for requests without credentials (HASURA_GRAPHQL_UNAUTHORIZED_ROLE).")
    String unauthorizedRole;

    @Option(names = "--data-dir", defaultValue = "${env:JUNCTION_DATA_DIR:-${sys:user.home}/.junction}",
            description = "Where the embedded PostgreSQL keeps its data (JUNCTION_DATA_DIR). Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--pg-connections", defaultValue = "${env:HASURA_GRAPHQL_PG_CONNECTIONS:-16}",
            description = "Connections per source pool (HASURA_GRAPHQL_PG_CONNECTIONS). Default: ${DEFAULT-VALUE}")
    int pgConnections;

    @Option(names = "--max-body-bytes", defaultValue = "${env:JUNCTION_MAX_BODY_BYTES:-33554432}",
            description = "Largest request body accepted (JUNCTION_MAX_BODY_BYTES). Default: ${DEFAULT-VALUE}")
    long maxBodyBytes;

    @Option(names = "--schema-sync-poll-interval", defaultValue = "${env:HASURA_GRAPHQL_SCHEMA_SYNC_POLL_INTERVAL:-500}",
            description = "Milliseconds between checks for metadata changed by other instances (HASURA_GRAPHQL_SCHEMA_SYNC_POLL_INTERVAL). Default: ${DEFAULT-VALUE}")
    long pollMillis;

    @Option(names = "--dev-mode", defaultValue = "${env:HASURA_GRAPHQL_DEV_MODE:-false}",
            description = "Include internal error details for every role (HASURA_GRAPHQL_DEV_MODE).")
    boolean devMode;

    @Option(names = "--admin-internal-errors", defaultValue = "${env:HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS:-true}",
            description = "Include internal error details for admin requests (HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS). Default: ${DEFAULT-VALUE}")
    boolean adminInternalErrors;

    @Option(names = "--remote-max-connections", defaultValue = "${env:JUNCTION_REMOTE_MAX_CONNECTIONS:-64}",
            description = "Requests in flight to one remote schema at once; more wait within its timeout (JUNCTION_REMOTE_MAX_CONNECTIONS). Default: ${DEFAULT-VALUE}")
    int remoteMaxConnections;

    @Option(names = "--remote-max-response-bytes", defaultValue = "${env:JUNCTION_REMOTE_MAX_RESPONSE_BYTES:-104857600}",
            description = "Largest answer read from a remote schema; a larger one fails the call (JUNCTION_REMOTE_MAX_RESPONSE_BYTES). Default: ${DEFAULT-VALUE}")
    long remoteMaxResponseBytes;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        EmbeddedDatabase embedded = null;
        Optional<String> database = blankToEmpty(databaseUrl);
        if (database.isEmpty() && blankToEmpty(metadataDatabaseUrl).isEmpty()) {
            System.out.println("No database URL given: starting embedded PostgreSQL in " + dataDir.resolve("pgdata"));
            embedded = EmbeddedDatabase.start(dataDir.resolve("pgdata"));
            database = Optional.of(embedded.url("postgres"));
        }
        ServerConfig config = new ServerConfig(host, port, database, blankToEmpty(metadataDatabaseUrl), secrets(),
                blankToEmpty(unauthorizedRole), maxBodyBytes, pollMillis, pgConnections, adminInternalErrors, devMode,
                Env.system(), new RemoteLimits(remoteMaxConnections, remoteMaxResponseBytes));
        Engine engine = Engine.start(config);
        System.out.printf("Junction is serving on http://%s:%d (GraphQL at /v1/graphql, metadata at /v1/metadata), started in %d ms%n",
                host, engine.port(), (System.nanoTime() - started) / 1_000_000);
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedDatabase database0 = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            if (database0 != null) {
                try {
                    database0.close();
                } catch (Exception e) {
                    System.err.println("could not stop embedded PostgreSQL: " + e.getMessage());
                }
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
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
