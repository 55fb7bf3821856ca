package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import junction.test.EngineFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin secret reaches the engine as x-hasura-admin-secret, from the flag, the variable or config.yaml. */
class AdminSecretTest {
    @TempDir
    Path dir;

    @Test
    void theSecretComesFromTheFlagTheVariableOrConfigYamlAndARefusalKeepsItsCode() throws IOException {
        try (EngineFixture junction = EngineFixture.start("cli_admin_secret", c -> c.withAdminSecret("s3cret"))) {
            String endpoint = "http://localhost:" + junction.engine.port();
            String project = dir.toString();

            CliRun without = CliRun.of(Map.of(), "metadata", "inconsistency", "status", "--endpoint", endpoint, "--project", project);
            assertThat(without.exitCode()).isEqualTo(1);
            assertThat(without.err()).startsWith("junction: ").contains("(access-denied)").doesNotContain("Exception");

            CliRun.of(Map.of(), "metadata", "inconsistency", "status", "--endpoint", endpoint, "--project", project,
                    "--admin-secret", "s3cret").ok();
            CliRun.of(Map.of("HASURA_GRAPHQL_ADMIN_SECRET", "s3cret"), "metadata", "inconsistency", "status", "--endpoint", endpoint,
                    "--project", project).ok();
            Files.writeString(dir.resolve("config.yaml"), "version: 3\nendpoint: " + endpoint + "\nadmin_secret: s3cret\n");
            CliRun.of(Map.of(), "metadata", "export", "--project", project).ok();
            assertThat(dir.resolve("metadata/databases/databases.yaml")).exists();
        }
    }
}
