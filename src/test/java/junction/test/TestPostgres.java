package junction.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import junction.db.EmbeddedDatabase;

/** One embedded PostgreSQL per test JVM; each test class gets a fresh database of its own. */
public final class TestPostgres {
    private static final String PREFIX = "junction-test-pg";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedDatabase server() {
        if (server == null) {
            try {
                sweepLeftovers();
                Path dir = Files.createTempDirectory(PREFIX);
                server = EmbeddedDatabase.start(dir.resolve("pgdata"), EmbeddedDatabase.Durability.FAST);
                EmbeddedDatabase started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (Exception ignored) {
                        // the JVM is going away; the directory goes all the same
                    }
                    deleteQuietly(dir); // ~1 GB after a full run: a machine running the suite often must not fill up
                }));
            } catch (Exception e) {
                throw new IllegalStateException("could not start embedded PostgreSQL", e);
            }
        }
        return server;
    }

    /**
     * The directories earlier test JVMs left (killed before their shutdown hook ended): those whose
     * postmaster is not running and that nothing touched for 10 minutes.
     */
    private static void sweepLeftovers() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (java.util.stream.Stream<Path> dirs = Files.list(tmp)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX)).toList()) {
                if (!running(dir.resolve("pgdata/postmaster.pid"))
                        && Files.getLastModifiedTime(dir.resolve("pgdata").toFile().exists() ? dir.resolve("pgdata") : dir)
                                .toMillis() < System.currentTimeMillis() - 600_000) {
                    deleteQuietly(dir);
                }
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // a leftover stays: the next run tries again
        }
    }

    private static boolean running(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // what cannot be deleted now is swept by a later run
        }
    }

    /** Creates a new empty database and returns its {@code postgres://} URL. */
    public static String newDatabase(String hint) {
        String name = ("t" + COUNTER.incrementAndGet() + "_" + hint).toLowerCase().replaceAll("[^a-z0-9_]", "_");
        if (name.length() > 60) {
            name = name.substring(0, 60);
        }
        EmbeddedDatabase pg = server();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.port() + "/postgres", "postgres", "postgres");
             Statement st = c.createStatement()) {
            st.execute("create database \"" + name + "\" template template0");
        } catch (Exception e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return pg.url(name);
    }

    /** Runs SQL directly against a database, bypassing the engine. */
    public static void sql(String url, String sql) {
        try (Connection c = DriverManager.getConnection(junction.db.ConnectionUrl.toJdbc(url)); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
