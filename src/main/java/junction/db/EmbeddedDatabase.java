package junction.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-install default: a real PostgreSQL started from binaries on the class path, with its
 * data kept in a directory that survives restarts, on a port that stays the same across them.
 * Watched while it runs: a server that dies is started again on the same directory and port.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** The port of {@code junction serve}'s embedded server unless told otherwise: not PostgreSQL's 5432, to not meet a local one. */
    public static final int DEFAULT_PORT = 15432;

    private static final long WATCH_MILLIS = 200;

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

    private final Path dataDirectory;
    private final int port;
    private final Durability durability;
    private final Object lifecycle = new Object();
    private volatile EmbeddedPostgres postgres;
    private volatile long postmasterPid;
    private volatile boolean closed;
    private final Thread watcher;

    private EmbeddedDatabase(Path dataDirectory, int port, Durability durability) throws IOException {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.durability = durability;
        this.postgres = launch();
        this.watcher = Thread.ofPlatform().daemon().name("embedded-postgres-watch").start(this::watch);
    }

    /** Starts (initialising it when new) the database in {@code dataDirectory}, durable, on a free port. */
    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        return start(dataDirectory, 0, Durability.DURABLE);
    }

    public static EmbeddedDatabase start(Path dataDirectory, Durability durability) throws IOException {
        return start(dataDirectory, 0, durability);
    }

    /**
     * Starts the database in {@code dataDirectory} on {@code port} (0: any free one). A postmaster
     * left running on this directory by an engine that was killed is stopped first; a port another
     * program holds is refused with a message naming it.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Durability durability) throws IOException {
        Files.createDirectories(dataDirectory);
        Path directory = dataDirectory.toAbsolutePath().normalize();
        OrphanPostmaster.stop(directory);
        int chosen = port == 0 ? freePort() : port;
        if (port != 0) {
            ensureFree(port);
        }
        return new EmbeddedDatabase(directory, chosen, durability);
    }

    /** A {@code postgres://} URL for the given database of this server. */
    public String url(String database) {
        return "postgres://postgres:postgres@localhost:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** The process id of the running postmaster (changes when it is restarted). */
    public long pid() {
        return postmasterPid;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        watcher.interrupt();
        synchronized (lifecycle) {
            postgres.close();
        }
    }

    private EmbeddedPostgres launch() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port);
        SETTINGS.forEach(builder::setServerConfig);
        // the library starts postgres with -F (fsync off); a later -c fsync=on wins
        durability.settings.forEach(builder::setServerConfig);
        EmbeddedPostgres started = builder.start();
        var pid = PostmasterPid.read(dataDirectory).filter(p -> p.port() == port && p.running());
        if (pid.isEmpty()) { // the library found some server on the port, but not ours
            started.close();
            throw new IOException("PostgreSQL did not start in " + dataDirectory + " on port " + port);
        }
        postmasterPid = pid.get().pid();
        return started;
    }

    /** Polls the postmaster; when it is gone (killed, crashed) while not closing, starts it again. */
    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(WATCH_MILLIS);
                if (!closed && ProcessHandle.of(postmasterPid).filter(PostmasterPid::live).isEmpty()) {
                    restart();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void restart() throws InterruptedException {
        long dead = postmasterPid;
        LOG.warn("embedded PostgreSQL (pid {}) has stopped; restarting it on port {} with data in {}", dead, port, dataDirectory);
        long started = System.nanoTime();
        for (long backoff = 250; !closed; backoff = Math.min(backoff * 2, 5_000)) {
            synchronized (lifecycle) {
                if (closed) {
                    return;
                }
                try {
                    discardDeadServer(dead);
                    postgres = launch();
                    LOG.warn("embedded PostgreSQL restarted (pid {}) in {} ms", postmasterPid, (System.nanoTime() - started) / 1_000_000);
                    return;
                } catch (IOException | RuntimeException e) {
                    LOG.warn("embedded PostgreSQL did not restart yet ({}); trying again in {} ms", e.getMessage(), backoff);
                }
            }
            Thread.sleep(backoff);
        }
    }

    /**
     * Lets go of the dead server: the lock files naming it ({@link PostmasterPid#clearAfterExit}) and
     * the library's lock on the directory.
     */
    private void discardDeadServer(long dead) throws IOException {
        PostmasterPid.clearAfterExit(dataDirectory, dead);
        try {
            postgres.close(); // releases the library's lock; its pg_ctl stop finds nothing to stop
        } catch (IOException | RuntimeException e) {
            // nothing was running
        }
        // a start that failed half-way leaves this JVM holding the lock file: a new file is a new lock
        Files.deleteIfExists(dataDirectory.resolve("epg-lock"));
    }

    private static void ensureFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IOException("port " + port + " for the embedded PostgreSQL is already in use by another program;"
                    + " choose another with --pg-port or JUNCTION_PG_PORT");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
