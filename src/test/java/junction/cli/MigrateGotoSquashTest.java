package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate apply --goto}, {@code --all-databases} (apply, status, delete) and {@code migrate squash}, over HTTP. */
class MigrateGotoSquashTest {
    static EngineFixture f;
    static String otherUrl;

    @TempDir
    Path project;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("cligoto");
        otherUrl = TestPostgres.newDatabase("cligoto_other");
        f.metadataOk("{\"type\": \"pg_add_source\", \"args\": {\"name\": \"other\", \"configuration\": {\"connection_info\": "
                + "{\"database_url\": \"" + otherUrl + "\"}}}}");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void clearState() {
        f.metadataOk("{\"type\": \"set_catalog_state\", \"args\": {\"type\": \"cli\", \"state\": {}}}");
    }

    CliRun junction(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", "http://localhost:" + f.engine.port(), "--project", project.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    CliRun ok(String... args) {
        return junction(args).ok();
    }

    void migration(String database, long version, String name, String up, String down) throws IOException {
        Path dir = Files.createDirectories(project.resolve("migrations/" + database + "/" + version + "_" + name));
        Files.writeString(dir.resolve("up.sql"), up);
        Files.writeString(dir.resolve("down.sql"), down);
    }

    JsonNode applied() {
        return f.metadataOk("{\"type\": \"get_catalog_state\", \"args\": {}}").at("/cli_state/migrations");
    }

    boolean exists(String source, String table) {
        return f.runSqlWith("{\"source\": \"" + source + "\", \"sql\": \"select (to_regclass('" + table + "') is not null)::text\"}")
                .json().at("/result/1/0").asText().equals("true");
    }

    void threeMigrations() throws IOException {
        migration("default", 100, "g_a", "create table g_a (id int);", "drop table g_a;");
        migration("default", 200, "g_b", "create table g_b (id int);", "drop table g_b;");
        migration("default", 300, "g_c", "create table g_c (id int);", "drop table g_c;");
    }

    @Test
    void gotoMovesUpThenDownToTheVersionGiven() throws IOException {
        threeMigrations();

        assertThat(ok("migrate", "apply", "--goto", "200").out()).isEqualTo("applied migrations/default/100_g_a/up.sql\n"
                + "applied migrations/default/200_g_b/up.sql\nmigrations applied on database default\n");
        assertThat(exists("default", "g_b")).isTrue();
        assertThat(exists("default", "g_c")).isFalse();

        ok("migrate", "apply");
        assertThat(ok("migrate", "apply", "--goto", "100").out()).isEqualTo("rolled back migrations/default/300_g_c/down.sql\n"
                + "rolled back migrations/default/200_g_b/down.sql\nmigrations applied on database default\n");
        assertThat(exists("default", "g_a")).isTrue();
        assertThat(exists("default", "g_b")).isFalse();
        assertThat(applied().path("default")).isEqualTo(Json.parse("{\"100\": false}"));

        CliRun unknown = junction("migrate", "apply", "--goto", "150");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no migration of version 150 in migrations/default");
        assertThat(junction("migrate", "apply", "--goto", "100", "--up", "1").err()).contains("only one migration type");
        ok("migrate", "apply", "--down", "all");
    }

    @Test
    void allDatabasesAppliesListsAndDeletesOnEveryDatabaseOfTheServer() throws IOException {
        migration("default", 100, "d_one", "create table d_one (id int);", "drop table d_one;");
        migration("other", 110, "o_one", "create table o_one (id int);", "drop table o_one;");

        CliRun apply = ok("migrate", "apply", "--all-databases");

        assertThat(apply.out()).isEqualTo("applied migrations/default/100_d_one/up.sql\nmigrations applied on database default\n"
                + "applied migrations/other/110_o_one/up.sql\nmigrations applied on database other\n");
        assertThat(exists("other", "o_one")).isTrue();
        assertThat(exists("default", "o_one")).isFalse();
        assertThat(applied()).isEqualTo(Json.parse("{\"default\": {\"100\": false}, \"other\": {\"110\": false}}"));
        assertThat(ok("migrate", "status", "--all-databases").out()).isEqualTo("Database: default\n"
                + "VERSION  NAME   SOURCE STATUS  DATABASE STATUS\n100      d_one  Present        Present\n"
                + "Database: other\n"
                + "VERSION  NAME   SOURCE STATUS  DATABASE STATUS\n110      o_one  Present        Present\n");
        assertThat(Json.parse(ok("migrate", "status", "--all-databases", "-o", "json").out()).path("other").get(0).path("version").asLong())
                .isEqualTo(110);

        ok("migrate", "apply", "--all-databases", "--down", "all");
        assertThat(exists("other", "o_one")).isFalse();
        ok("migrate", "delete", "--all", "--all-databases", "--server");
        assertThat(project.resolve("migrations/other/110_o_one")).isDirectory();
        ok("migrate", "apply", "--all-databases", "--skip-execution");
        ok("migrate", "delete", "--all", "--all-databases");
        assertThat(project.resolve("migrations/other/110_o_one")).doesNotExist();
        assertThat(applied()).isEqualTo(Json.parse("{\"default\": {}, \"other\": {}}"));
    }

    @Test
    void squashMakesOneMigrationWithTheLastVersionAndDeleteSourceForgetsTheOthers() throws IOException {
        threeMigrations();
        migration("default", 400, "g_d", "create table g_d (id int);", "drop table g_d;");
        ok("migrate", "apply", "--goto", "300");

        CliRun squash = ok("migrate", "squash", "--from", "200", "--to", "300", "--name", "b_and_c");

        assertThat(squash.out()).startsWith("Created '300_b_and_c' after squashing '200' till '300'\n");
        Path created = project.resolve("migrations/default/300_b_and_c");
        assertThat(Files.readString(created.resolve("up.sql"))).isEqualTo("\ncreate table g_b (id int);\ncreate table g_c (id int);");
        assertThat(Files.readString(created.resolve("down.sql"))).isEqualTo("\ndrop table g_c;\ndrop table g_b;");
        assertThat(project.resolve("migrations/default/squashed_200_to_300/200_g_b/up.sql")).exists();
        assertThat(project.resolve("migrations/default/200_g_b")).doesNotExist();
        assertThat(applied().path("default")).isEqualTo(Json.parse("{\"100\": false, \"200\": false, \"300\": false}"));

        ok("migrate", "apply");
        ok("migrate", "squash", "--from", "100", "--delete-source");

        assertThat(Files.readString(project.resolve("migrations/default/400_squashed/up.sql")))
                .isEqualTo("\ncreate table g_a (id int);\n\ncreate table g_b (id int);\ncreate table g_c (id int);\ncreate table g_d (id int);");
        assertThat(project.resolve("migrations/default/squashed_100_to_400")).doesNotExist();
        assertThat(project.resolve("migrations/default/100_g_a")).doesNotExist();
        // 200 was squashed without --delete-source: as with Hasura's CLI, the server still lists it
        assertThat(applied().path("default")).isEqualTo(Json.parse("{\"200\": false, \"400\": false}"));
        assertThat(ok("migrate", "status").out()).contains("200                Not Present    Present\n")
                .contains("400      squashed  Present        Present\n");
        ok("migrate", "delete", "--version", "200", "--server");
        ok("migrate", "apply", "--down", "all");
        assertThat(exists("default", "g_a")).isFalse();
    }

    @Test
    void squashRefusesMigrationsOutOfSync() throws IOException {
        threeMigrations();
        ok("migrate", "apply", "--goto", "200");

        CliRun run = junction("migrate", "squash", "--from", "100");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("out of sync").contains("300");
        assertThat(project.resolve("migrations/default/100_g_a")).isDirectory();
        ok("migrate", "apply", "--down", "all");
    }
}
