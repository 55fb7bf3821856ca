package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import junction.json.Json;
import junction.project.MetadataDirectory;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project as Hasura's CLI writes it (src/test/resources/hasura-project, from Hasura's documented
 * author/article example: from_env database URL, pool settings, both quote styles of {@code !include},
 * {@code columns: '*'}, {@code check: null}, a query and a mutation action with their custom types in
 * actions.graphql) applied by {@code junction metadata apply}.
 */
class HasuraProjectTest {
    private static EngineFixture junction;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        junction = EngineFixture.start("cli_hasura_project");
        junction.runSqlOk("""
                create table author (id int primary key, name text not null);
                create table article (id int primary key, title text, author_id int references author(id), is_published boolean);
                insert into author values (1, 'Ann'), (2, 'Bob');
                insert into article values (1, 'Out', 1, true), (2, 'Draft', 1, false), (3, 'Also out', 2, true);
                """);
    }

    @AfterAll
    static void stop() {
        junction.close();
    }

    private Path project() throws IOException {
        Path source = Path.of("src/test/resources/hasura-project");
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return dir;
    }

    @Test
    void aHasuraWrittenProjectAppliesAndServesItsPermissions() throws IOException {
        Path project = project();

        CliRun applied = CliRun.of(Map.of(), "metadata", "apply", "--disallow-inconsistent-metadata",
                "--project", project.toString(), "--endpoint", "http://localhost:" + junction.engine.port(), "--skip-update-check");

        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(junction.export().at("/sources/0/tables").size()).isEqualTo(2);
        var answer = junction.graphql("query { article(order_by: {id: asc}) { title author { name } } }",
                Map.of("x-hasura-role", "user", "x-hasura-user-id", "1"));
        assertThat(answer.json().toString()).isEqualTo(
                "{\"data\":{\"article\":[{\"title\":\"Out\",\"author\":{\"name\":\"Ann\"}},{\"title\":\"Also out\",\"author\":{\"name\":\"Bob\"}}]}}");
    }

    @Test
    void exportingTheAppliedProjectOverItselfChangesNoFile() throws IOException {
        Path project = project();
        String endpoint = "http://localhost:" + junction.engine.port();
        CliRun.of(Map.of(), "metadata", "apply", "--project", project.toString(), "--endpoint", endpoint).ok();
        assertThat(junction.export().at("/actions/0/definition/arguments/0/description").asText()).isEqualTo("the author");
        assertThat(junction.export().at("/custom_types/objects/0/relationships/0/name").asText()).isEqualTo("author");
        Map<String, String> before = MetadataDirectory.files(project.resolve("metadata"));

        CliRun.of(Map.of(), "metadata", "export", "--project", project.toString(), "--endpoint", endpoint).ok();

        assertThat(MetadataDirectory.files(project.resolve("metadata"))).isEqualTo(before);
        assertThat(CliRun.of(Map.of(), "metadata", "diff", "--project", project.toString(), "--endpoint", endpoint).ok().out())
                .contains("No changes");
    }

    @Test
    void aPartTheEngineRefusesIsNamedByTheFileAndLineItCameFrom() throws IOException {
        Path project = project();
        String endpoint = "http://localhost:" + junction.engine.port();
        Path article = project.resolve("metadata/databases/default/tables/public_article.yaml");
        String written = Files.readString(article);
        JsonNode before = junction.exportWithVersion();

        Files.writeString(article, written.replace("select_permissions:\n  - role: user\n    permission:\n",
                "select_permissions:\n  - permission:\n"));
        CliRun badPermission = CliRun.of(Map.of(), "metadata", "apply", "--project", project.toString(), "--endpoint", endpoint);
        Files.writeString(article, written.replace("table:\n  name: article\n  schema: public\n", ""));
        CliRun noTable = CliRun.of(Map.of(), "metadata", "apply", "--project", project.toString(), "--endpoint", endpoint);

        assertThat(badPermission.exitCode()).isEqualTo(1);
        assertThat(badPermission.err()).isEqualTo("junction: " + article + ":18: the key 'role' was not present (parse-failed)\n");
        assertThat(noTable.exitCode()).isEqualTo(1);
        assertThat(noTable.err()).isEqualTo("junction: " + article + ":1: the key 'table' was not present (parse-failed)\n");
        assertThat(junction.exportWithVersion()).isEqualTo(before);
    }

    @Test
    void theEnvfileStandsInForVariablesTheEnvironmentDoesNotHave() throws IOException {
        Path project = project();
        String endpoint = "http://localhost:" + junction.engine.port();
        Files.writeString(project.resolve("config.yaml"), Files.readString(project.resolve("config.yaml"))
                .replace("http://localhost:8080", "http://127.0.0.1:1"));
        Files.writeString(project.resolve(".env"), "# the engine\nHASURA_GRAPHQL_ENDPOINT=" + endpoint + "\n");
        Files.writeString(project.resolve("ci.env"), "export HASURA_GRAPHQL_ENDPOINT=\"" + endpoint + "\"\n"
                + "HASURA_GRAPHQL_METADATA_DIRECTORY=elsewhere # not there\n");
        String dir = project.toString();

        assertThat(CliRun.of(Map.of(), "metadata", "inconsistency", "status", "--project", dir).ok().out()).contains("consistent");
        CliRun envWins = CliRun.of(Map.of("HASURA_GRAPHQL_ENDPOINT", "http://127.0.0.1:2"), "metadata", "inconsistency", "status",
                "--project", dir);
        assertThat(envWins.err()).contains("http://127.0.0.1:2");
        CliRun other = CliRun.of(Map.of(), "metadata", "apply", "--project", dir, "--envfile", "ci.env");
        assertThat(other.err()).isEqualTo("junction: no metadata directory at " + project.resolve("elsewhere") + "\n");
        CliRun missing = CliRun.of(Map.of(), "metadata", "inconsistency", "status", "--project", dir, "--envfile", "none.env");
        assertThat(missing.err()).startsWith("junction: cannot read the envfile " + project.resolve("none.env"));
    }

    @Test
    void diffTakesHasurasDirectoryArgumentsAndReportsPrintJsonForScripts() throws IOException {
        Path project = project();
        String endpoint = "http://localhost:" + junction.engine.port();
        String dir = project.toString();
        CliRun.of(Map.of(), "metadata", "apply", "--project", dir, "--endpoint", endpoint).ok();
        Path metadata = project.resolve("metadata");
        Path edited = project.resolve("edited");
        MetadataDirectory.write(MetadataDirectory.read(metadata), edited);
        Path author = edited.resolve("databases/default/tables/public_author.yaml");
        Files.writeString(author, Files.readString(author).replace("        - name\n", ""));

        assertThat(CliRun.of(Map.of(), "metadata", "diff", metadata.toString(), "--project", dir, "--endpoint", endpoint).ok().out())
                .contains("No changes");
        String twoDirectories = CliRun.of(Map.of(), "metadata", "diff", edited.toString(), metadata.toString(), "--project", dir,
                "--endpoint", "http://127.0.0.1:1").ok().out();
        assertThat(twoDirectories).contains("--- " + metadata + "/databases/default/tables/public_author.yaml\n+++ " + edited
                + "/databases/default/tables/public_author.yaml\n", "\n-        - name\n");
        assertThat(CliRun.of(Map.of(), "metadata", "diff", metadata.toString(), metadata.toString(), "--project", dir).err())
                .isEqualTo("junction: the directories passed are the same\n");
        assertThat(CliRun.of(Map.of(), "metadata", "diff", author.toString(), "--project", dir).err())
                .isEqualTo("junction: metadata diff only works with directories but got file " + author + "\n");

        JsonNode diff = Json.parse(CliRun.of(Map.of(), "metadata", "diff", edited.toString(), "-o", "json", "--project", dir,
                "--endpoint", endpoint).ok().out());
        assertThat(diff.size()).isEqualTo(1);
        assertThat(diff.at("/0/file").asText()).isEqualTo("databases/default/tables/public_author.yaml");
        JsonNode status = Json.parse(CliRun.of(Map.of(), "metadata", "inconsistency", "status", "-o", "json", "--project", dir,
                "--endpoint", endpoint).ok().out());
        assertThat(status.toString()).isEqualTo("{\"is_consistent\":true,\"inconsistent_objects\":[]}");
        JsonNode reload = Json.parse(CliRun.of(Map.of(), "metadata", "reload", "-o", "json", "--project", dir,
                "--endpoint", endpoint).ok().out());
        assertThat(reload.path("is_consistent").asBoolean()).isTrue();
        CliRun xml = CliRun.of(Map.of(), "metadata", "inconsistency", "status", "-o", "xml", "--project", dir, "--endpoint", endpoint);
        assertThat(xml.err()).isEqualTo("junction: unknown output format xml; use json\n");
    }

    @Test
    void theEndpointComesFromConfigYamlWhenNoFlagOrVariableGivesIt() throws IOException {
        Path project = project();
        Files.writeString(project.resolve("config.yaml"), Files.readString(project.resolve("config.yaml"))
                .replace("http://localhost:8080", "http://localhost:" + junction.engine.port()));

        assertThat(CliRun.of(Map.of(), "metadata", "inconsistency", "status", "--project", project.toString()).ok().out())
                .contains("consistent");
        CliRun envWins = CliRun.of(Map.of("HASURA_GRAPHQL_ENDPOINT", "http://127.0.0.1:1"),
                "metadata", "inconsistency", "status", "--project", project.toString());
        assertThat(envWins.exitCode()).isEqualTo(1);
        assertThat(envWins.err()).contains("http://127.0.0.1:1");
        CliRun flagWins = CliRun.of(Map.of("HASURA_GRAPHQL_ENDPOINT", "http://127.0.0.1:1"), "metadata", "inconsistency",
                "status", "--project", project.toString(), "--endpoint", "http://localhost:" + junction.engine.port());
        assertThat(flagWins.ok().out()).contains("consistent");
    }
}
