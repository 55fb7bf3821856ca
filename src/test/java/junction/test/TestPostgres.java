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
                        // each test JVM's cluster is ~250 MB: left behind, a day of test runs fills the disk
                        try (var files = Files.walk(dir)) {
                            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                        }
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
