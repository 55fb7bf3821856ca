package junction.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The zero-install default: a real PostgreSQL started from binaries on the class path, with its
 * data kept in a directory that survives restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /**
     * How much a commit is worth. {@code DURABLE} is PostgreSQL's own default, for users' data: a
     * commit answered is on disk. {@code FAST} is for tests only: commits answered before their WAL
     * is flushed (the embedded library's default), so a crash loses the last of them.
     */
    public enum Durability {
        DURABLE(Map.of("synchronous_commit", "on", "fsync", "on", "full_page_writes", "on")),
        FAST(Map.of("synchronous_commit", "off", "fsync", "on"));

        private final Map<String, String> settings;

        Durability(Map<String, String> settings) {
            this.settings = settings;
        }
    }

    /**
     * Server settings whatever the durability. {@code jit=off}: with it, a first query with 100
     * aliases on a table never analyzed took seconds to compile (PostgreSQL's estimate of a huge row
     * count crosses {@code jit_above_cost}) against a tenth of a second without; the statements the
     * engine sends are short, plan-cached, and gain nothing from it.
     */
    private static final Map<String, String> SETTINGS = Map.of("max_connections", "300", "jit", "off");

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (initialising it when new) the database in {@code dataDirectory}, durable. */
    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        return start(dataDirectory, Durability.DURABLE);
    }

    public static EmbeddedDatabase start(Path dataDirectory, Durability durability) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(freePort());
        SETTINGS.forEach(builder::setServerConfig);
        // the library starts postgres with -F (fsync off); a later -c fsync=on wins
        durability.settings.forEach(builder::setServerConfig);
        return new EmbeddedDatabase(builder.start());
    }

    /** A {@code postgres://} URL for the given database of this server. */
    public String url(String database) {
        return "postgres://postgres:postgres@localhost:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
