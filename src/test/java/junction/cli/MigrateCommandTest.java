package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import junction.json.Json;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code junction migrate|seed} run in-process against an engine over HTTP: files on disk, SQL
 * through run_sql, applied versions in the catalog state where Hasura's CLI keeps them.
 */
class MigrateCommandTest {
    static EngineFixture f;

    @TempDir
    Path project;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("climigrate");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    CliRun junction(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", "http://localhost:" + f.engine.port(), "--project", project.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    CliRun ok(String... args) {
        return junction(args).ok();
    }

    long create(String name, String up, String down) {
        return Json.parse(ok("migrate", "create", name, "--up-sql", up, "--down-sql", down, "-o", "json").out().trim())
                .path("version").asLong();
    }

    boolean tableExists(String table) {
        return f.runSqlOk("select (to_regclass('" + table + "') is not null)::text").at("/result/1/0").asText().equals("true");
    }

    JsonNode cliState() {
        return f.metadataOk("{\"type\": \"get_catalog_state\", \"args\": {}}").path("cli_state");
    }

    void clearState() {
        f.metadataOk("{\"type\": \"set_catalog_state\", \"args\": {\"type\": \"cli\", \"state\": {}}}");
    }

    @Test
    void createApplyStatusDownStatus() throws IOException {
        clearState();
        long first = create("create_m_authors", "create table m_authors (id int primary key);", "drop table m_authors;");
        long second = create("create_m_books", "create table m_books (id int primary key, author_id int references m_authors(id));",
                "drop table m_books;");

        Path dir = project.resolve("migrations/default/" + first + "_create_m_authors");
        assertThat(Files.readString(dir.resolve("up.sql"))).isEqualTo("create table m_authors (id int primary key);");
        assertThat(Files.readString(dir.resolve("down.sql"))).isEqualTo("drop table m_authors;");
        assertThat(second).isGreaterThan(first);
        assertThat(Long.toString(first)).hasSize(13); // milliseconds, as Hasura's CLI names them

        CliRun status = ok("migrate", "status");
        assertThat(status.out()).isEqualTo("Database: default\n"
                + "VERSION        NAME              SOURCE STATUS  DATABASE STATUS\n"
                + first + "  create_m_authors  Present        Not Present\n"
                + second + "  create_m_books    Present        Not Present\n");

        CliRun apply = ok("migrate", "apply", "--database-name", "default");
        assertThat(apply.out()).isEqualTo("applied migrations/default/" + first + "_create_m_authors/up.sql\n"
                + "applied migrations/default/" + second + "_create_m_books/up.sql\n"
                + "migrations applied on database default\n");
        assertThat(tableExists("m_books")).isTrue();
        // where Hasura's CLI (v2, config v3) reads them
        assertThat(cliState().path("migrations")).isEqualTo(Json.parse(
                "{\"default\": {\"" + first + "\": false, \"" + second + "\": false}}"));
        assertThat(cliState().path("isStateCopyCompleted").asBoolean()).isTrue();
        assertThat(ok("migrate", "status", "-o", "json").out().trim()).isEqualTo(Json.write(Json.parse(
                "[{\"version\": " + first + ", \"name\": \"create_m_authors\", \"source_status\": \"Present\", \"database_status\": \"Present\"},"
                + "{\"version\": " + second + ", \"name\": \"create_m_books\", \"source_status\": \"Present\", \"database_status\": \"Present\"}]")));
        assertThat(ok("migrate", "apply").out()).isEqualTo("nothing to apply on database default\n");

        CliRun down = ok("migrate", "apply", "--down", "1");
        assertThat(down.out()).startsWith("rolled back migrations/default/" + second + "_create_m_books/down.sql\n");
        assertThat(tableExists("m_books")).isFalse();
        assertThat(tableExists("m_authors")).isTrue();
        assertThat(ok("migrate", "status").out()).contains(second + "  create_m_books    Present        Not Present\n")
                .contains(first + "  create_m_authors  Present        Present\n");

        ok("migrate", "apply", "--down", "all");
        assertThat(tableExists("m_authors")).isFalse();
        assertThat(cliState().path("migrations").path("default").size()).isZero();

        ok("migrate", "apply", "--up", "1");
        assertThat(tableExists("m_authors")).isTrue();
        assertThat(tableExists("m_books")).isFalse();
        ok("migrate", "apply", "--version", Long.toString(first), "--type", "down");
        assertThat(tableExists("m_authors")).isFalse();
    }

    @Test
    void skipExecutionOnlyRecordsTheVersionAndDeleteForgetsIt() {
        clearState();
        long version = create("skipped", "create table m_never (id int);", "drop table m_never;");

        CliRun run = ok("migrate", "apply", "--skip-execution", "--version", Long.toString(version));

        assertThat(run.out()).startsWith("applied migrations/default/" + version + "_skipped/up.sql (execution skipped)\n");
        assertThat(tableExists("m_never")).isFalse();
        assertThat(cliState().at("/migrations/default/" + version).asBoolean(true)).isFalse();

        ok("migrate", "delete", "--version", Long.toString(version), "--server");
        assertThat(cliState().path("migrations").path("default").has(Long.toString(version))).isFalse();
        assertThat(project.resolve("migrations/default/" + version + "_skipped")).isDirectory();
        ok("migrate", "delete", "--all");
        assertThat(project.resolve("migrations/default/" + version + "_skipped")).doesNotExist();
    }

    @Test
    void aFailingMigrationStopsWithItsFileAndTheSqlErrorAndLeavesNothingOfItApplied() {
        clearState();
        long good = create("good", "create table m_good (id int);", "drop table m_good;");
        long bad = create("bad", "create table m_half (id int);\ninsert into m_nope values (1);", "drop table m_half;");
        long after = create("after", "create table m_after (id int);", "drop table m_after;");

        CliRun run = junction("migrate", "apply");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("applied migrations/default/" + good + "_good/up.sql\n");
        assertThat(run.err()).isEqualTo("junction: migrations/default/" + bad + "_bad/up.sql failed: query execution failed: "
                + "relation \"m_nope\" does not exist; rolled back, nothing of it was applied "
                + "(the 1 migration before it stay applied) (postgres-error)\n");
        assertThat(tableExists("m_half")).isFalse();
        assertThat(tableExists("m_after")).isFalse();
        assertThat(cliState().path("migrations").path("default")).isEqualTo(Json.parse("{\"" + good + "\": false}"));
        ok("migrate", "apply", "--down", "all");
        ok("migrate", "delete", "--all");
        assertThat(after).isGreaterThan(bad);
    }

    @Test
    void dollarQuotedFunctionBodiesRunAsWritten() {
        clearState();
        create("fn", """
                create function m_greet(who text) returns text language plpgsql as $$
                begin
                  return 'hello; ' || who;
                end;
                $$;
                """, "drop function m_greet(text);");

        ok("migrate", "apply");

        assertThat(f.runSqlOk("select m_greet('you')").at("/result/1/0").asText()).isEqualTo("hello; you");
        ok("migrate", "apply", "--down", "all");
        ok("migrate", "delete", "--all");
    }

    @Test
    void seedsFromATableApplyBackInOneTransaction() throws IOException {
        f.runSqlOk("create table m_seeded (id int primary key, name text, tags jsonb); "
                + "insert into m_seeded values (1, 'it''s', '{\"a\": 1}'), (2, null, null);");

        // the embedded PostgreSQL 17 has no pg_dump of its version here: Junction's own INSERTs, and a note
        assertThat(ok("seed", "create", "rows", "--from-table", "m_seeded").err()).startsWith("note: the engine cannot run pg_dump (no pg_dump of PostgreSQL 17");
        Path file;
        try (Stream<Path> files = Files.list(project.resolve("seeds/default"))) {
            file = files.findFirst().orElseThrow();
        }
        assertThat(file.getFileName().toString()).matches("[0-9]{13}_rows\\.sql");
        assertThat(Files.readString(file)).isEqualTo(
                "INSERT INTO \"public\".\"m_seeded\" (id, name, tags) VALUES ('1', 'it''s', '{\"a\": 1}');\n"
                + "INSERT INTO \"public\".\"m_seeded\" (id, name, tags) VALUES ('2', NULL, NULL);\n");
        f.runSqlOk("delete from m_seeded");

        CliRun apply = ok("seed", "apply");

        assertThat(apply.out()).isEqualTo("applied seeds/default/" + file.getFileName() + "\nSeeds planted\n");
        assertThat(f.runSqlOk("select count(*)::text from m_seeded").at("/result/1/0").asText()).isEqualTo("2");
        Files.writeString(project.resolve("seeds/default/9999999999999_broken.sql"), "insert into m_seeded values (3); select 1/0;");
        CliRun broken = junction("seed", "apply");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).contains("seeds failed").contains("rolled back, no seed was applied");
        assertThat(f.runSqlOk("select count(*)::text from m_seeded").at("/result/1/0").asText()).isEqualTo("2");
    }

    @Test
    void versionsHasuraCliRecordedAreSeenAsApplied() {
        long version = create("from_hasura", "create table m_h (id int);", "drop table m_h;");
        f.metadataOk("{\"type\": \"set_catalog_state\", \"args\": {\"type\": \"cli\", \"state\": "
                + "{\"migrations\": {\"default\": {\"" + version + "\": false}}, \"settings\": {\"migration_mode\": \"true\"}, "
                + "\"isStateCopyCompleted\": true}}}");

        assertThat(ok("migrate", "status").out()).contains(version + "  from_hasura  Present        Present\n");
        assertThat(ok("migrate", "apply").out()).isEqualTo("nothing to apply on database default\n");
        ok("migrate", "delete", "--all");
    }

    @Test
    void versionsAnOlderHasuraCliKeptInSchemaMigrationsAreTakenOver() {
        clearState();
        long version = create("legacy", "create table m_legacy (id int);", "drop table m_legacy;");
        f.runSqlOk("create table hdb_catalog.schema_migrations (version bigint not null primary key, dirty boolean not null); "
                + "insert into hdb_catalog.schema_migrations values (" + version + ", false);");
        try {
            assertThat(ok("migrate", "status").out()).contains(version + "  legacy  Present        Present\n");
            assertThat(ok("migrate", "apply").out()).isEqualTo("nothing to apply on database default\n");
            ok("migrate", "delete", "--version", Long.toString(version), "--server");

            assertThat(cliState().path("isStateCopyCompleted").asBoolean()).isTrue();
            assertThat(ok("migrate", "status").out()).contains(version + "  legacy  Present        Not Present\n");
        } finally {
            f.runSqlOk("drop table hdb_catalog.schema_migrations");
            ok("migrate", "delete", "--all");
        }
    }
}
