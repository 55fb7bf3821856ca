package junction.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import junction.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: the relationships of a remote schema's types go into the CLI project's
 * {@code remote_schemas.yaml} (keys sorted, as Hasura's CLI writes them) and come back unchanged.
 */
class RemoteSchemaRelationshipFilesTest {
    private static final JsonNode DOCUMENT = Json.parse("""
            {"version": 3, "sources": [],
             "remote_schemas": [{"remote_relationships": [{"relationships": [{"definition": {"to_source": {
                 "relationship_type": "array", "source": "default", "table": "orders", "field_mapping": {"id": "user_id"}}},
                 "name": "orders"}], "type_name": "User"}],
               "definition": {"url": "http://users/graphql", "timeout_seconds": 60}, "name": "users"}]}
            """);

    @Test
    void remoteSchemasYamlHoldsTheRelationshipsAndReadsBackTheSame(@TempDir Path dir) {
        assertThat(MetadataFiles.of(DOCUMENT).get("remote_schemas.yaml")).isEqualTo("""
                - name: users
                  definition:
                    url: http://users/graphql
                    timeout_seconds: 60
                  remote_relationships:
                    - relationships:
                        - definition:
                            to_source:
                              field_mapping:
                                id: user_id
                              relationship_type: array
                              source: default
                              table: orders
                          name: orders
                      type_name: User
                """);
        Path metadata = dir.resolve("metadata");
        MetadataDirectory.write(DOCUMENT, metadata);
        assertThat(Files.exists(metadata.resolve("remote_schemas.yaml"))).isTrue();
        assertThat(MetadataDirectory.read(metadata).get("remote_schemas")).isEqualTo(DOCUMENT.get("remote_schemas"));
    }
}
