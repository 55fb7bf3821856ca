package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import junction.server.ProjectSettings;
import junction.test.EngineFixture;
import junction.test.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --metadata-dir --migrations-dir}: the engine started in-process as {@code serve} starts
 * it, a Hasura project applied before it serves; a broken or inconsistent project refuses the start.
 */
class ServeMetadataDirTest {
    @TempDir
    Path project;

    Path metadata;
    Path migrations;

    @BeforeEach
    void project() throws IOException {
        metadata = project.resolve("metadata");
        migrations = project.resolve("migrations");
        Path source = Path.of("src/test/resources/hasura-project/metadata");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = metadata.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        migration("1700000000000_authors", "create table author (id serial primary key, name text not null);\n"
                + "insert into author (name) values ('Ada'), ('Grace');");
        migration("1700000000001_articles", "create table article (id serial primary key, title text not null,\n"
                + "  is_published boolean not null default true, author_id int not null references author (id));\n"
                + "insert into article (title, author_id) values ('Notes', 1);");
    }

    void migration(String name, String up) throws IOException {
        Path dir = Files.createDirectories(migrations.resolve("default").resolve(name));
        Files.writeString(dir.resolve("up.sql"), up, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("down.sql"), "", StandardCharsets.UTF_8);
    }

    EngineFixture serve(String databaseUrl, boolean allowInconsistent, ByteArrayOutputStream log) {
        ProjectSettings settings = new ProjectSettings(Optional.of(metadata), Optional.of(migrations), allowInconsistent);
        return EngineFixture.on(databaseUrl, c -> c.toBuilder().project(settings).logSink(log).build(), ServeCommand::start);
    }

    EngineFixture serve(String databaseUrl) {
        return serve(databaseUrl, false, new ByteArrayOutputStream());
    }

    static String refusal(Runnable start) {
        Throwable thrown = null;
        try {
            start.run();
        } catch (RuntimeException e) {
            thrown = e.getCause() != null ? e.getCause() : e;
        }
        assertThat(thrown).as("the start was refused").isNotNull();
        return thrown.getMessage();
    }

    @Test
    void migrationsThenMetadataAreAppliedBeforeServingAndNothingTwice() {
        String url = TestPostgres.newDatabase("servedir");
        try (EngineFixture f = serve(url)) {
            assertThat(f.gql("{ author(order_by: {id: asc}) { name articles { title } } }").toString())
                    .isEqualTo("{\"data\":{\"author\":[{\"name\":\"Ada\",\"articles\":[{\"title\":\"Notes\"}]},"
                            + "{\"name\":\"Grace\",\"articles\":[]}]}}");
            assertThat(f.metadataOk("{\"type\": \"get_catalog_state\", \"args\": {}}").at("/cli_state/migrations/default").toString())
                    .isEqualTo("{\"1700000000000\":false,\"1700000000001\":false}");
        }
        // a second start: the migrations are recorded, none runs again (the inserts would double the rows)
        try (EngineFixture f = serve(url)) {
            assertThat(f.gql("{ author_aggregate { aggregate { count } } }").at("/data/author_aggregate/aggregate/count").asInt())
                    .isEqualTo(2);
        }
    }

    @Test
    void aNewMigrationIsAppliedAtTheNextStart() throws IOException {
        String url = TestPostgres.newDatabase("servedir");
        serve(url).close();
        migration("1700000000002_more", "insert into author (name) values ('Barbara');");
        try (EngineFixture f = serve(url)) {
            assertThat(f.gql("{ author_aggregate { aggregate { count } } }").at("/data/author_aggregate/aggregate/count").asInt())
                    .isEqualTo(3);
        }
    }

    @Test
    void aBrokenYamlFileRefusesTheStartWithItsFileAndLine() throws IOException {
        Files.writeString(metadata.resolve("databases/default/tables/public_author.yaml"),
                "table:\n  name: author\n  schema: [public\n", StandardCharsets.UTF_8);
        String message = refusal(() -> serve(TestPostgres.newDatabase("servedir")));
        assertThat(message).contains("public_author.yaml").containsPattern("line \\d+|:\\d+");
    }

    @Test
    void aPartTheEngineRefusesIsNamedByItsFileAndLine() throws IOException {
        Path article = metadata.resolve("databases/default/tables/public_article.yaml");
        Files.writeString(article, Files.readString(article).replace("select_permissions:\n  - role: user\n    permission:\n",
                "select_permissions:\n  - permission:\n"), StandardCharsets.UTF_8);
        String message = refusal(() -> serve(TestPostgres.newDatabase("servedir")));
        assertThat(message).contains(article + ":18: the key 'role' was not present");
    }

    @Test
    void anInconsistentMetadataRefusesTheStartUnlessAllowed() throws IOException {
        Path article = metadata.resolve("databases/default/tables/public_article.yaml");
        Files.writeString(article, Files.readString(article).replace("title", "headline"), StandardCharsets.UTF_8);
        String url = TestPostgres.newDatabase("servedir");
        String message = refusal(() -> serve(url));
        assertThat(message).contains(metadata.toString()).contains("headline").contains("--allow-inconsistent-metadata");

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (EngineFixture f = serve(url, true, log)) {
            assertThat(f.gql("{ author(order_by: {id: asc}) { name } }").at("/data/author/0/name").asText()).isEqualTo("Ada");
            assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean())
                    .isFalse();
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("inconsistent_metadata").contains("headline");
    }

    @Test
    void aFailingMigrationRefusesTheStartWithItsFileAndNothingIsApplied() throws IOException {
        migration("1700000000002_broken", "insert into author (name) values ('Barbara');\nselect * from no_such_table;");
        String url = TestPostgres.newDatabase("servedir");
        String message = refusal(() -> serve(url));
        assertThat(message).contains("1700000000002_broken/up.sql").contains("no_such_table").contains("none of the 3");
        try (EngineFixture plain = EngineFixture.on(url, c -> c)) {
            assertThat(plain.runSqlOk("select (to_regclass('public.author') is null)::text").at("/result/1/0").asText()).isEqualTo("true");
            assertThat(plain.metadataOk("{\"type\": \"get_catalog_state\", \"args\": {}}").at("/cli_state/migrations/default").isMissingNode()
                    || plain.metadataOk("{\"type\": \"get_catalog_state\", \"args\": {}}").at("/cli_state/migrations/default").isEmpty())
                    .isTrue();
        }
        // nothing recorded either: with the migration fixed, all three run
        migration("1700000000002_broken", "insert into author (name) values ('Barbara');");
        try (EngineFixture f = serve(url)) {
            assertThat(f.gql("{ author_aggregate { aggregate { count } } }").at("/data/author_aggregate/aggregate/count").asInt())
                    .isEqualTo(3);
        }
    }

    @Test
    void theMigrationsOfADatabaseTheMetadataDirectoryAddsRunBeforeItsTablesAreTracked() throws IOException {
        String otherUrl = TestPostgres.newDatabase("servedir_other");
        Files.writeString(metadata.resolve("databases/databases.yaml"), Files.readString(metadata.resolve("databases/databases.yaml"))
                + "- name: other\n  kind: postgres\n  configuration:\n    connection_info:\n      database_url: " + otherUrl + "\n"
                + "  tables: \"!include other/tables/tables.yaml\"\n", StandardCharsets.UTF_8);
        Files.createDirectories(metadata.resolve("databases/other/tables"));
        Files.writeString(metadata.resolve("databases/other/tables/tables.yaml"), "- table:\n    name: shelf\n    schema: public\n");
        Path dir = Files.createDirectories(migrations.resolve("other/1700000000005_shelf"));
        Files.writeString(dir.resolve("up.sql"), "create table shelf (id int primary key, title text);\ninsert into shelf values (1, 'Notes');");

        try (EngineFixture f = serve(TestPostgres.newDatabase("servedir"))) {
            assertThat(f.gql("{ shelf { title } }").toString()).isEqualTo("{\"data\":{\"shelf\":[{\"title\":\"Notes\"}]}}");
            assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean()).isTrue();
            assertThat(f.metadataOk("{\"type\": \"get_catalog_state\", \"args\": {}}").at("/cli_state/migrations/other").toString())
                    .isEqualTo("{\"1700000000005\":false}");
        }
    }
}
