package junction.graphql;

import static junction.graphql.QueryTest.assertData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Postgres types Hasura maps beyond the common ones, on the embedded PostgreSQL (which ships the
 * {@code ltree} and {@code citext} extensions): {@code ltree} with its operators and the
 * {@code lquery}/{@code ltxtquery} scalars, {@code citext} with the text operators, and
 * {@code uuid}, {@code interval} and ranges as scalars of their Postgres names.
 */
class PostgresTypesTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("pgtypes");
        f.runSqlOk("""
            create extension ltree; create extension citext;
            create table node (id int primary key, path ltree not null, label citext, uid uuid, took interval,
              span int4range, tags text[], scores int[] not null default '{}', meta jsonb);
            insert into node values
              (1, 'Top', 'Ada', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '90 minutes', '[1,5)', '{a,b}', '{1,2}', '{"vip": true}'),
              (2, 'Top.Science', 'Grace', null, '2 hours', '[5,10)', '{b}', '{}', '{"vip": false}'),
              (3, 'Top.Science.Astronomy', 'ada', null, null, null, null, '{3}', null),
              (4, 'Top.Hobbies.Amateurs_Astronomy', 'Linus', null, '1 day', '(,0)', '{"x,y", "q\\"q"}', '{4}', '[]');
            """);
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"node\"}}");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void ltreeOperatorsAreHasuras() {
        assertThat(ids("{path: {_ancestor: \"Top.Science.Astronomy\"}}")).isEqualTo("[1,2,3]");
        assertThat(ids("{path: {_ancestor_any: [\"Top.Science\", \"Top.Hobbies\"]}}")).isEqualTo("[1,2]");
        assertThat(ids("{path: {_descendant: \"Top.Science\"}}")).isEqualTo("[2,3]");
        assertThat(ids("{path: {_descendant_any: [\"Top.Science\", \"Top.Hobbies\"]}}")).isEqualTo("[2,3,4]");
        assertThat(ids("{path: {_matches: \"*.Astronomy\"}}")).isEqualTo("[3]");
        assertThat(ids("{path: {_matches_any: [\"*.Astronomy\", \"Top\"]}}")).isEqualTo("[1,3]");
        assertThat(ids("{path: {_matches_fulltext: \"Astronomy | Hobbies\"}}")).isEqualTo("[3,4]");
        assertThat(ids("{path: {_eq: \"Top\"}}")).isEqualTo("[1]");
        JsonNode answer = f.gql("query($q: lquery!) { node(where: {path: {_matches: $q}}, order_by: {id: asc}) { id path } }",
                "{\"q\": \"Top.*{1}\"}", null);
        assertData(answer, "{\"node\": [{\"id\": 2, \"path\": \"Top.Science\"}]}");
    }

    @Test
    void ltreeValuesAreInsertedAndInPermissionFilters() {
        assertData(f.gql("mutation { insert_node_one(object: {id: 9, path: \"Top.New\"}) { id path } }"),
                "{\"insert_node_one\": {\"id\": 9, \"path\": \"Top.New\"}}");
        f.gql("mutation { delete_node_by_pk(id: 9) { id } }");
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "node", "role": "branch", "permission": {
              "columns": ["id", "path"], "filter": {"_or": [{"path": {"_descendant": "X-Hasura-Branch"}},
                {"path": {"_matches_any": ["*.Amateurs_*"]}}]}}}}
            """);
        Http.Response r = f.http.post("/v1/graphql", Json.write(Json.object().put("query", "{ node(order_by: {id: asc}) { id } }")),
                Map.of("x-hasura-role", "branch", "x-hasura-branch", "Top.Science"));
        assertThat(r.json().at("/data/node").findValuesAsText("id")).as(r.body()).containsExactly("2", "3", "4");
        var error = f.refused("""
            {"type": "pg_create_select_permission", "args": {"table": "node", "role": "bad", "permission": {
              "columns": ["id"], "filter": {"label": {"_ancestor": "Top"}}}}}
            """);
        assertThat(error.error()).contains("is of type \"citext\"; this operator works only on columns of type \"ltree\"");
    }

    @Test
    void citextHasTheTextOperatorsAndComparesWithoutCase() {
        assertThat(ids("{label: {_eq: \"ADA\"}}")).isEqualTo("[1,3]");
        assertThat(ids("{label: {_like: \"g%\"}}")).isEqualTo("[2]");
        assertThat(ids("{label: {_in: [\"linus\", \"GRACE\"]}}")).isEqualTo("[2,4]");
        assertThat(ids("{label: {_nregex: \"a\"}}")).isEqualTo("[4]");
    }

    @Test
    void uuidIntervalAndRangesAreScalarsOfTheirNames() {
        assertData(f.gql("{ node(where: {took: {_gt: \"1 hour\"}}, order_by: {id: asc}) { id uid took span } }"), """
            {"node": [
              {"id": 1, "uid": "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "took": "01:30:00", "span": "[1,5)"},
              {"id": 2, "uid": null, "took": "02:00:00", "span": "[5,10)"},
              {"id": 4, "uid": null, "took": "1 day", "span": "(,0)"}]}
            """);
        assertThat(ids("{uid: {_eq: \"A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11\"}}")).isEqualTo("[1]");
        assertThat(ids("{span: {_eq: \"[1,4]\"}}")).isEqualTo("[1]");
        assertData(f.gql("""
            mutation { insert_node_one(object: {id: 8, path: "X", uid: "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", took: "PT5M",
              span: "[2,3]"}) { uid took span } }
            """), """
            {"insert_node_one": {"uid": "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "took": "00:05:00", "span": "[2,4)"}}
            """);
        f.gql("mutation { delete_node_by_pk(id: 8) { id } }");
    }

    @Test
    void arraysAreListsOfTheirElementsScalar() {
        assertData(f.gql("{ node(where: {id: {_in: [1, 4]}}, order_by: {id: asc}) { tags scores } }"), """
            {"node": [{"tags": ["a", "b"], "scores": [1, 2]}, {"tags": ["x,y", "q\\"q"], "scores": [4]}]}
            """);
        assertThat(ids("{tags: {_contains: [\"b\"]}}")).isEqualTo("[1,2]");
        assertThat(ids("{tags: {_contained_in: [\"a\", \"b\", \"c\"]}}")).isEqualTo("[1,2]");
        assertThat(ids("{tags: {_eq: [\"x,y\", \"q\\\"q\"]}}")).isEqualTo("[4]");
        assertThat(ids("{tags: {_in: [[\"b\"], [\"a\", \"b\"], [\"zz\", \"a\", \"b\"]]}}")).isEqualTo("[1,2]");
        assertThat(ids("{scores: {_nin: [[], [4]]}}")).isEqualTo("[1,3]");
        assertThat(ids("{scores: {_gt: [2]}}")).isEqualTo("[3,4]");
        JsonNode answer = f.gql("mutation($s: [Int!]!, $t: [String!]) { insert_node_one(object: {id: 7, path: \"Y\", scores: $s, tags: $t}) "
                + "{ tags scores } }", "{\"s\": [5, 6], \"t\": [\"new\"]}", null);
        assertData(answer, "{\"insert_node_one\": {\"tags\": [\"new\"], \"scores\": [5, 6]}}");
        f.gql("mutation { delete_node_by_pk(id: 7) { id } }");
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "node", "role": "tagged", "permission": {
              "columns": ["id"], "filter": {"tags": {"_contains": ["a"]}}}}}
            """);
        Http.Response r = f.http.post("/v1/graphql", Json.write(Json.object().put("query", "{ node { id } }")),
                Map.of("x-hasura-role", "tagged"));
        assertThat(r.json().at("/data/node").findValuesAsText("id")).as(r.body()).containsExactly("1");
    }

    @Test
    void arrayColumnsAreTypedAsHasuraTypesThem() {
        JsonNode answer = f.gql("""
            { n: __type(name: "node") { fields { name type { kind name ofType { kind name ofType { kind name } } } } }
              s: __type(name: "String_array_comparison_exp") { inputFields { name type { kind ofType { kind ofType { kind name } } } } } }
            """);
        JsonNode fields = answer.at("/data/n/fields");
        java.util.Map<String, String> types = new java.util.HashMap<>();
        fields.forEach(field -> types.put(field.get("name").asText(), field.get("type").toString()));
        assertThat(types.get("tags")).isEqualTo("{\"kind\":\"LIST\",\"name\":null,\"ofType\":{\"kind\":\"NON_NULL\",\"name\":null,"
                + "\"ofType\":{\"kind\":\"SCALAR\",\"name\":\"String\"}}}");
        assertThat(types.get("scores")).isEqualTo("{\"kind\":\"NON_NULL\",\"name\":null,\"ofType\":{\"kind\":\"LIST\",\"name\":null,"
                + "\"ofType\":{\"kind\":\"NON_NULL\",\"name\":null}}}");
        assertThat(names(answer.at("/data/s/inputFields"))).containsExactly("_contained_in", "_contains", "_eq", "_gt", "_gte",
                "_in", "_is_null", "_lt", "_lte", "_neq", "_nin");
        assertThat(answer.at("/data/s/inputFields/5/type").toString()).isEqualTo("{\"kind\":\"LIST\",\"ofType\":{\"kind\":\"NON_NULL\","
                + "\"ofType\":{\"kind\":\"LIST\",\"name\":null}}}");
        assertThat(f.gql("{ __type(name: \"_text\") { name } }").at("/data/__type").isNull()).isTrue();
    }

    @Test
    void jsonbCastsToStringForTheTextOperators() {
        assertThat(ids("{meta: {_cast: {String: {_like: \"%true%\"}}}}")).isEqualTo("[1]");
        JsonNode answer = f.gql("{ __type(name: \"jsonb_cast_exp\") { inputFields { name type { name } } } }");
        assertThat(answer.at("/data/__type/inputFields").toString()).isEqualTo("[{\"name\":\"String\",\"type\":{\"name\":\"String_comparison_exp\"}}]");
    }

    @Test
    void theComparisonTypesAreHasuras() {
        JsonNode answer = f.gql("""
            { l: __type(name: "ltree_comparison_exp") { inputFields { name type { kind name ofType { name ofType { name } } } } }
              c: __type(name: "citext_comparison_exp") { inputFields { name } }
              u: __type(name: "uuid_comparison_exp") { inputFields { name } }
              r: __type(name: "int4range_comparison_exp") { inputFields { name } }
              q: __type(name: "lquery") { kind } t: __type(name: "ltxtquery") { kind } }
            """);
        assertThat(names(answer.at("/data/l/inputFields"))).containsExactly("_ancestor", "_ancestor_any", "_descendant",
                "_descendant_any", "_eq", "_gt", "_gte", "_in", "_is_null", "_lt", "_lte", "_matches", "_matches_any",
                "_matches_fulltext", "_neq", "_nin");
        assertThat(answer.at("/data/l/inputFields/12/type").toString())
                .isEqualTo("{\"kind\":\"LIST\",\"name\":null,\"ofType\":{\"name\":null,\"ofType\":{\"name\":\"String\"}}}");
        assertThat(answer.at("/data/l/inputFields/11/type/name").asText()).isEqualTo("lquery");
        assertThat(names(answer.at("/data/c/inputFields"))).contains("_ilike", "_iregex", "_like", "_similar", "_eq");
        assertThat(names(answer.at("/data/u/inputFields"))).containsExactly("_eq", "_gt", "_gte", "_in", "_is_null", "_lt",
                "_lte", "_neq", "_nin");
        assertThat(names(answer.at("/data/r/inputFields"))).containsExactly("_eq", "_gt", "_gte", "_in", "_is_null", "_lt",
                "_lte", "_neq", "_nin");
        assertThat(answer.at("/data/q/kind").asText()).isEqualTo("SCALAR");
        assertThat(answer.at("/data/t/kind").asText()).isEqualTo("SCALAR");
    }

    static String ids(String where) {
        JsonNode answer = f.gql("{ node(where: " + where + ", order_by: {id: asc}) { id } }");
        assertThat(answer.has("errors")).as("%s", answer).isFalse();
        return answer.at("/data/node").findValuesAsText("id").toString().replace(" ", "");
    }

    static List<String> names(JsonNode fields) {
        return StreamSupport.stream(fields.spliterator(), false).map(n -> n.get("name").asText()).toList();
    }
}
