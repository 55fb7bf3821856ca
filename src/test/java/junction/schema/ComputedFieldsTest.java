package junction.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Computed fields over HTTP: selected, with arguments and the session, returning rows, in where and order_by. */
class ComputedFieldsTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("computed_fields");
        f.runSqlOk("""
            create table author (id int primary key, first_name text not null, last_name text not null);
            create table article (id int primary key, title text not null, author_id int references author(id), rating int);
            insert into author values (1, 'Ada', 'Lovelace'), (2, 'Alan', 'Turing'), (3, 'Grace', 'Hopper');
            insert into article values (1, 'Notes', 1, 5), (2, 'Engines', 1, 3), (3, 'Machines', 2, 4), (4, 'Compilers', 3, 5);
            create function author_full_name(author_row author) returns text stable language sql as $$
              select author_row.first_name || ' ' || author_row.last_name $$;
            create function author_greeting(author_row author, greeting text default 'Hello', punct text default '!')
              returns text stable language sql as $$ select greeting || ', ' || author_row.first_name || punct $$;
            create function author_articles(author_row author, min_rating int) returns setof article stable language sql as $$
              select * from article where author_id = author_row.id and rating >= min_rating $$;
            create function author_all_articles(author_row author) returns setof article stable language sql as $$
              select * from article where author_id = author_row.id $$;
            create function author_viewer(author_row author, hasura_session json) returns text stable language sql as $$
              select hasura_session ->> 'x-hasura-user-id' $$;
            comment on function author_full_name(author) is 'first and last name';
            """);
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_tables", "args": {"tables": [{"table": "author"}, {"table": "article"}]}},
              {"type": "pg_add_computed_field", "args": {"table": "author", "name": "full_name",
                "definition": {"function": "author_full_name"}}},
              {"type": "pg_add_computed_field", "args": {"table": "author", "name": "greeting",
                "definition": {"function": {"schema": "public", "name": "author_greeting"}, "table_argument": "author_row"},
                "comment": "says hello"}},
              {"type": "pg_add_computed_field", "args": {"table": "author", "name": "good_articles",
                "definition": {"function": "author_articles"}}},
              {"type": "pg_add_computed_field", "args": {"table": "author", "name": "all_articles",
                "definition": {"function": "author_all_articles"}}},
              {"type": "pg_add_computed_field", "args": {"table": "author", "name": "viewer",
                "definition": {"function": "author_viewer", "session_argument": "hasura_session"}}}
            ]}""");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void aScalarComputedFieldIsAFieldOfTheTableType() {
        JsonNode data = f.gql("{ author(order_by: {id: asc}) { id full_name } }");
        assertThat(data.at("/data/author/0/full_name").asText()).isEqualTo("Ada Lovelace");
        assertThat(data.at("/data/author/2/full_name").asText()).isEqualTo("Grace Hopper");
    }

    @Test
    void argumentsAreGivenInArgsAndThoseLeftOutKeepTheirDefault() {
        JsonNode data = f.gql("""
            { author_by_pk(id: 1) { a: greeting b: greeting(args: {greeting: "Hi"}) c: greeting(args: {punct: "?"}) } }""");
        assertThat(data.at("/data/author_by_pk")).isEqualTo(Json.parse(
                "{\"a\": \"Hello, Ada!\", \"b\": \"Hi, Ada!\", \"c\": \"Hello, Ada?\"}"));
    }

    @Test
    void argumentsMayComeFromVariables() {
        JsonNode data = f.gql("query($g: String) { author_by_pk(id: 2) { greeting(args: {greeting: $g}) } }",
                "{\"g\": \"Hey\"}", null);
        assertThat(data.at("/data/author_by_pk/greeting").asText()).isEqualTo("Hey, Alan!");
    }

    @Test
    void aComputedFieldReturningRowsIsAListWithTheListArguments() {
        JsonNode data = f.gql("""
            { author_by_pk(id: 1) {
                good_articles(args: {min_rating: 4}) { title }
                all_articles(order_by: {rating: asc}, limit: 1) { title rating }
                filtered: all_articles(where: {title: {_like: "E%"}}) { id } } }""");
        assertThat(data.at("/data/author_by_pk")).isEqualTo(Json.parse("""
            {"good_articles": [{"title": "Notes"}], "all_articles": [{"title": "Engines", "rating": 3}],
             "filtered": [{"id": 2}]}"""));
    }

    @Test
    void theSessionArgumentReceivesTheSessionVariables() {
        var r = f.http.post("/v1/graphql", "{\"query\": \"{ author_by_pk(id: 1) { viewer } }\"}",
                Map.of("x-hasura-role", "admin", "x-hasura-user-id", "42"));
        assertThat(r.json().at("/data/author_by_pk/viewer").asText()).as(r.body()).isEqualTo("42");
    }

    @Test
    void plainScalarComputedFieldsFilterAndOrder() {
        JsonNode data = f.gql("""
            { author(where: {full_name: {_ilike: "%o%"}}, order_by: {full_name: desc}) { id } }""");
        assertThat(data.at("/data/author")).isEqualTo(Json.parse("[{\"id\": 3}, {\"id\": 1}]"));
        JsonNode related = f.gql("""
            { article(where: {id: {_lte: 2}}, order_by: {id: asc}) { id } }""");
        assertThat(related.at("/data/article").size()).isEqualTo(2);
    }

    @Test
    void aComputedFieldReturningRowsWithoutArgumentsFiltersByItsRows() {
        JsonNode data = f.gql("{ author(where: {all_articles: {rating: {_eq: 4}}}) { id } }");
        assertThat(data.at("/data")).isEqualTo(Json.parse("{\"author\": [{\"id\": 2}]}"));
        JsonNode boolExp = f.gql("{ __type(name: \"author_bool_exp\") { inputFields { name type { name } } } }");
        assertThat(boolExp.at("/data/__type/inputFields").toString()).contains(
                "{\"name\":\"all_articles\",\"type\":{\"name\":\"article_bool_exp\"}}");
    }

    @Test
    void theSchemaShowsComputedFieldsAsHasuraDoes() {
        JsonNode type = f.gql("""
            { __type(name: "author") { fields { name description args { name type { kind name ofType { name } } } } } }""")
                .at("/data/__type/fields");
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        type.forEach(field -> byName.put(field.get("name").asText(), field));
        assertThat(byName.get("full_name").get("description").asText()).isEqualTo("first and last name");
        assertThat(byName.get("full_name").get("args")).isEmpty();
        assertThat(byName.get("greeting").get("description").asText()).isEqualTo("says hello");
        assertThat(byName.get("greeting").at("/args/0/name").asText()).isEqualTo("args");
        assertThat(byName.get("greeting").at("/args/0/type/name").asText()).isEqualTo("author_greeting_args");
        assertThat(byName.get("good_articles").at("/args/0/type/kind").asText()).isEqualTo("NON_NULL");
        assertThat(byName.get("all_articles").get("args")).extracting(a -> a.get("name").asText())
                .containsExactly("distinct_on", "limit", "offset", "order_by", "where");
        JsonNode boolExp = f.gql("{ __type(name: \"author_bool_exp\") { inputFields { name } } }");
        assertThat(boolExp.at("/data/__type/inputFields").findValuesAsText("name"))
                .contains("full_name", "viewer", "all_articles").doesNotContain("greeting", "good_articles");
        JsonNode orderBy = f.gql("{ __type(name: \"author_order_by\") { inputFields { name } } }");
        assertThat(orderBy.at("/data/__type/inputFields").findValuesAsText("name")).contains("full_name")
                .doesNotContain("greeting");
        JsonNode aggregate = f.gql("{ __type(name: \"author_max_fields\") { fields { name } } }");
        assertThat(aggregate.at("/data/__type/fields").findValuesAsText("name")).doesNotContain("full_name");
    }

    @Test
    void aggregateNodesAndMutationAnswersSelectComputedFieldsToo() {
        JsonNode nodes = f.gql("{ author_aggregate(where: {id: {_eq: 3}}) { nodes { full_name } } }");
        assertThat(nodes.at("/data/author_aggregate/nodes/0/full_name").asText()).isEqualTo("Grace Hopper");
        JsonNode changed = f.gql("""
            mutation { insert_author_one(object: {id: 9, first_name: "Edsger", last_name: "Dijkstra"}) { full_name }
              update_author_by_pk(pk_columns: {id: 9}, _set: {first_name: "E."}) { full_name } }""");
        assertThat(changed.get("data")).as(changed.toString()).isEqualTo(Json.parse(
                "{\"insert_author_one\": {\"full_name\": \"Edsger Dijkstra\"}, \"update_author_by_pk\": {\"full_name\": \"E. Dijkstra\"}}"));
        f.gql("mutation { delete_author_by_pk(id: 9) { id } }");
    }

    @Test
    void exportWritesComputedFieldsInHasurasShape() {
        JsonNode author = null;
        for (JsonNode t : f.export().at("/sources/0/tables")) {
            if (t.at("/table/name").asText().equals("author")) {
                author = t;
            }
        }
        assertThat(author.get("computed_fields").get(0)).isEqualTo(Json.parse("""
            {"name": "full_name", "definition": {"function": {"name": "author_full_name", "schema": "public"}}}"""));
        assertThat(Json.write(author.get("computed_fields").get(1))).isEqualTo(
                "{\"name\":\"greeting\",\"definition\":{\"function\":{\"name\":\"author_greeting\",\"schema\":\"public\"},"
                        + "\"table_argument\":\"author_row\"},\"comment\":\"says hello\"}");
    }
}
