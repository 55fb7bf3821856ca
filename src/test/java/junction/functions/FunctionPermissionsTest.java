package junction.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who sees a tracked query function: with function permissions inferred (the default) every role
 * that may select the return table; with {@code HASURA_GRAPHQL_INFER_FUNCTION_PERMISSIONS=false}
 * only a role that also has a function permission.
 */
class FunctionPermissionsTest {
    static EngineFixture inferred;
    static EngineFixture explicit;

    static final String SETUP = """
        create table item (id int primary key, owner int not null);
        insert into item values (1, 1), (2, 2);
        create function all_items() returns setof item language sql stable as $$ select * from item $$;
        """;
    static final String METADATA = """
        {"type": "bulk", "args": [
          {"type": "pg_track_table", "args": {"table": "item"}},
          {"type": "pg_create_select_permission", "args": {"table": "item", "role": "owner",
            "permission": {"columns": ["id"], "filter": {"owner": {"_eq": "X-Hasura-User-Id"}}}}},
          {"type": "pg_create_select_permission", "args": {"table": "item", "role": "reader",
            "permission": {"columns": ["id"], "filter": {}}}},
          {"type": "pg_track_function", "args": {"function": "all_items"}},
          {"type": "pg_create_function_permission", "args": {"function": "all_items", "role": "owner"}},
          {"type": "add_inherited_role", "args": {"role_name": "combined", "role_set": ["owner", "reader"]}}
        ]}""";

    @BeforeAll
    static void start() {
        inferred = EngineFixture.start("function_permissions_inferred");
        explicit = EngineFixture.start("function_permissions_explicit",
                c -> c.toBuilder().inferFunctionPermissions(false).build());
        for (EngineFixture f : new EngineFixture[] {inferred, explicit}) {
            f.runSqlOk(SETUP);
            f.metadataOk(METADATA);
        }
    }

    @AfterAll
    static void stop() {
        inferred.close();
        explicit.close();
    }

    static JsonNode as(EngineFixture f, String role, String query) {
        var r = f.http.post("/v1/graphql", Json.write(Json.object().put("query", query)),
                Map.of("x-hasura-role", role, "x-hasura-user-id", "2"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void withInferredPermissionsEveryRoleThatSelectsTheTableSeesTheFunction() {
        assertThat(as(inferred, "reader", "{ all_items(order_by: {id: asc}) { id } }").toString())
                .isEqualTo("{\"data\":{\"all_items\":[{\"id\":1},{\"id\":2}]}}");
        assertThat(as(inferred, "owner", "{ all_items { id } }").toString())
                .isEqualTo("{\"data\":{\"all_items\":[{\"id\":2}]}}");
    }

    @Test
    void withoutInferenceOnlyARoleWithAFunctionPermissionSeesIt() {
        assertThat(as(explicit, "owner", "{ all_items { id } }").toString())
                .isEqualTo("{\"data\":{\"all_items\":[{\"id\":2}]}}");
        JsonNode reader = as(explicit, "reader", "{ all_items { id } }");
        assertThat(reader.at("/errors/0/message").asText()).isEqualTo("field 'all_items' not found in type: 'query_root'");
        assertThat(as(explicit, "admin", "{ all_items { id } }").at("/data/all_items").size()).isEqualTo(2);
    }

    @Test
    void anInheritedRoleHasTheFunctionPermissionsOfTheRolesItInherits() {
        assertThat(as(explicit, "combined", "{ all_items(order_by: {id: asc}) { id } }").toString())
                .isEqualTo("{\"data\":{\"all_items\":[{\"id\":1},{\"id\":2}]}}");
    }
}
