package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import junction.project.MetadataDirectory;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tracked functions in a CLI project: functions/functions.yaml and one file per function, as Hasura's CLI writes them, and back. */
class FunctionProjectTest {
    private static EngineFixture junction;
    private static JsonNode project;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        junction = EngineFixture.start("cli_functions");
        junction.runSqlOk("""
                create table article (id int primary key, title text not null);
                create schema search;
                create function search.articles(q text, hasura_session json) returns setof article language sql stable
                  as $$ select * from article where title ilike q $$;
                create function add_article(id int, title text) returns setof article language sql volatile
                  as $$ insert into article values (id, title) returning * $$;
                """);
        junction.metadataOk("""
                {"type": "bulk", "args": [
                  {"type": "pg_track_table", "args": {"table": "article"}},
                  {"type": "pg_create_select_permission", "args": {"table": "article", "role": "user",
                    "permission": {"columns": ["id", "title"], "filter": {}}}},
                  {"type": "pg_track_function", "args": {"function": {"schema": "search", "name": "articles"},
                    "configuration": {"session_argument": "hasura_session", "custom_name": "find_articles"},
                    "comment": "search by title"}},
                  {"type": "pg_track_function", "args": {"function": "add_article", "configuration": {"exposed_as": "mutation"}}},
                  {"type": "pg_create_function_permission", "args": {"function": "add_article", "role": "user"}}
                ]}""");
        project = junction.export();
    }

    @AfterAll
    static void stop() {
        junction.close();
    }

    private CliRun cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--project";
        all[args.length + 1] = dir.toString();
        return CliRun.of(Map.of("HASURA_GRAPHQL_ENDPOINT", "http://localhost:" + junction.engine.port()), all);
    }

    @Test
    void exportWritesOneFilePerFunctionAndApplyBringsThemBack() throws IOException {
        cli("metadata", "export").ok();
        Path functions = dir.resolve("metadata/databases/default/functions");
        assertThat(Files.readString(dir.resolve("metadata/databases/databases.yaml")))
                .contains("  functions: \"!include default/functions/functions.yaml\"\n");
        assertThat(Files.readString(functions.resolve("functions.yaml")))
                .isEqualTo("- \"!include search_articles.yaml\"\n- \"!include public_add_article.yaml\"\n");
        assertThat(Files.readString(functions.resolve("search_articles.yaml"))).isEqualTo("""
                function:
                  name: articles
                  schema: search
                configuration:
                  custom_name: find_articles
                  custom_root_fields: {}
                  session_argument: hasura_session
                comment: search by title
                """);
        assertThat(Files.readString(functions.resolve("public_add_article.yaml"))).isEqualTo("""
                function:
                  name: add_article
                  schema: public
                configuration:
                  custom_root_fields: {}
                  exposed_as: mutation
                permissions:
                  - role: user
                """);
        Map<String, String> first = MetadataDirectory.files(dir.resolve("metadata"));
        try {
            cli("metadata", "clear").ok();
            cli("metadata", "apply").ok();
            assertThat(junction.export()).isEqualTo(project);
            cli("metadata", "export").ok();
            assertThat(MetadataDirectory.files(dir.resolve("metadata"))).isEqualTo(first);
        } finally {
            junction.metadataOk("{\"type\": \"replace_metadata\", \"args\": " + project + "}");
        }
        assertThat(junction.gql("{ find_articles(args: {q: \"%\"}) { id } }").has("errors")).isFalse();
    }
}
