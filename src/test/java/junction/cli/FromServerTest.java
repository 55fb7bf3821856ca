package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import junction.test.DebianPostgres;
import junction.test.EngineFixture;
import junction.test.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate create --from-server} and {@code seed create --from-table} through the engine's
 * {@code /v1alpha1/pg_dump}, on a source of Debian's PostgreSQL 15; what they write applies on an
 * empty database ({@code copy}) through run_sql.
 */
class FromServerTest {
    static DebianPostgres pg;
    static EngineFixture f;

    @TempDir
    Path project;

    @BeforeAll
    static void start() {
        pg = DebianPostgres.start();
        String url = pg.newDatabase("library");
        TestPostgres.sql(url, "create table book (id serial primary key, title text not null default 'untitled');"
                + "create function shout(b book) returns text language sql stable as $$ select upper(b.title) $$;"
                + "insert into book (title) values ('Dune'), ('it''s');"
                + "create schema other; create table other.note (id int);");
        f = EngineFixture.start("fromserver");
        for (String[] source : new String[][] {{"deb", url}, {"copy", pg.newDatabase("copy")}}) {
            f.metadataOk("{\"type\": \"pg_add_source\", \"args\": {\"name\": \"" + source[0] + "\", \"configuration\": "
                    + "{\"connection_info\": {\"database_url\": \"" + source[1] + "\"}}}}");
        }
    }

    @AfterAll
    static void stop() {
        f.close();
        pg.close();
    }

    CliRun junction(String... args) {
        return CliRun.of(Stream.concat(Stream.of(args),
                Stream.of("--endpoint", "http://localhost:" + f.engine.port(), "--project", project.toString())).toArray(String[]::new));
    }

    static Path only(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> all = entries.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    @Test
    void migrateCreateFromServerWritesTheSchemaDumpAsUpSqlThatAppliesOnAnEmptyDatabase() throws IOException {
        junction("migrate", "create", "init", "--from-server", "--database-name", "deb").ok();

        Path migration = only(project.resolve("migrations/deb"));
        String up = Files.readString(migration.resolve("up.sql"));
        assertThat(up).contains("CREATE TABLE public.book (\n    id integer NOT NULL,\n    title text DEFAULT 'untitled'::text NOT NULL\n);\n")
                .contains("CREATE FUNCTION public.shout(b public.book) RETURNS text")
                .doesNotContain("--").doesNotContain("other.note").doesNotContain("OWNER TO").doesNotContain("INSERT");
        assertThat(migration.resolve("down.sql")).doesNotExist();

        Files.createDirectories(project.resolve("migrations/copy"));
        Files.move(migration, project.resolve("migrations/copy").resolve(migration.getFileName()));
        junction("migrate", "apply", "--database-name", "copy").ok();
        assertThat(f.runSqlWith("{\"source\": \"copy\", \"sql\": \"insert into book default values returning shout(book)\"}")
                .json().at("/result/1/0").asText()).isEqualTo("UNTITLED");
    }

    @Test
    void theSchemasToDumpAreChosenWithSchema() throws IOException {
        junction("migrate", "create", "notes", "--from-server", "--schema", "other", "--database-name", "deb").ok();

        String up = Files.readString(only(project.resolve("migrations/deb")).resolve("up.sql"));
        assertThat(up).contains("CREATE SCHEMA other;").contains("CREATE TABLE other.note").doesNotContain("public.book");
    }

    @Test
    void seedCreateFromTableWritesPgDumpsColumnInserts() throws IOException {
        CliRun run = junction("seed", "create", "books", "--from-table", "book", "--database-name", "deb").ok();

        assertThat(run.err()).isEmpty();
        String seed = Files.readString(only(project.resolve("seeds/deb")));
        // Hasura's clean_output keeps this SET (its list of preamble lines no longer holds it)
        assertThat(seed).isEqualTo("SET check_function_bodies = false;\n"
                + "INSERT INTO public.book (id, title) VALUES (1, 'Dune');\n"
                + "INSERT INTO public.book (id, title) VALUES (2, 'it''s');\n"
                + "SELECT pg_catalog.setval('public.book_id_seq', 2, true);\n");
        CliRun missing = junction("seed", "create", "none", "--from-table", "no_such_table", "--database-name", "deb");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("error while executing pg_dump").contains("no matching tables were found");
    }
}
