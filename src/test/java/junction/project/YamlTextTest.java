package junction.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import junction.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hasura CLI's YAML style, and values that survive write → read → write unchanged. */
class YamlTextTest {
    @TempDir
    Path dir;

    @Test
    void stringsAreQuotedOnlyWhereYamlWouldReadThemAsSomethingElse() {
        JsonNode node = Json.parse("""
                {"plain": "public", "star": "*", "include": "!include x.yaml", "bool": "true", "number": "10", "empty": "",
                 "session": "X-Hasura-User-Id", "var": "$user_id", "colon": "a: b", "null": null, "n": 1.5, "t": true,
                 "list": [[1, 2], {"a": {}}, []], "lines": "type Query {\\n  a: Int\\n}\\n", "map": {}}
                """);

        assertThat(YamlText.of(node)).isEqualTo("""
                plain: public
                star: '*'
                include: "!include x.yaml"
                bool: "true"
                number: "10"
                empty: ""
                session: X-Hasura-User-Id
                var: $user_id
                colon: 'a: b'
                "null": null
                "n": 1.5
                t: true
                list:
                  - - 1
                    - 2
                  - a: {}
                  - []
                lines: |
                  type Query {
                    a: Int
                  }
                map: {}
                """);
    }

    @Test
    void writeReadWriteIsByteIdentical() throws IOException {
        JsonNode document = Json.parse("""
                {"version": 3, "sources": [{"name": "default", "kind": "postgres", "tables": [
                   {"table": {"name": "a b", "schema": "public"}, "select_permissions": [{"role": "user", "permission":
                     {"columns": "*", "filter": {"_or": [{"id": {"_eq": "X-Hasura-User-Id"}}, {"note": {"_like": "%: #x"}}]}}}],
                    "update_permissions": [{"role": "user", "permission": {"columns": [], "filter": {}, "check": null}}]}],
                   "functions": [{"function": {"name": "search", "schema": "public"}}],
                   "configuration": {"connection_info": {"database_url": {"from_env": "HASURA_GRAPHQL_DATABASE_URL"}}}}],
                 "remote_schemas": [{"name": "r", "definition": {"url": "{{USERS_URL}}/graphql", "headers": [{"name": "x", "value": "'q'"}]}}],
                 "cron_triggers": [{"name": "c", "schedule": "*/5 * * * *", "webhook": "http://x", "payload": {"k": "multi\\nline"}}],
                 "metrics_config": {"analyze_query_variables": true}}
                """);
        Path first = dir.resolve("first");
        MetadataDirectory.write(document, first);
        JsonNode read = MetadataDirectory.read(first);
        Path second = dir.resolve("second");
        MetadataDirectory.write(read, second);

        assertThat(read).isEqualTo(document);
        assertThat(MetadataDirectory.files(second)).isEqualTo(MetadataDirectory.files(first));
        assertThat(Files.readString(first.resolve("databases/default/functions/functions.yaml")))
                .isEqualTo("- \"!include public_search.yaml\"\n");
        assertThat(first.resolve("databases/default/tables/public_a b.yaml")).exists();
        assertThat(first.resolve("metrics_config.yaml")).hasContent("analyze_query_variables: true");
    }

    @Test
    void exportRemovesFilesOfTablesThatAreGone() {
        MetadataDirectory.write(Json.parse("{\"version\": 3, \"sources\": [{\"name\": \"default\", \"tables\": [{\"table\": \"t\"}]}]}"), dir);
        MetadataDirectory.write(Json.parse("{\"version\": 3, \"sources\": [{\"name\": \"default\", \"tables\": []}]}"), dir);

        assertThat(dir.resolve("databases/default/tables/public_t.yaml")).doesNotExist();
        assertThat(dir.resolve("databases/default/tables/tables.yaml")).hasContent("[]");
    }
}
