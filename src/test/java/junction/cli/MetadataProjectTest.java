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
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code junction metadata export|apply|diff|clear|reload|inconsistency} against a running engine,
 * run in-process as a user runs them: a project with tables, relationships, a remote schema with
 * permissions, remote relationships in both formats, permissions and inherited roles goes out as a
 * config-v3 directory and comes back byte-identical.
 */
class MetadataProjectTest {
    private static EngineFixture junction;
    private static GraphqlTestServer users;
    private static JsonNode project;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        users = UserService.start(3);
        junction = EngineFixture.start("cli_metadata", c -> c.toBuilder().remoteSchemaPermissions(true).build());
        junction.runSqlOk("""
                create table author (id int primary key, name text not null);
                create table article (id int primary key, title text, author_id int references author(id), user_id int);
                insert into author values (1, 'Ann'), (2, 'Bob');
                insert into article values (1, 'First', 1, 1), (2, 'Second', 2, 2);
                """);
        JsonNode source = junction.export().at("/sources/0");
        String sdl = Json.write(Json.NODES.textNode(UserService.SDL.replace("type Mutation {\n  createUser(name: String!): User\n}\n", "")));
        junction.metadataOk("""
                {"type": "replace_metadata", "args": {"version": 3, "sources": [{"name": "default", "kind": "postgres",
                  "configuration": %s,
                  "tables": [
                    {"table": {"name": "article", "schema": "public"},
                     "object_relationships": [{"name": "author", "using": {"foreign_key_constraint_on": "author_id"}}],
                     "remote_relationships": [
                       {"name": "user", "definition": {"hasura_fields": ["user_id"], "remote_schema": "users",
                         "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}},
                       {"name": "writer", "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["user_id"],
                         "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}}],
                     "insert_permissions": [{"role": "user", "permission": {"check": {"user_id": {"_eq": "X-Hasura-User-Id"}},
                       "columns": ["id", "title"]}}],
                     "select_permissions": [{"role": "user", "permission": {"columns": "*", "filter": {}}},
                       {"role": "guest", "permission": {"columns": ["id", "title"], "filter": {"id": {"_gt": 0}}, "limit": 10}}]},
                    {"table": {"name": "author", "schema": "public"},
                     "array_relationships": [{"name": "articles", "using": {"foreign_key_constraint_on":
                       {"column": "author_id", "table": {"name": "article", "schema": "public"}}}}],
                     "select_permissions": [{"role": "user", "permission": {"columns": ["id", "name"], "filter": {}}}]}]}],
                  "remote_schemas": [{"name": "users", "definition": {"url": "%s", "timeout_seconds": 60},
                    "comment": "the user service",
                    "permissions": [{"role": "user", "definition": {"schema": %s}}]}],
                  "inherited_roles": [{"role_name": "editor", "role_set": ["user", "guest"]}]}}
                """.formatted(source.get("configuration"), users.url(), sdl));
        project = junction.export();
    }

    @AfterAll
    static void stop() {
        junction.close();
        users.close();
    }

    private Map<String, String> engine() {
        return Map.of("HASURA_GRAPHQL_ENDPOINT", "http://localhost:" + junction.engine.port());
    }

    private CliRun cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--project";
        all[args.length + 1] = dir.toString();
        return CliRun.of(engine(), all);
    }

    @Test
    void exportWritesHasurasLayoutOneFilePerTableWithQuotedIncludes() throws IOException {
        cli("metadata", "export").ok();

        Path metadata = dir.resolve("metadata");
        assertThat(Files.readString(metadata.resolve("version.yaml"))).isEqualTo("version: 3\n");
        assertThat(Files.readString(metadata.resolve("databases/databases.yaml")))
                .startsWith("- name: default\n  kind: postgres\n  configuration:\n").endsWith("  tables: \"!include default/tables/tables.yaml\"\n");
        assertThat(Files.readString(metadata.resolve("databases/default/tables/tables.yaml")))
                .isEqualTo("- \"!include public_article.yaml\"\n- \"!include public_author.yaml\"\n");
        String article = Files.readString(metadata.resolve("databases/default/tables/public_article.yaml"));
        assertThat(article).startsWith("table:\n  name: article\n  schema: public\nobject_relationships:\n  - name: author\n");
        assertThat(article).contains("      columns: '*'\n", "            id: $user_id\n", "  - definition:\n      to_remote_schema:\n");
        assertThat(Files.readString(metadata.resolve("remote_schemas.yaml"))).contains("  permissions:\n    - role: user\n",
                "        schema: |\n          \"A person known to the user service\"\n");
        assertThat(Files.readString(metadata.resolve("inherited_roles.yaml")))
                .isEqualTo("- role_name: editor\n  role_set:\n    - user\n    - guest\n");
        for (String empty : new String[] {"allow_list.yaml", "cron_triggers.yaml", "query_collections.yaml", "rest_endpoints.yaml"}) {
            assertThat(Files.readString(metadata.resolve(empty))).as(empty).isEqualTo("[]\n");
        }
        for (String empty : new String[] {"api_limits.yaml", "graphql_schema_introspection.yaml", "network.yaml"}) {
            assertThat(Files.readString(metadata.resolve(empty))).as(empty).isEqualTo("{}\n");
        }
        assertThat(Files.readString(metadata.resolve("actions.yaml"))).isEqualTo(
                "actions: []\ncustom_types:\n  enums: []\n  input_objects: []\n  objects: []\n  scalars: []\n");
        assertThat(metadata.resolve("actions.graphql")).exists();
    }

    @Test
    void exportApplyExportIsByteIdenticalAndTheEngineGetsTheSameMetadata() {
        cli("metadata", "export").ok();
        Map<String, String> first = MetadataDirectory.files(dir.resolve("metadata"));
        try {
            cli("metadata", "clear").ok();
            assertThat(junction.export().path("remote_schemas").size()).isZero();

            CliRun applied = cli("metadata", "apply").ok();

            assertThat(applied.out()).startsWith("Metadata applied: 1 source(s), 2 table(s), 1 remote schema(s)\n");
            assertThat(junction.export()).isEqualTo(project);
            cli("metadata", "export").ok();
            assertThat(MetadataDirectory.files(dir.resolve("metadata"))).isEqualTo(first);
            assertThat(cli("metadata", "diff").ok().out()).contains("No changes");
        } finally {
            junction.metadataOk("{\"type\": \"replace_metadata\", \"args\": " + project + "}");
        }
    }

    @Test
    void theDirectoryReadBackIsTheExportedDocument() {
        MetadataDirectory.write(project, dir.resolve("metadata"));
        assertThat(MetadataDirectory.read(dir.resolve("metadata"))).isEqualTo(project);
    }

    @Test
    void diffShowsAnEditedFileAsAUnifiedDiff() throws IOException {
        cli("metadata", "export").ok();
        Path author = dir.resolve("metadata/databases/default/tables/public_author.yaml");
        Files.writeString(author, Files.readString(author).replace("        - name\n", ""));

        String diff = cli("metadata", "diff").ok().out();

        assertThat(diff).contains("--- server/databases/default/tables/public_author.yaml\n"
                + "+++ project/databases/default/tables/public_author.yaml\n");
        assertThat(diff).contains("\n-        - name\n").doesNotContain("\u001b[");
    }

    @Test
    void dryRunPrintsTheDocumentAndAppliesNothing() {
        cli("metadata", "export").ok();
        JsonNode before = junction.exportWithVersion();

        CliRun dry = cli("metadata", "apply", "--dry-run", "-o", "json");

        assertThat(Json.parse(dry.ok().out())).isEqualTo(project);
        assertThat(junction.exportWithVersion()).isEqualTo(before);
    }

    @Test
    void anInconsistentDirectoryIsAppliedAndReportedUnlessDisallowed() throws IOException {
        cli("metadata", "export").ok();
        Path tables = dir.resolve("metadata/databases/default/tables");
        Files.writeString(tables.resolve("public_ghost.yaml"), "table:\n  name: ghost\n  schema: public\n");
        Files.writeString(tables.resolve("tables.yaml"), Files.readString(tables.resolve("tables.yaml")) + "- \"!include public_ghost.yaml\"\n");
        try {
            CliRun refused = cli("metadata", "apply", "--disallow-inconsistent-metadata");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).startsWith("junction: cannot continue due to inconsistent metadata (unexpected)\n").contains("ghost");
            assertThat(junction.export()).isEqualTo(project);

            CliRun applied = cli("metadata", "apply").ok();
            assertThat(applied.out()).contains("Metadata is inconsistent", "ghost");
            assertThat(cli("metadata", "inconsistency", "status").ok().out()).contains("metadata is inconsistent");
            assertThat(cli("metadata", "inconsistency", "list").ok().out()).contains("ghost");
            JsonNode listed = Json.parse(cli("metadata", "inconsistency", "list", "-o", "json").ok().out());
            assertThat(listed.size()).isEqualTo(1);

            cli("metadata", "inconsistency", "drop").ok();
            assertThat(cli("metadata", "inconsistency", "status").ok().out()).contains("metadata is consistent");
            assertThat(junction.export()).isEqualTo(project);
        } finally {
            junction.metadataOk("{\"type\": \"replace_metadata\", \"args\": " + project + "}");
        }
    }

    @Test
    void reloadReloadsAndClearEmptiesTheMetadata() {
        try {
            assertThat(cli("metadata", "reload", "--reload-remote-schemas").ok().out()).contains("Metadata reloaded");
            assertThat(junction.export()).isEqualTo(project);
            cli("metadata", "clear").ok();
            assertThat(junction.export().at("/sources/0/tables").size()).isZero();
        } finally {
            junction.metadataOk("{\"type\": \"replace_metadata\", \"args\": " + project + "}");
        }
    }

    @Test
    void theSeedsYamlAppliesAsWritten() throws IOException {
        Path metadata = dir.resolve("metadata");
        cli("metadata", "export").ok();
        junction.runSqlOk("create table \"order\" (id int primary key, user_id int); insert into \"order\" values (1, 1), (2, 3);");
        try {
            Path tables = metadata.resolve("databases/default/tables");
            Files.writeString(tables.resolve("public_order.yaml"), """
                    - table:
                        schema: public
                        name: order
                      remote_relationships:
                        - name: user
                          definition:
                            remote_field:
                              user:
                                arguments:
                                  id: $user_id
                            hasura_fields:
                              - user_id
                            remote_schema: users
                    """);
            // the seed's snippet is a list holding the one table: the file's entry is its first item
            Files.writeString(tables.resolve("tables.yaml"), Files.readString(tables.resolve("tables.yaml"))
                    + "- \"!include public_order.yaml\"\n");

            CliRun applied = cli("metadata", "apply", "--disallow-inconsistent-metadata");

            assertThat(applied.exitCode()).as(applied.err()).isEqualTo(0);
            assertThat(junction.gql("query { order(order_by: {id: asc}) { id user { name } } }").toString())
                    .isEqualTo("{\"data\":{\"order\":[{\"id\":1,\"user\":{\"name\":\"user1\"}},{\"id\":2,\"user\":{\"name\":\"user3\"}}]}}");
        } finally {
            junction.metadataOk("{\"type\": \"replace_metadata\", \"args\": " + project + "}");
            junction.runSqlOk("drop table \"order\"");
        }
    }
}
