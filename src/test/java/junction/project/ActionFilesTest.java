package junction.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import junction.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Actions as Hasura's CLI keeps them: the GraphQL signatures and custom types in actions.graphql,
 * the rest in actions.yaml; read back into the document Hasura's server exports, and written again
 * byte for byte (the Hasura-written project under src/test/resources holds a query and a mutation
 * action, an enum, an input, two objects — one with a relationship — and a scalar).
 */
class ActionFilesTest {
    private static final Path HASURA = Path.of("src/test/resources/hasura-project/metadata");

    @TempDir
    Path dir;

    @Test
    void theSdlAndTheYamlMergeIntoTheDocumentHasurasServerExports() {
        JsonNode document = MetadataDirectory.read(HASURA);

        assertThat(Json.write(document.get("actions"))).isEqualTo(Json.write(Json.parse("""
                [{"name": "authorStats", "definition": {"handler": "{{ACTION_BASE_URL}}/author-stats", "output_type": "AuthorStats",
                   "arguments": [{"name": "author_id", "type": "Int!", "description": "the author"}, {"name": "period", "type": "Period"}],
                   "type": "query", "timeout": 10},
                  "comment": "what an author wrote", "permissions": [{"role": "user"}]},
                 {"name": "login", "definition": {"handler": "{{ACTION_BASE_URL}}/login", "output_type": "SampleOutput",
                   "forward_client_headers": true, "headers": [{"name": "x-client", "value": "junction"}],
                   "arguments": [{"name": "credentials", "type": "SampleInput!"}], "type": "mutation", "kind": "synchronous"}}]
                """)));
        assertThat(Json.write(document.get("custom_types"))).isEqualTo(Json.write(Json.parse("""
                {"input_objects": [{"name": "SampleInput", "fields": [{"name": "username", "type": "String!"},
                   {"name": "password", "type": "String!"}]}],
                 "objects": [{"name": "AuthorStats", "fields": [{"name": "author_id", "type": "Int!"}, {"name": "articles", "type": "Int!"},
                   {"name": "since", "type": "Date"}], "description": "what an author wrote",
                   "relationships": [{"field_mapping": {"author_id": "id"}, "name": "author",
                     "remote_table": {"name": "author", "schema": "public"}, "source": "default", "type": "object"}]},
                  {"name": "SampleOutput", "fields": [{"name": "accessToken", "type": "String!"}]}],
                 "scalars": [{"name": "Date"}],
                 "enums": [{"name": "Period", "values": [{"value": "DAY"}, {"description": "seven days", "value": "WEEK"}],
                   "description": "a time window"}]}
                """)));
    }

    @Test
    void writingTheDocumentGivesBackHasurasTwoFilesByteForByte() throws IOException {
        Map<String, String> files = MetadataFiles.of(MetadataDirectory.read(HASURA));

        assertThat(files.get("actions.graphql")).isEqualTo(Files.readString(HASURA.resolve("actions.graphql")));
        assertThat(files.get("actions.yaml")).isEqualTo(Files.readString(HASURA.resolve("actions.yaml")));
    }

    @Test
    void aDescriptionABlockStringCannotHoldExactlyIsWrittenAsAString() {
        JsonNode document = Json.parse("""
                {"version": 3, "sources": [], "custom_types": {"scalars": [{"name": "Odd", "description": " padded \\"\\"\\" "}]},
                 "actions": [{"name": "a", "definition": {"handler": "http://h", "output_type": "Odd", "type": "mutation",
                   "kind": "synchronous", "arguments": [{"name": "x", "type": "[Int!]!", "description": "line one\\n  line two"}]}}]}
                """);
        Path metadata = dir.resolve("metadata");
        MetadataDirectory.write(document, metadata);

        assertThat(MetadataFiles.of(document).get("actions.graphql")).contains("    \"line one\\n  line two\" x: [Int!]!\n");
        assertThat(MetadataDirectory.read(metadata)).isEqualTo(document);
    }

    @Test
    void anActionMissingFromTheSdlIsNamed() throws IOException {
        Path metadata = dir.resolve("metadata");
        MetadataDirectory.write(MetadataDirectory.read(HASURA), metadata);
        Path sdl = metadata.resolve("actions.graphql");
        Files.writeString(sdl, Files.readString(sdl).replace("type Mutation {\n  login(\n    credentials: SampleInput!\n  ): SampleOutput\n}\n\n", ""));

        assertThatThrownBy(() -> MetadataDirectory.read(metadata)).isInstanceOf(ProjectException.class)
                .hasMessage(metadata.resolve("actions.yaml") + ": action login is not present in " + sdl);
    }

    @Test
    void invalidGraphqlNamesItsFileAndLine() throws IOException {
        Path metadata = dir.resolve("metadata");
        MetadataDirectory.write(MetadataDirectory.read(HASURA), metadata);
        Path sdl = metadata.resolve("actions.graphql");
        Files.writeString(sdl, Files.readString(sdl).replace("  accessToken: String!\n", "  accessToken String!\n"));

        assertThatThrownBy(() -> MetadataDirectory.read(metadata)).isInstanceOf(ProjectException.class)
                .hasMessageStartingWith(sdl + ":31: invalid GraphQL");
    }
}
