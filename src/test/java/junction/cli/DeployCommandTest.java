package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code junction deploy} over HTTP, in Hasura's order: metadata (adding a database), the
 * migrations of every database, metadata again, reload, then seeds with {@code --with-seeds}.
 */
class DeployCommandTest {
    @TempDir
    Path project;

    EngineFixture f;
    String otherUrl;

    @BeforeEach
    void project() throws IOException {
        f = EngineFixture.on(TestPostgres.newDatabase("clideploy"), c -> c);
        otherUrl = TestPostgres.newDatabase("clideploy_other");
        Path source = Path.of("src/test/resources/hasura-project/metadata");
        Path metadata = project.resolve("metadata");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = metadata.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        write("metadata/databases/databases.yaml", Files.readString(metadata.resolve("databases/databases.yaml"))
                + "- name: other\n  kind: postgres\n  configuration:\n    connection_info:\n      database_url: " + otherUrl + "\n"
                + "  tables: \"!include other/tables/tables.yaml\"\n");
        write("metadata/databases/other/tables/tables.yaml", "- table:\n    name: shelf\n    schema: public\n");
        write("migrations/default/1700000000000_authors/up.sql", "create table author (id serial primary key, name text not null);\n"
                + "create table article (id serial primary key, title text not null,\n"
                + "  is_published boolean not null default true, author_id int not null references author (id));");
        write("migrations/other/1700000000001_shelf/up.sql", "create table shelf (id int primary key, title text);");
        write("seeds/default/1_authors.sql", "insert into author (name) values ('Ada');");
        write("seeds/other/1_shelf.sql", "insert into shelf values (1, 'Notes');");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    void write(String file, String text) throws IOException {
        Path path = project.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    CliRun deploy(String... more) {
        String[] args = Stream.concat(Stream.of("deploy", "--endpoint", "http://localhost:" + f.engine.port(), "--project", project.toString()),
                Stream.of(more)).toArray(String[]::new);
        return CliRun.of(args);
    }

    @Test
    void deployAppliesMetadataThenTheMigrationsOfEveryDatabaseThenMetadataAndReloads() {
        CliRun run = deploy("--with-seeds").ok();

        assertThat(run.out()).isEqualTo("applied migrations/default/1700000000000_authors/up.sql\n"
                + "applied migrations/other/1700000000001_shelf/up.sql\n"
                + "Metadata applied\nMetadata reloaded\n"
                + "applied seeds/default/1_authors.sql\nSeeds planted\napplied seeds/other/1_shelf.sql\nSeeds planted\n");
        assertThat(f.gql("{ author { name articles { title } } shelf { title } }").toString())
                .isEqualTo("{\"data\":{\"author\":[{\"name\":\"Ada\",\"articles\":[]}],\"shelf\":[{\"title\":\"Notes\"}]}}");
        assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean()).isTrue();
        assertThat(f.metadataOk("{\"type\": \"get_catalog_state\", \"args\": {}}").at("/cli_state/migrations"))
                .isEqualTo(Json.parse("{\"default\":{\"1700000000000\":false},\"other\":{\"1700000000001\":false}}"));

        assertThat(deploy().ok().out()).isEqualTo("Metadata applied\nMetadata reloaded\n");
    }

    @Test
    void aFailingMigrationStopsTheDeployAndPutsTheMetadataBackAsItWas() throws IOException {
        write("migrations/other/1700000000002_broken/up.sql", "select * from no_such_table;");
        String before = f.export().toString();

        CliRun run = deploy();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("migrations/other/1700000000002_broken/up.sql failed").contains("no_such_table");
        assertThat(f.export().toString()).isEqualTo(before);
        assertThat(f.metadataOk("{\"type\": \"get_catalog_state\", \"args\": {}}").at("/cli_state/migrations"))
                .isEqualTo(Json.parse("{\"default\":{\"1700000000000\":false},\"other\":{\"1700000000001\":false}}"));
    }

    @Test
    void metadataTheEngineRefusesStopsTheDeployBeforeAnyMigrationWithTheEnginesError() throws IOException {
        write("metadata/databases/other/tables/tables.yaml", "- table: 5\n");
        String before = f.export().toString();

        CliRun run = deploy();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("junction: applying the metadata of metadata failed: ").contains("(parse-failed)");
        assertThat(run.out()).isEmpty();
        assertThat(f.export().toString()).isEqualTo(before);
    }
}
