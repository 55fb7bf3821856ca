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
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedDatabase server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("junction-test-pg");
                server = EmbeddedDatabase.start(dir.resolve("pgdata"), EmbeddedDatabase.Durability.FAST);
                EmbeddedDatabase started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                        deleteTree(dir); // ~1 GB after a full run: a machine running the suite often must not fill up
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("could not start embedded PostgreSQL", e);
            }
        }
        return server;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
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
