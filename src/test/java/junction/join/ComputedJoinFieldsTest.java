package junction.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.ApiError;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A remote relationship joined on a scalar computed field (Hasura allows one whose function takes
 * only the row, and the session): the SQL returns the function's value as the join key, and the
 * remote is called once for every row.
 */
class ComputedJoinFieldsTest {
    private static EngineFixture junction;
    private static GraphqlTestServer users;

    @BeforeAll
    static void start() {
        users = UserService.start();
        junction = EngineFixture.start("computed_join_fields");
        junction.runSqlOk("""
                create table orders (id int primary key, buyer_code text not null);
                insert into orders values (1, 'u3'), (2, 'u5'), (3, 'u3'), (4, 'x');
                create function orders_buyer_id(o orders) returns int stable language sql as $$
                  select case when o.buyer_code like 'u%' then substring(o.buyer_code from 2)::int end $$;
                create function orders_scaled(o orders, factor int) returns int stable language sql as $$
                  select o.id * factor $$;
                """);
        junction.metadataOk("""
                {"type": "bulk", "args": [
                  {"type": "pg_track_table", "args": {"table": "orders"}},
                  {"type": "pg_add_computed_field", "args": {"table": "orders", "name": "buyer_id",
                    "definition": {"function": "orders_buyer_id"}}},
                  {"type": "pg_add_computed_field", "args": {"table": "orders", "name": "scaled",
                    "definition": {"function": "orders_scaled"}}},
                  {"type": "pg_create_select_permission", "args": {"table": "orders", "role": "user",
                    "permission": {"columns": ["id"], "filter": {}}}}
                ]}""");
        Joins.addRemoteSchema(junction, "users", users, null);
        junction.metadataOk("""
                {"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "buyer",
                  "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["buyer_id"],
                    "remote_field": {"user": {"arguments": {"id": "$buyer_id"}}}}}}}""");
    }

    @AfterAll
    static void stop() {
        junction.close();
        users.close();
    }

    @BeforeEach
    void reset() {
        users.reset();
    }

    @Test
    void theJoinKeyIsTheComputedFieldsValueAndTheRemoteIsCalledOnce() {
        JsonNode answer = junction.gql("{ orders(order_by: {id: asc}) { id buyer { id name } } }");
        assertThat(answer.get("data")).isEqualTo(Json.parse("""
                {"orders": [{"id": 1, "buyer": {"id": 3, "name": "user3"}}, {"id": 2, "buyer": {"id": 5, "name": "user5"}},
                  {"id": 3, "buyer": {"id": 3, "name": "user3"}}, {"id": 4, "buyer": null}]}"""));
        assertThat(users.requestCount()).isEqualTo(1);
    }

    @Test
    void aRoleNotGrantedTheComputedFieldStillGetsTheJoin() {
        var r = junction.http.post("/v1/graphql", "{\"query\": \"{ orders(where: {id: {_eq: 2}}) { buyer { name } } }\"}",
                java.util.Map.of("x-hasura-role", "user"));
        assertThat(r.json().get("data")).as(r.body()).isEqualTo(Json.parse("{\"orders\": [{\"buyer\": {\"name\": \"user5\"}}]}"));
    }

    @Test
    void droppingTheComputedFieldAJoinUsesNeedsCascade() {
        junction.refused("{\"type\": \"pg_drop_computed_field\", \"args\": {\"table\": \"orders\", \"name\": \"buyer_id\"}}")
                .expect(400, "dependency-error", "$.args", "cannot drop due to the following dependent objects: "
                        + "remote relationship orders.buyer in source \"default\"");
    }

    @Test
    void aComputedFieldWithArgumentsOfItsOwnCannotBeAJoinField() {
        ApiError error = junction.refused("""
                {"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "scaled_user",
                  "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["scaled"],
                    "remote_field": {"user": {"arguments": {"id": "$scaled"}}}}}}}""");
        assertThat(error.error()).endsWith("field with name \"scaled\" not found in table \"orders\"");
    }
}
