package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Select permissions are enforced inside the one SQL statement: each table's filter (with session
 * variables, relationship paths, {@code _exists}, column comparisons, {@code _and/_or/_not}) applies
 * wherever the table is read — root lists, by-pk, aggregates, relationships at every depth, and
 * relationship conditions inside a client's {@code where} — and {@code limit} caps every selection.
 */
class SelectPermissionsTest {
    static EngineFixture f;

    static final String PUBLISHED_OR_MINE = "{\"_or\": [{\"published\": {\"_eq\": true}}, {\"author_id\": {\"_eq\": \"X-Hasura-User-Id\"}}]}";

    static final Map<String, String> PERMISSIONS = Map.of(
            "users", """
                [{"role": "user", "permission": {"columns": ["id", "name"], "filter": {}}},
                 {"role": "author", "permission": {"columns": ["id", "name", "email"], "filter": {"id": {"_eq": "X-Hasura-User-Id"}}}},
                 {"role": "orgmate", "permission": {"columns": ["id", "name", "org_id"], "filter": {"_exists": {
                    "_table": {"schema": "public", "name": "users"},
                    "_where": {"_and": [{"id": {"_eq": "X-Hasura-User-Id"}}, {"org_id": {"_ceq": ["$", "org_id"]}}]}}}}},
                 {"role": "anon", "permission": {"columns": ["id", "name"], "filter": {}}}]
                """,
            "articles", """
                [{"role": "user", "permission": {"columns": ["id", "author_id", "title", "published"],
                    "filter": %s, "allow_aggregations": true}},
                 {"role": "author", "permission": {"columns": "*", "filter": %s}},
                 {"role": "orgmate", "permission": {"columns": ["id", "title"], "filter": {"id": {"_cgt": "author_id"}}}},
                 {"role": "picker", "permission": {"columns": ["id", "title"], "filter": {"id": {"_in": "X-Hasura-Allowed-Ids"}}}},
                 {"role": "anon", "permission": {"columns": ["id", "title"], "limit": 2, "query_root_fields": ["select"],
                    "filter": {"_and": [{"_not": {"published": {"_eq": false}}}, {"title": {"_like": "%%"}}]}}}]
                """.formatted(PUBLISHED_OR_MINE, PUBLISHED_OR_MINE),
            "comments", """
                [{"role": "user", "permission": {"columns": ["id", "article_id", "body"],
                    "filter": {"article": {"published": {"_eq": true}}}}}]
                """);

    static junction.test.remote.GraphqlTestServer users;

    @BeforeAll
    static void start() {
        users = junction.test.remote.MessageService.start();
        f = Blog.start("select_permissions");
        f.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"people\", \"definition\": {\"url\": \""
                + users.url() + "\"}}}");
        f.metadataOk("""
            {"type": "pg_create_remote_relationship", "args": {"name": "writer", "table": "articles",
              "hasura_fields": ["author_id"], "remote_schema": "people",
              "remote_field": {"user": {"arguments": {"id": "$author_id"}}}}}
            """);
        Blog.selectPermissions(f, PERMISSIONS);
    }

    @AfterAll
    static void stop() {
        f.close();
        users.close();
    }

    static JsonNode as(String role, String userId, String query) {
        Map<String, String> headers = new HashMap<>();
        headers.put("x-hasura-role", role);
        if (userId != null) {
            headers.put("x-hasura-user-id", userId);
        }
        return as(headers, query);
    }

    static JsonNode as(Map<String, String> headers, String query) {
        Http.Response r = f.graphql(query, headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static void assertData(JsonNode answer, String expected) {
        assertThat(answer.has("errors")).as("errors: %s", answer).isFalse();
        assertThat(answer.get("data")).isEqualTo(Json.parse(expected));
    }

    static void assertError(JsonNode answer, String code, String message) {
        assertThat(answer.has("data")).as("%s", answer).isFalse();
        assertThat(answer.at("/errors/0/extensions/code").asText()).as("%s", answer).isEqualTo(code);
        assertThat(answer.at("/errors/0/message").asText()).as("%s", answer).isEqualTo(message);
    }

    static final String ARTICLE_IDS = "{ articles(order_by: {id: asc}) { id } }";

    @Test
    void aFilterWithASessionVariableShowsEachUserTheRowsItAllows() {
        assertData(as("user", "1", ARTICLE_IDS), "{\"articles\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}, {\"id\": 5}]}");
        assertData(as("user", "3", ARTICLE_IDS), "{\"articles\": [{\"id\": 1}, {\"id\": 3}, {\"id\": 4}, {\"id\": 5}]}");
        assertData(f.gql(ARTICLE_IDS), "{\"articles\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}, {\"id\": 4}, {\"id\": 5}]}");
    }

    @Test
    void theClientsWhereIsAndedWithThePermissionFilter() {
        assertData(as("user", "1", "{ articles(where: {id: {_in: [2, 4]}}) { id } }"), "{\"articles\": [{\"id\": 2}]}");
    }

    @Test
    void oneCachedPlanServesEveryUserOfARole() {
        as("user", "1", ARTICLE_IDS);
        long prepared = f.engine.pipeline().operationsPrepared();
        for (String user : new String[] {"1", "2", "3", "42"}) {
            assertThat(as("user", user, ARTICLE_IDS).has("errors")).isFalse();
        }
        assertThat(f.engine.pipeline().operationsPrepared()).isEqualTo(prepared);
    }

    @Test
    void byPkFindsOnlyARowTheRoleCanSee() {
        assertData(as("user", "1", "{ a: articles_by_pk(id: 2) { id title } b: articles_by_pk(id: 4) { id title } }"),
                "{\"a\": {\"id\": 2, \"title\": \"A2\"}, \"b\": null}");
        assertData(as("user", "3", "{ a: articles_by_pk(id: 2) { id } b: articles_by_pk(id: 4) { id } }"),
                "{\"a\": null, \"b\": {\"id\": 4}}");
    }

    @Test
    void aggregatesCountOnlyTheRowsTheRoleCanSee() {
        assertData(as("user", "1", "{ articles_aggregate { aggregate { count max { id } } nodes { id } } }"),
                "{\"articles_aggregate\": {\"aggregate\": {\"count\": 4, \"max\": {\"id\": 5}}, "
                        + "\"nodes\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}, {\"id\": 5}]}}");
        assertData(as("user", "1", "{ users(order_by: {id: asc}) { id articles_aggregate { aggregate { count } } } }"),
                "{\"users\": [{\"id\": 1, \"articles_aggregate\": {\"aggregate\": {\"count\": 2}}},"
                        + " {\"id\": 2, \"articles_aggregate\": {\"aggregate\": {\"count\": 1}}},"
                        + " {\"id\": 3, \"articles_aggregate\": {\"aggregate\": {\"count\": 1}}}]}");
    }

    @Test
    void eachTablesOwnFilterAppliesAtEveryDepthOfRelationships() {
        String query = "{ users(order_by: {id: asc}) { id articles(order_by: {id: asc}) { id comments { id body } } } }";
        assertData(as("user", "1", query), """
            {"users": [{"id": 1, "articles": [{"id": 1, "comments": [{"id": 1, "body": "nice"}]}, {"id": 2, "comments": []}]},
                       {"id": 2, "articles": [{"id": 3, "comments": [{"id": 3, "body": "ok"}]}]},
                       {"id": 3, "articles": [{"id": 5, "comments": [{"id": 5, "body": "c2"}]}]}]}
            """);
    }

    @Test
    void anObjectRelationshipToARowTheRoleCannotSeeIsNull() {
        assertData(as("author", "1", "{ articles(order_by: {id: asc}) { id author { name } } }"), """
            {"articles": [{"id": 1, "author": {"name": "Ann"}}, {"id": 2, "author": {"name": "Ann"}},
                          {"id": 3, "author": null}, {"id": 5, "author": null}]}
            """);
    }

    @Test
    void aRelationshipPathInThePermissionFilterFollowsTheRelationship() {
        assertData(as("user", "2", "{ comments(order_by: {id: asc}) { id } }"),
                "{\"comments\": [{\"id\": 1}, {\"id\": 3}, {\"id\": 5}]}");
    }

    @Test
    void aConditionThroughARelationshipInTheClientsWhereSeesOnlyRowsTheRoleCanSee() {
        String query = "{ articles(where: {author: {name: {_eq: \"Bo\"}}}) { id } }";
        assertData(f.gql(query), "{\"articles\": [{\"id\": 3}]}");
        assertData(as("author", "1", query), "{\"articles\": []}");
    }

    @Test
    void anAggregatePredicateInTheClientsWhereCountsOnlyRowsTheRoleCanSee() {
        String query = "{ users(where: {articles_aggregate: {count: {predicate: {_gte: 2}}}}, order_by: {id: asc}) { id } }";
        assertData(f.gql(query), "{\"users\": [{\"id\": 1}, {\"id\": 3}]}");
        assertData(as("user", "1", query), "{\"users\": [{\"id\": 1}]}");
        assertData(as("user", "3", query), "{\"users\": [{\"id\": 3}]}");
    }

    @Test
    void orderingThroughARelationshipSeesOnlyRowsTheRoleCanSee() {
        String query = "{ articles(order_by: [{author: {name: desc_nulls_last}}, {id: asc}]) { id } }";
        assertData(as("author", "1", query), "{\"articles\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}, {\"id\": 5}]}");
        assertData(f.gql(query), "{\"articles\": [{\"id\": 4}, {\"id\": 5}, {\"id\": 3}, {\"id\": 1}, {\"id\": 2}]}");
    }

    @Test
    void existsWithARootColumnComparisonShowsTheUsersOfMyOrg() {
        String query = "{ users(order_by: {id: asc}) { id } }";
        assertData(as("orgmate", "1", query), "{\"users\": [{\"id\": 1}, {\"id\": 2}]}");
        assertData(as("orgmate", "3", query), "{\"users\": [{\"id\": 3}]}");
        assertData(as("orgmate", "9", query), "{\"users\": []}");
    }

    @Test
    void aColumnComparisonComparesTwoColumnsOfTheRow() {
        assertData(as("orgmate", "1", ARTICLE_IDS), "{\"articles\": [{\"id\": 2}, {\"id\": 3}, {\"id\": 4}, {\"id\": 5}]}");
    }

    @Test
    void inWithASessionVariableReadsAPostgresArrayLiteral() {
        assertData(as(Map.of("x-hasura-role", "picker", "x-hasura-allowed-ids", "{2,4}"), ARTICLE_IDS),
                "{\"articles\": [{\"id\": 2}, {\"id\": 4}]}");
        assertData(as(Map.of("x-hasura-role", "picker", "x-hasura-allowed-ids", "{}"), ARTICLE_IDS), "{\"articles\": []}");
    }

    @Test
    void andOrNotCombineInTheFilter() {
        assertData(as("anon", null, "{ articles(order_by: {id: asc}, limit: 10) { id } }"),
                "{\"articles\": [{\"id\": 1}, {\"id\": 3}]}");
    }

    @Test
    void theLimitCapsEverySelectionOfTheTable() {
        assertData(as("anon", null, "{ articles(order_by: {id: desc}) { id } }"), "{\"articles\": [{\"id\": 5}, {\"id\": 3}]}");
        assertData(as("anon", null, "{ articles(order_by: {id: desc}, limit: 1) { id } }"), "{\"articles\": [{\"id\": 5}]}");
        Http.Response r = f.http.post("/v1/graphql", Json.write(Json.object()
                .put("query", "query ($n: Int) { articles(order_by: {id: desc}, limit: $n) { id } }")
                .set("variables", Json.parse("{\"n\": 10}"))), Map.of("x-hasura-role", "anon"));
        assertData(r.json(), "{\"articles\": [{\"id\": 5}, {\"id\": 3}]}");
        r = f.http.post("/v1/graphql", Json.write(Json.object()
                .put("query", "query ($n: Int) { articles(order_by: {id: desc}, limit: $n) { id } }")
                .set("variables", Json.parse("{\"n\": 1}"))), Map.of("x-hasura-role", "anon"));
        assertData(r.json(), "{\"articles\": [{\"id\": 5}]}");
        assertData(as("anon", null, "{ users(where: {id: {_eq: 1}}) { articles { id } } }"),
                "{\"users\": [{\"articles\": [{\"id\": 1}]}]}");
    }

    @Test
    void aMissingSessionVariableIsNotFound() {
        assertError(as("user", null, ARTICLE_IDS), "not-found", "missing session variable: \"x-hasura-user-id\"");
    }

    @Test
    void aSessionValueThatIsNotOfTheColumnsTypeIsADataException() {
        JsonNode answer = as("user", "abc", ARTICLE_IDS);
        assertThat(answer.has("data")).isFalse();
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("data-exception");
        assertThat(answer.at("/errors/0/message").asText()).contains("invalid input syntax for type integer");
    }

    @Test
    void explainAsARoleShowsTheSqlThatRoleRuns() {
        String body = Json.write(Json.object().<com.fasterxml.jackson.databind.node.ObjectNode>set("query",
                        Json.object().put("query", "{ articles { id } }"))
                .set("user", Json.parse("{\"x-hasura-role\": \"user\", \"x-hasura-user-id\": \"1\"}")));
        Http.Response r = f.http.post("/v1/graphql/explain", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String sql = r.json().at("/0/sql").asText();
        assertThat(sql).contains("\"published\"").contains("\"author_id\" = $2::\"int4\"").doesNotContain("'1'");
        assertThat(r.json().at("/0/plan").size()).isPositive();

        Http.Response admin = f.http.post("/v1/graphql/explain", Json.write(Json.object().set("query",
                Json.object().put("query", "{ articles { id } }"))));
        assertThat(admin.json().at("/0/sql").asText()).doesNotContain("where");
    }

    @Test
    void aRemoteRelationshipIsSentOnlyTheJoinValuesOfRowsTheRoleCanSee() {
        users.reset();
        assertData(as("anon", null, "{ articles(order_by: {id: desc}) { id writer { name } } }"),
                "{\"articles\": [{\"id\": 5, \"writer\": {\"name\": \"user3\"}}, {\"id\": 3, \"writer\": {\"name\": \"user2\"}}]}");
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(users.lastRequest().query()).isEqualTo("{r0_0:user(id:3){name}r0_1:user(id:2){name}}");

        users.reset();
        assertData(as("author", "3", "{ users { articles(order_by: {id: asc}) { id writer { name } } } }"),
                "{\"users\": [{\"articles\": [{\"id\": 4, \"writer\": {\"name\": \"user3\"}}, "
                        + "{\"id\": 5, \"writer\": {\"name\": \"user3\"}}]}]}");
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(users.lastRequest().query()).isEqualTo("{r0_0:user(id:3){name}}");
    }

    @Test
    void anInheritedRoleSeesAColumnOnlyOnTheRowsOfTheParentsThatGrantIt() {
        f.metadataOk("{\"type\": \"add_inherited_role\", \"args\": {\"role_name\": \"mix\", \"role_set\": [\"orgmate\", \"user\"]}}");
        // orgmate: id, title where id > author_id (2, 3, 4, 5); user 1: id, author_id, title, published where
        // published or own (1, 2, 3, 5): article 4 is seen through orgmate only, so its author_id is null
        assertData(as("mix", "1", "{ articles(order_by: {id: asc}) { id author_id title } }"), """
            {"articles": [{"id": 1, "author_id": 1, "title": "A1"}, {"id": 2, "author_id": 1, "title": "A2"},
                          {"id": 3, "author_id": 2, "title": "B1"}, {"id": 4, "author_id": null, "title": "C1"},
                          {"id": 5, "author_id": 3, "title": "C2"}]}
            """);
        assertData(as("user", "1", "{ articles(order_by: {id: asc}) { id } }"),
                "{\"articles\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}, {\"id\": 5}]}");
    }

    @Test
    void anInheritedRolesConditionOnAColumnSeesTheValueItIsShownNotTheHiddenOne() {
        f.metadataOk("{\"type\": \"add_inherited_role\", \"args\": {\"role_name\": \"mix2\", \"role_set\": [\"orgmate\", \"user\"]}}");
        // article 4 (author 3) shows author_id null to mix2 as user 1: a filter on author_id must not find it
        assertData(as("mix2", "1", "{ articles(where: {author_id: {_eq: 3}}, order_by: {id: asc}) { id } }"),
                "{\"articles\": [{\"id\": 5}]}");
        assertData(as("mix2", "1", "{ articles(where: {author_id: {_is_null: true}}) { id } }"),
                "{\"articles\": [{\"id\": 4}]}");
        assertData(as("mix2", "1", "{ articles(where: {_not: {author_id: {_eq: 3}}}, order_by: {id: asc}) { id } }"),
                "{\"articles\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]}");
        assertData(as("mix2", "1", "{ articles(where: {title: {_eq: \"C1\"}}) { id } }"), "{\"articles\": [{\"id\": 4}]}");
    }
}
