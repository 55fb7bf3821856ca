package junction.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each node of a directory's document knows its file and line, through includes, for any Hasura path. */
class SourceMapTest {
    @TempDir
    Path dir;

    @Test
    void aPathFindsTheLineOfItsNodeOrOfItsNearestParentThroughIncludes() throws IOException {
        Files.createDirectories(dir.resolve("databases/default/tables"));
        Files.writeString(dir.resolve("databases/databases.yaml"), """
                - name: default
                  kind: postgres
                  configuration:
                    connection_info:
                      database_url: postgres://x
                  tables: "!include default/tables/tables.yaml"
                """);
        Files.writeString(dir.resolve("databases/default/tables/tables.yaml"), "- \"!include public_a.yaml\"\n- \"!include public_b.yaml\"\n");
        Files.writeString(dir.resolve("databases/default/tables/public_a.yaml"), "table:\n  name: a\n  schema: public\n");
        Path b = dir.resolve("databases/default/tables/public_b.yaml");
        Files.writeString(b, """
                table:
                  name: b
                  schema: public
                configuration:
                  column_config:
                    odd.key:
                      custom_name: odd
                select_permissions:
                  - role: user
                    permission:
                      columns: '*'
                      filter: {}
                """);

        SourceMap sources = MetadataDirectory.readLocated(dir).sources();

        assertThat(sources.locate("$.sources[0].tables[1].select_permissions[0].permission.filter")).contains(b + ":12");
        assertThat(sources.locate("$.sources[0].tables[1].select_permissions[0].permission.limit")).contains(b + ":10");
        assertThat(sources.locate("$.sources[0].tables[1].configuration.column_config['odd.key']")).contains(b + ":6");
        assertThat(sources.locate("$.sources[0].configuration.connection_info"))
                .contains(dir.resolve("databases/databases.yaml") + ":4");
        assertThat(sources.locate("$.remote_schemas[0]")).isEmpty();
    }
}
