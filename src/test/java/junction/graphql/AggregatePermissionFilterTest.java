package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A permission filter may count related rows, as a {@code where} argument can
 * ({@code <arrayrel>_aggregate: {count: {predicate, filter?, arguments?, distinct?}}}): in the
 * statement, with session variables as bind parameters. Articles per user: Ann 2 (one
 * published), Bo 1 (published), Cy 2 (one published).
 */
class AggregatePermissionFilterTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = Blog.start("aggregate_permission_filter");
        Blog.selectPermissions(f, Map.of("users", """
            [{"role": "prolific", "permission": {"columns": ["id"],
               "filter": {"articles_aggregate": {"count": {"predicate": {"_gte": 2}}}}}},
             {"role": "published", "permission": {"columns": ["id"],
               "filter": {"articles_aggregate": {"count": {"predicate": {"_gte": "X-Hasura-Min"},
                 "filter": {"published": {"_eq": true}}}}}}},
             {"role": "mixed", "permission": {"columns": ["id"],
               "filter": {"articles_aggregate": {"count": {"arguments": ["published"], "distinct": true,
                 "predicate": {"_eq": 2}}}}}}]
            """));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static final String USERS = "{ users(order_by: {id: asc}) { id } }";

    @Test
    void theRoleSeesTheRowsWhoseRelatedRowsCountSatisfiesThePredicate() {
        SelectPermissionsTest.assertData(as("prolific", "0"), "{\"users\": [{\"id\": 1}, {\"id\": 3}]}");
    }

    @Test
    void theCountedRowsAreThoseOfTheFilterAndThePredicateMayReadTheSession() {
        SelectPermissionsTest.assertData(as("published", "1"), "{\"users\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]}");
        SelectPermissionsTest.assertData(as("published", "2"), "{\"users\": []}");
    }

    @Test
    void argumentsAndDistinctCountTheDistinctNonNullValuesOfTheColumns() {
        SelectPermissionsTest.assertData(as("mixed", "0"), "{\"users\": [{\"id\": 1}, {\"id\": 3}]}");
    }

    @Test
    void anAggregatePredicateThatDoesNotFitIsRefusedAndChangesNothing() {
        String create = """
            {"type": "pg_create_select_permission", "args": {"table": "users", "role": "other",
              "permission": {"columns": ["id"], "filter": {"articles_aggregate": {"count": {"arguments": ["nope"],
                "predicate": {"_gt": 0}}}}}}}
            """;
        f.refused(create).expect(400, "invalid-configuration", "$.args",
                "Inconsistent object: in table \"users\": in permission for role \"other\": column \"nope\" does not exist");
        f.refused(create.replace("\"arguments\": [\"nope\"],", "").replace("_gt", "_like"))
                .expect(400, "invalid-configuration", "$.args",
                        "Inconsistent object: in table \"users\": in permission for role \"other\": Unknown operator: _like");
        f.refused(create.replace("articles_aggregate", "org_aggregate")).expect(400, "invalid-configuration", "$.args",
                "Inconsistent object: in table \"users\": in permission for role \"other\": \"org_aggregate\" does not exist");
    }

    private static JsonNode as(String role, String min) {
        Http.Response r = f.graphql(USERS, Map.of("x-hasura-role", role, "x-hasura-min", min));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
