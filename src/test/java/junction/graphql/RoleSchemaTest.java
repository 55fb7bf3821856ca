package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each role's schema holds only what its select permissions allow — tables, columns, relationships,
 * aggregates, root fields — and what it may not use is "not found", in validation and in
 * introspection alike.
 */
class RoleSchemaTest {
    static EngineFixture f;

    static final Map<String, String> PERMISSIONS = Map.of(
            "users", """
                [{"role": "user", "permission": {"columns": ["id", "name"], "filter": {}}},
                 {"role": "nokey", "permission": {"columns": ["name"], "filter": {}}}]
                """,
            "articles", """
                [{"role": "user", "permission": {"columns": ["id", "author_id", "title"], "filter": {},
                    "allow_aggregations": true, "query_root_fields": ["select", "select_aggregate"]}}]
                """,
            "comments", """
                [{"role": "user", "permission": {"columns": ["id", "body", "article_id"], "filter": {}}}]
                """);

    @BeforeAll
    static void start() {
        f = Blog.start("role_schema");
        Blog.selectPermissions(f, PERMISSIONS);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static JsonNode as(String role, String query) {
        return f.graphql(query, Map.of("x-hasura-role", role)).json();
    }

    static String error(JsonNode answer) {
        assertThat(answer.has("data")).as("%s", answer).isFalse();
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("validation-failed");
        return answer.at("/errors/0/message").asText();
    }

    static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("name").asText()));
        return out;
    }

    static List<String> fieldsOf(String role, String type) {
        JsonNode t = as(role, "{ __type(name: \"" + type + "\") { fields { name } inputFields { name } } }").at("/data/__type");
        if (t.isNull()) {
            return null;
        }
        return names(t.get("fields").isNull() ? t.get("inputFields") : t.get("fields"));
    }

    @Test
    void aRoleSeesOnlyTheRootFieldsItsPermissionsAllow() {
        assertThat(names(as("user", "{ __schema { queryType { fields { name } } } }").at("/data/__schema/queryType/fields")))
                .containsExactly("articles", "articles_aggregate", "comments", "comments_by_pk", "users", "users_by_pk");
    }

    @Test
    void aColumnTheRoleCannotSelectIsNotFoundInItsTypesAndQueries() {
        assertThat(fieldsOf("user", "users")).containsExactly("articles", "articles_aggregate", "id", "name");
        assertThat(fieldsOf("user", "users_bool_exp"))
                .containsExactly("_and", "_not", "_or", "articles", "articles_aggregate", "id", "name");
        assertThat(fieldsOf("user", "users_order_by")).containsExactly("articles_aggregate", "id", "name");
        assertThat(error(as("user", "{ users { id email } }"))).isEqualTo("field 'email' not found in type: 'users'");
        assertThat(error(as("user", "{ users(where: {email: {_eq: \"x\"}}) { id } }")))
                .isEqualTo("field 'email' not found in type: 'users_bool_exp'");
        assertThat(error(as("user", "{ users(distinct_on: [email]) { id } }"))).contains("email");
        String schema = as("user", "{ __schema { types { name fields { name } inputFields { name } enumValues { name } } } }").toString();
        assertThat(schema).doesNotContain("\"email\"").doesNotContain("\"secret\"").doesNotContain("\"published\"");
    }

    @Test
    void aTableTheRoleCannotSelectAndTheRelationshipsToItAreAbsent() {
        assertThat(fieldsOf("user", "orgs")).isNull();
        assertThat(fieldsOf("user", "orgs_bool_exp")).isNull();
        assertThat(error(as("user", "{ orgs { id } }"))).isEqualTo("field 'orgs' not found in type: 'query_root'");
        assertThat(error(as("user", "{ users { org { id } } }"))).isEqualTo("field 'org' not found in type: 'users'");
        assertThat(as("user", "{ __schema { types { name } } }").toString()).doesNotContain("orgs");
        assertThat(fieldsOf("user", "comments")).containsExactly("article", "article_id", "body", "id", "user");
    }

    @Test
    void aggregatesExistOnlyWhereAllowAggregationsIsSet() {
        assertThat(error(as("user", "{ users_aggregate { aggregate { count } } }")))
                .isEqualTo("field 'users_aggregate' not found in type: 'query_root'");
        assertThat(error(as("user", "{ articles { comments_aggregate { aggregate { count } } } }")))
                .isEqualTo("field 'comments_aggregate' not found in type: 'articles'");
        assertThat(fieldsOf("user", "users_aggregate")).isNull();
        assertThat(fieldsOf("user", "comments_aggregate_fields")).isNull();
        assertThat(fieldsOf("user", "articles_bool_exp")).doesNotContain("comments_aggregate");
        assertThat(as("user", "{ users { articles_aggregate { aggregate { count } } } }").has("errors")).isFalse();
        assertThat(as("user", "{ articles_aggregate { aggregate { count } } }").at("/data/articles_aggregate/aggregate/count")
                .asInt()).isEqualTo(5);
    }

    @Test
    void queryRootFieldsLeaveOutTheRootFieldsNotNamed() {
        assertThat(error(as("user", "{ articles_by_pk(id: 1) { id } }")))
                .isEqualTo("field 'articles_by_pk' not found in type: 'query_root'");
        assertThat(as("user", "{ users { articles { id } } }").has("errors")).isFalse();
    }

    @Test
    void byPkNeedsEveryPrimaryKeyColumn() {
        assertThat(names(as("nokey", "{ __schema { queryType { fields { name } } } }").at("/data/__schema/queryType/fields")))
                .containsExactly("users");
    }

    @Test
    void aRoleWithoutPermissionsSeesOnlyThePlaceholder() {
        assertThat(names(as("nobody", "{ __schema { queryType { fields { name } } types { name } } }")
                .at("/data/__schema/queryType/fields"))).containsExactly("no_queries_available");
        assertThat(error(as("nobody", "{ users { id } }"))).isEqualTo("field 'users' not found in type: 'query_root'");
    }

    @Test
    void adminStillSeesEverything() {
        assertThat(fieldsOf("admin", "users")).contains("email", "org", "articles_aggregate");
        assertThat(names(f.gql("{ __schema { queryType { fields { name } } } }").at("/data/__schema/queryType/fields")))
                .contains("orgs", "orgs_aggregate", "orgs_by_pk", "users_aggregate", "articles_by_pk");
    }
}
