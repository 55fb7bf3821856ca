package junction.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;

/**
 * A small blog (orgs, users, articles, comments) tracked with relationships, and a way to set the
 * tables' select permissions through {@code replace_metadata} (the document a user would write).
 */
final class Blog {
    static final String SQL = """
        create table orgs (id int primary key, name text);
        create table users (id int primary key, name text, email text, org_id int references orgs(id));
        create table articles (id int primary key, author_id int references users(id), title text, published boolean,
          secret text);
        create table comments (id int primary key, article_id int references articles(id), user_id int references users(id),
          body text);
        insert into orgs values (1, 'Acme'), (2, 'Beta');
        insert into users values (1, 'Ann', 'ann@a.io', 1), (2, 'Bo', 'bo@a.io', 1), (3, 'Cy', 'cy@b.io', 2);
        insert into articles values (1, 1, 'A1', true, 's1'), (2, 1, 'A2', false, 's2'), (3, 2, 'B1', true, 's3'),
          (4, 3, 'C1', false, 's4'), (5, 3, 'C2', true, 's5');
        insert into comments values (1, 1, 2, 'nice'), (2, 2, 1, 'draft note'), (3, 3, 1, 'ok'), (4, 4, 3, 'hidden'),
          (5, 5, 1, 'c2');
        """;

    static final String METADATA = """
        {"type": "bulk", "args": [
          {"type": "pg_track_table", "args": {"table": "orgs"}},
          {"type": "pg_track_table", "args": {"table": "users"}},
          {"type": "pg_track_table", "args": {"table": "articles"}},
          {"type": "pg_track_table", "args": {"table": "comments"}},
          {"type": "pg_create_object_relationship", "args": {"table": "users", "name": "org",
             "using": {"foreign_key_constraint_on": "org_id"}}},
          {"type": "pg_create_array_relationship", "args": {"table": "orgs", "name": "members",
             "using": {"foreign_key_constraint_on": {"table": "users", "columns": ["org_id"]}}}},
          {"type": "pg_create_object_relationship", "args": {"table": "articles", "name": "author",
             "using": {"foreign_key_constraint_on": "author_id"}}},
          {"type": "pg_create_array_relationship", "args": {"table": "users", "name": "articles",
             "using": {"foreign_key_constraint_on": {"table": "articles", "columns": ["author_id"]}}}},
          {"type": "pg_create_array_relationship", "args": {"table": "articles", "name": "comments",
             "using": {"foreign_key_constraint_on": {"table": "comments", "columns": ["article_id"]}}}},
          {"type": "pg_create_object_relationship", "args": {"table": "comments", "name": "article",
             "using": {"foreign_key_constraint_on": "article_id"}}},
          {"type": "pg_create_object_relationship", "args": {"table": "comments", "name": "user",
             "using": {"foreign_key_constraint_on": "user_id"}}}
        ]}
        """;

    private Blog() {
    }

    static EngineFixture start(String hint) {
        EngineFixture f = EngineFixture.start(hint);
        f.runSqlOk(SQL);
        f.metadataOk(METADATA);
        return f;
    }

    /**
     * Replaces every table's select permissions: {@code byTable} maps a table name to its
     * {@code select_permissions} list as JSON ({@code [{"role": …, "permission": {…}}]}); tables not
     * named get none. Fails if the engine reports the metadata inconsistent.
     */
    static void selectPermissions(EngineFixture f, Map<String, String> byTable) {
        ObjectNode metadata = (ObjectNode) f.export().deepCopy();
        for (JsonNode source : metadata.withArray("sources")) {
            for (JsonNode table : source.withArray("tables")) {
                String name = table.at("/table/name").asText();
                ArrayNode permissions = (ArrayNode) Json.parse(byTable.getOrDefault(name, "[]"));
                ((ObjectNode) table).set("select_permissions", permissions);
            }
        }
        f.metadataOk(Json.write(Json.object().put("type", "replace_metadata").set("args", metadata)));
        JsonNode inconsistent = f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
        if (!inconsistent.path("is_consistent").asBoolean(true)) {
            throw new AssertionError("inconsistent metadata: " + inconsistent);
        }
    }
}
