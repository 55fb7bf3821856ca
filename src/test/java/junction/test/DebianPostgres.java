package junction.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 cluster of Debian's packages ({@code postgresql-15}, with its {@code pg_dump}),
 * for what the embedded PostgreSQL 17 cannot do. The packages are installed with {@code apt-get}
 * when missing (CI runs as root on Debian); a cluster is created in a temporary directory and
 * started on an ephemeral loopback port — as the {@code postgres} OS user when running as root,
 * since PostgreSQL refuses to run as root — and stopped by {@link #close()}. Without the packages
 * and no way to install them the fixture fails with what to do: a test using it never passes
 * silently without it.
 */
public final class DebianPostgres implements AutoCloseable {
    public static final int MAJOR = 15;
    public static final Path BIN = Path.of("/usr/lib/postgresql/" + MAJOR + "/bin");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path directory;
    private final int port;

    private DebianPostgres(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** A new cluster, started; {@link #close()} stops it and removes its files. */
    public static DebianPostgres start() {
        ensureInstalled();
        try {
            Path directory = Files.createTempDirectory("junction-debian-pg");
            Path data = directory.resolve("data");
            if (ROOT) {
                run(List.of("chown", "postgres:postgres", directory.toString()));
            }
            run(asPostgres(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--no-locale"));
            int port = freePort();
            run(asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", directory.resolve("log").toString(), "-w",
                    "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory + " -c fsync=off",
                    "start"));
            DebianPostgres pg = new DebianPostgres(directory, port);
            Runtime.getRuntime().addShutdownHook(new Thread(pg::stop));
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException("could not create the PostgreSQL " + MAJOR + " cluster: " + e.getMessage(), e);
        }
    }

    /**
     * A new cluster whose databases can {@code create extension postgis}: Debian's
     * {@code postgresql-15-postgis-3}, installed when missing, as the server itself is.
     */
    public static DebianPostgres startWithPostgis() {
        ensureInstalled();
        String postgis = "postgresql-" + MAJOR + "-postgis-3";
        if (!DebianPackages.installed(postgis)) {
            long start = System.nanoTime();
            DebianPackages.ensure(postgis);
            System.err.printf("installed %s with apt-get in %.1f s%n", postgis, (System.nanoTime() - start) / 1e9);
        }
        return start();
    }

    public int port() {
        return port;
    }

    /** Creates a database and returns its {@code postgres://} URL. */
    public String newDatabase(String name) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("create database \"" + name + "\"");
        } catch (Exception e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return url(name);
    }

    public String url(String database) {
        return "postgres://postgres@127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void stop() {
        Path data = directory.resolve("data");
        if (!Files.isDirectory(data)) {
            return;
        }
        run(asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
        run(List.of("rm", "-rf", directory.toString()));
    }

    /** Debian's postgresql-15 (its pg_dump and initdb), installed when missing. */
    private static void ensureInstalled() {
        if (Files.isExecutable(BIN.resolve("pg_dump")) && Files.isExecutable(BIN.resolve("initdb"))) {
            return;
        }
        long start = System.nanoTime();
        DebianPackages.ensure("postgresql-" + MAJOR);
        System.err.printf("installed postgresql-%d with apt-get in %.1f s%n", MAJOR, (System.nanoTime() - start) / 1e9);
    }

    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) {
        Commands.run(command);
    }
}
