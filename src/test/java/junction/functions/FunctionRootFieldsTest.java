package junction.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tracked SQL functions as root fields, over HTTP: queries, aggregates, mutations, session argument, per role. */
class FunctionRootFieldsTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("function_roots");
        f.runSqlOk("""
            create table author (id int primary key, name text not null);
            create table article (id int primary key, author_id int not null references author(id), title text not null,
              rating int not null);
            insert into author values (1, 'Ann'), (2, 'Ben');
            insert into article values (1, 1, 'Alpha', 5), (2, 1, 'Beta', 3), (3, 2, 'Gamma', 4), (4, 2, 'Alphabet', 1);
            create function search_articles(search text, min_rating int default 0) returns setof article
              language sql stable as $$ select * from article where title ilike '%' || search || '%' and rating >= min_rating $$;
            create function top_article() returns article language sql stable
              as $$ select * from article order by rating desc limit 1 $$;
            create function my_articles(hasura_session json) returns setof article language sql stable
              as $$ select * from article where author_id = (hasura_session ->> 'x-hasura-user-id')::int $$;
            create function add_article(id int, title text) returns setof article language sql volatile
              as $$ insert into article values (id, 1, title, 0) returning * $$;
            create function by_rating(int, title_like text default '%') returns setof article language sql stable
              as $$ select * from article where rating = $1 and title ilike title_like $$;
            comment on function top_article() is 'the best article';
            """);
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "author"}},
              {"type": "pg_track_table", "args": {"table": "article"}},
              {"type": "pg_create_object_relationship", "args": {"table": "article", "name": "author",
                "using": {"foreign_key_constraint_on": "author_id"}}},
              {"type": "pg_create_select_permission", "args": {"table": "article", "role": "user",
                "permission": {"columns": ["id", "title"], "filter": {"author_id": {"_eq": "X-Hasura-User-Id"}},
                  "allow_aggregations": true}}},
              {"type": "pg_create_select_permission", "args": {"table": "author", "role": "user",
                "permission": {"columns": ["name"], "filter": {}}}},
              {"type": "pg_track_function", "args": {"function": {"schema": "public", "name": "search_articles"}}},
              {"type": "pg_track_function", "args": {"function": "top_article"}},
              {"type": "pg_track_function", "args": {"function": "by_rating"}},
              {"type": "pg_track_function", "args": {"function": "my_articles",
                "configuration": {"session_argument": "hasura_session"}}},
              {"type": "pg_track_function", "args": {"function": "add_article", "configuration": {"exposed_as": "mutation"}}}
            ]}""");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static JsonNode as(String role, String userId, String query) {
        var r = f.http.post("/v1/graphql", Json.write(Json.object().put("query", query)),
                Map.of("x-hasura-role", role, "x-hasura-user-id", userId));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aSetReturningFunctionIsAListWithArgsAndTheTablesArguments() {
        JsonNode answer = f.gql("""
            { search_articles(args: {search: "alpha"}, where: {rating: {_gt: 1}}, order_by: {id: desc}) {
                id title author { name } } }""");
        assertThat(answer.toString()).isEqualTo(
                "{\"data\":{\"search_articles\":[{\"id\":1,\"title\":\"Alpha\",\"author\":{\"name\":\"Ann\"}}]}}");
        JsonNode withDefault = f.gql("{ search_articles(args: {search: \"a\", min_rating: 4}, order_by: {id: asc}) { id } }");
        assertThat(withDefault.at("/data/search_articles").toString()).isEqualTo("[{\"id\":1},{\"id\":3}]");
        JsonNode paged = f.gql("{ search_articles(args: {search: \"a\"}, order_by: {id: asc}, limit: 2, offset: 1) { id } }");
        assertThat(paged.at("/data/search_articles").toString()).isEqualTo("[{\"id\":2},{\"id\":3}]");
    }

    @Test
    void anUnnamedArgumentIsArg1AndAnArgumentLeftOutTakesItsDefault() {
        assertThat(f.gql("{ by_rating(args: {arg_1: 4}) { id } }").at("/data/by_rating").toString()).isEqualTo("[{\"id\":3}]");
        assertThat(f.gql("{ by_rating(args: {arg_1: 5, title_like: \"B%\"}) { id } }").at("/data/by_rating").toString())
                .isEqualTo("[]");
    }

    @Test
    void theAggregateFieldAggregatesTheFunctionsRows() {
        JsonNode answer = f.gql("""
            { search_articles_aggregate(args: {search: "alpha"}) { aggregate { count sum { rating } } nodes { id } } }""");
        assertThat(answer.at("/data/search_articles_aggregate/aggregate").toString())
                .isEqualTo("{\"count\":2,\"sum\":{\"rating\":6}}");
    }

    @Test
    void aFunctionReturningOneRowIsAnObject() {
        assertThat(f.gql("{ top_article { id title } }").toString())
                .isEqualTo("{\"data\":{\"top_article\":{\"id\":1,\"title\":\"Alpha\"}}}");
    }

    @Test
    void theSessionArgumentReceivesTheSessionVariables() {
        JsonNode answer = as("user", "2", "{ my_articles(order_by: {id: asc}) { id title } }");
        assertThat(answer.at("/data/my_articles").toString())
                .isEqualTo("[{\"id\":3,\"title\":\"Gamma\"},{\"id\":4,\"title\":\"Alphabet\"}]");
    }

    @Test
    void aRoleGetsOnlyTheRowsItsSelectPermissionAllows() {
        JsonNode answer = as("user", "1", "{ search_articles(args: {search: \"a\"}, order_by: {id: asc}) { id title } }");
        assertThat(answer.at("/data/search_articles").toString())
                .isEqualTo("[{\"id\":1,\"title\":\"Alpha\"},{\"id\":2,\"title\":\"Beta\"}]");
        JsonNode hidden = as("user", "1", "{ search_articles(args: {search: \"a\"}) { rating } }");
        assertThat(hidden.at("/errors/0/extensions/code").asText()).isEqualTo("validation-failed");
    }

    @Test
    void aVolatileFunctionIsAMutationARoleSeesOnlyWithAFunctionPermission() {
        JsonNode answer = f.gql("mutation { add_article(args: {id: 10, title: \"New\"}) { id title } }");
        assertThat(answer.toString()).isEqualTo("{\"data\":{\"add_article\":[{\"id\":10,\"title\":\"New\"}]}}");
        assertThat(f.gql("{ article_by_pk(id: 10) { title } }").at("/data/article_by_pk/title").asText()).isEqualTo("New");
        JsonNode refused = as("user", "1", "mutation { add_article(args: {id: 11, title: \"No\"}) { id } }");
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("validation-failed");
        f.metadataOk("{\"type\": \"pg_create_function_permission\", \"args\": {\"function\": \"add_article\", \"role\": \"user\"}}");
        JsonNode allowed = as("user", "1", "mutation { add_article(args: {id: 11, title: \"Yes\"}) { id } }");
        assertThat(allowed.toString()).isEqualTo("{\"data\":{\"add_article\":[{\"id\":11}]}}");
        f.metadataOk("{\"type\": \"pg_drop_function_permission\", \"args\": {\"function\": \"add_article\", \"role\": \"user\"}}");
    }

    @Test
    void theSchemaNamesTheFieldsAndArgumentsAsHasuraDoes() {
        JsonNode type = f.gql("""
            { __type(name: "query_root") { fields { name description type { kind name ofType { name } }
                args { name type { kind name ofType { name } } } } } }""").at("/data/__type/fields");
        JsonNode search = null;
        JsonNode top = null;
        for (JsonNode field : type) {
            if (field.get("name").asText().equals("search_articles")) {
                search = field;
            }
            if (field.get("name").asText().equals("top_article")) {
                top = field;
            }
        }
        assertThat(search).isNotNull();
        assertThat(search.get("description").asText()).isEqualTo("execute function \"search_articles\" which returns \"article\"");
        assertThat(search.get("args").get(0).toString())
                .isEqualTo("{\"name\":\"args\",\"type\":{\"kind\":\"NON_NULL\",\"name\":null,\"ofType\":{\"name\":\"search_articles_args\"}}}");
        assertThat(search.get("args")).extracting(a -> a.get("name").asText())
                .containsExactly("args", "distinct_on", "limit", "offset", "order_by", "where");
        assertThat(top.get("description").asText()).isEqualTo("the best article");
        assertThat(top.at("/type/kind").asText()).isEqualTo("OBJECT");
        assertThat(top.get("args")).extracting(a -> a.get("name").asText())
                .containsExactly("distinct_on", "limit", "offset", "order_by", "where");
        JsonNode args = f.gql("{ __type(name: \"search_articles_args\") { inputFields { name type { name } } } }");
        assertThat(args.at("/data/__type/inputFields").toString())
                .isEqualTo("[{\"name\":\"min_rating\",\"type\":{\"name\":\"Int\"}},{\"name\":\"search\",\"type\":{\"name\":\"String\"}}]");
    }

    @Test
    void withARootFieldNamespaceTheFunctionsAreInsideItBesideTheTables() {
        f.metadataOk("""
            {"type": "pg_update_source", "args": {"name": "default", "customization": {"root_fields": {"namespace": "db"}}}}""");
        try {
            JsonNode answer = f.gql("""
                { db { search_articles(args: {search: "alpha"}, order_by: {id: asc}) { id }
                       search_articles_aggregate(args: {search: "alpha"}) { aggregate { count } }
                       top_article { id } article_by_pk(id: 2) { title } } }""");
            assertThat(answer.toString()).isEqualTo("{\"data\":{\"db\":{\"search_articles\":[{\"id\":1},{\"id\":4}],"
                    + "\"search_articles_aggregate\":{\"aggregate\":{\"count\":2}},\"top_article\":{\"id\":1},"
                    + "\"article_by_pk\":{\"title\":\"Beta\"}}}}");
            JsonNode mutations = f.gql("{ __type(name: \"db_mutation_frontend\") { fields { name } } }");
            assertThat(mutations.at("/data/__type/fields").findValuesAsText("name")).contains("add_article", "insert_article");
            assertThat(f.graphql("{ top_article { id } }", Map.of()).json().at("/errors/0/message").asText())
                    .isEqualTo("field 'top_article' not found in type: 'query_root'");
        } finally {
            f.metadataOk("""
                {"type": "pg_update_source", "args": {"name": "default", "customization": {}}}""");
        }
    }
}
