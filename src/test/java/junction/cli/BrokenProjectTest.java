package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import junction.project.MetadataDirectory;
import junction.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken project ends the command with exit code 1 and one line naming the problem — the file and
 * line of a YAML error or of a misspelt key (with its path), the missing include and the file that
 * names it, an engine that cannot be reached — and nothing is sent to the engine. {@code junction init} writes a new project.
 */
class BrokenProjectTest {
    @TempDir
    Path dir;

    private Path metadata() {
        Path metadata = dir.resolve("metadata");
        MetadataDirectory.write(Json.parse("""
                {"version": 3, "sources": [{"name": "default", "kind": "postgres", "tables": [{"table": {"name": "author", "schema": "public"}}],
                 "configuration": {"connection_info": {"database_url": {"from_env": "HASURA_GRAPHQL_DATABASE_URL"}}}}]}
                """), metadata);
        return metadata;
    }

    private CliRun apply() {
        // port 1 refuses: reaching the engine at all would be the failure
        return CliRun.of("metadata", "apply", "--project", dir.toString(), "--endpoint", "http://127.0.0.1:1");
    }

    @Test
    void aYamlErrorNamesItsFileAndLine() throws IOException {
        Path table = metadata().resolve("databases/default/tables/public_author.yaml");
        Files.writeString(table, "table:\n  name: author\n  schema: [public\nselect_permissions: []\n");

        CliRun run = apply();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("junction: " + table + ":").contains("invalid YAML").doesNotContain("Exception", "\tat ");
        assertThat(run.err()).matches("(?s)junction: \\S+public_author.yaml:[34]: invalid YAML.*");
    }

    @Test
    void aMissingIncludeIsNamedWithTheFileThatIncludesIt() throws IOException {
        Path metadata = metadata();
        Files.delete(metadata.resolve("databases/default/tables/public_author.yaml"));

        CliRun run = apply();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("junction: " + metadata.resolve("databases/default/tables/tables.yaml")
                + ": !include public_author.yaml: no such file " + metadata.resolve("databases/default/tables/public_author.yaml") + "\n");
    }

    @Test
    void aMisspeltKeyIsNamedWithItsFileLineAndPath() throws IOException {
        Path table = metadata().resolve("databases/default/tables/public_author.yaml");
        Files.writeString(table, Files.readString(table) + "select_permisions:\n  - role: user\n");

        CliRun run = apply();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("junction: " + table + ":4: unknown key \"select_permisions\" at "
                + "$.sources[0].tables[0].select_permisions; a table has table, is_enum, configuration, ");
        assertThat(run.err()).doesNotContain("cannot reach");
    }

    @Test
    void anEngineThatCannotBeReachedIsSaidPlainly() {
        metadata();

        CliRun run = apply();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("junction: cannot reach the engine at http://127.0.0.1:1 (connection refused)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingMetadataDirectoryIsSaid() {
        CliRun run = apply();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("junction: no metadata directory at " + dir.resolve("metadata"));
    }

    @Test
    void initWritesAHasuraProjectSkeleton() throws IOException {
        Path project = dir.resolve("app");

        CliRun.of("init", project.toString(), "--endpoint", "http://localhost:9999").ok();

        assertThat(Files.readString(project.resolve("config.yaml"))).isEqualTo("""
                version: 3
                endpoint: http://localhost:9999
                metadata_directory: metadata
                actions:
                  kind: synchronous
                  handler_webhook_baseurl: http://localhost:3000
                """);
        assertThat(Files.readString(project.resolve("metadata/version.yaml"))).isEqualTo("version: 3\n");
        assertThat(Files.readString(project.resolve("metadata/databases/databases.yaml"))).isEqualTo("[]\n");
        assertThat(Files.readString(project.resolve("metadata/remote_schemas.yaml"))).isEqualTo("[]\n");
        assertThat(project.resolve("migrations")).isDirectory();
        assertThat(project.resolve("seeds")).isDirectory();
        assertThat(CliRun.of("init", project.toString()).exitCode()).as("an existing project is kept").isEqualTo(1);
    }
}
