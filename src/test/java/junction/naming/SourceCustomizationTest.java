package junction.naming;

import static junction.naming.Names.assertData;
import static junction.naming.Names.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A source's customization in the hasura-default convention: root fields under a namespace, root
 * field prefix and suffix, type name prefix and suffix on every type generated for its tables (not
 * on scalars, comparison types or {@code order_by}, as in Hasura).
 */
class SourceCustomizationTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("naming_custom");
        f.runSqlOk(Names.SQL);
        f.metadataOk(Names.METADATA);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void plain() {
        customize("{}");
    }

    private static void customize(String customization) {
        f.metadataOk("{\"type\": \"pg_update_source\", \"args\": {\"name\": \"default\", \"customization\": " + customization + "}}");
    }

    @Test
    void rootFieldsTakeThePrefixAndSuffix() {
        customize("{\"root_fields\": {\"prefix\": \"p_\", \"suffix\": \"_s\"}}");
        assertData(f.gql("""
            { p_author_local_s(order_by: {author_id: asc}) { full_name }
              p_author_local_by_pk_s(author_id: 2) { full_name }
              p_author_local_aggregate_s { aggregate { count } }
              tags: p_tags_s { label_text } }
            """), """
            {"p_author_local_s": [{"full_name": "Ada"}, {"full_name": "Bob"}], "p_author_local_by_pk_s": {"full_name": "Bob"},
             "p_author_local_aggregate_s": {"aggregate": {"count": 2}}, "tags": [{"label_text": "red"}]}
            """);
        JsonNode inserted = f.gql("""
            mutation { p_insert_tag_item_one_s(object: {item_id: 9, label_text: "blue"}) { item_id }
                       p_delete_tag_item_by_pk_s(item_id: 9) { label_text } }
            """);
        assertData(inserted, """
            {"p_insert_tag_item_one_s": {"item_id": 9}, "p_delete_tag_item_by_pk_s": {"label_text": "blue"}}
            """);
        assertThat(f.graphql("{ author_local { full_name } }", Map.of()).json().at("/errors/0/message").asText())
                .isEqualTo("field 'author_local' not found in type: 'query_root'");
    }

    @Test
    void typesTakeTheTypeNamePrefixAndSuffixButNotScalarsComparisonsOrOrderBy() {
        customize("{\"type_names\": {\"prefix\": \"T_\", \"suffix\": \"_X\"}}");
        JsonNode data = f.gql("""
            { author_local(limit: 1) { __typename }
              author_local_aggregate { __typename aggregate { __typename count } }
              boolExp: __type(name: "T_author_local_bool_exp_X") { inputFields { name type { name } } }
              orderBy: __type(name: "T_author_local_order_by_X") { inputFields { name type { name } } }
              response: __type(name: "T_author_local_mutation_response_X") { name }
              insert: __type(name: "T_author_local_insert_input_X") { name }
              columns: __type(name: "T_author_local_select_column_X") { name }
              plain: __type(name: "author_local_bool_exp") { name } }
            """);
        assertThat(data.has("errors")).as("errors: %s", data).isFalse();
        data = data.get("data");
        assertThat(data.at("/author_local/0/__typename").asText()).isEqualTo("T_author_local_X");
        assertThat(data.at("/author_local_aggregate/__typename").asText()).isEqualTo("T_author_local_aggregate_X");
        assertThat(data.at("/author_local_aggregate/aggregate/__typename").asText()).isEqualTo("T_author_local_aggregate_fields_X");
        JsonNode boolExp = data.at("/boolExp/inputFields");
        assertThat(names(boolExp)).contains("_and", "articles", "author_id", "full_name");
        boolExp.forEach(field -> {
            if (field.get("name").asText().equals("author_id")) {
                assertThat(field.at("/type/name").asText()).isEqualTo("Int_comparison_exp");
            }
            if (field.get("name").asText().equals("articles")) {
                assertThat(field.at("/type/name").asText()).isEqualTo("T_article_local_bool_exp_X");
            }
        });
        data.at("/orderBy/inputFields").forEach(field -> {
            if (field.get("name").asText().equals("author_id")) {
                assertThat(field.at("/type/name").asText()).isEqualTo("order_by");
            }
        });
        assertThat(data.at("/response/name").asText()).isEqualTo("T_author_local_mutation_response_X");
        assertThat(data.at("/insert/name").asText()).isEqualTo("T_author_local_insert_input_X");
        assertThat(data.at("/columns/name").asText()).isEqualTo("T_author_local_select_column_X");
        assertThat(data.get("plain").isNull()).isTrue();
    }

    @Test
    void aNamespaceHoldsTheSourcesRootFields() {
        customize("{\"root_fields\": {\"namespace\": \"db\", \"suffix\": \"_s\"}, \"type_names\": {\"prefix\": \"T_\"}}");
        assertData(f.gql("""
            { __typename
              db { __typename author_local_s(order_by: {author_id: asc}) { full_name __typename }
                   one: author_local_by_pk_s(author_id: 1) { full_name } }
              again: db { tags_s { label_text } } }
            """), """
            {"__typename": "query_root",
             "db": {"__typename": "T_db_query", "author_local_s": [{"full_name": "Ada", "__typename": "T_author_local"},
                    {"full_name": "Bob", "__typename": "T_author_local"}], "one": {"full_name": "Ada"}},
             "again": {"tags_s": [{"label_text": "red"}]}}
            """);
        assertData(f.gql("""
            mutation { db { __typename insert_tag_item_one_s(object: {item_id: 8, label_text: "green"}) { item_id } }
                       later: db { delete_tag_item_s(where: {item_id: {_eq: 8}}) { affected_rows } } }
            """), """
            {"db": {"__typename": "T_db_mutation_frontend", "insert_tag_item_one_s": {"item_id": 8}},
             "later": {"delete_tag_item_s": {"affected_rows": 1}}}
            """);
        JsonNode schema = f.gql("""
            { query: __type(name: "query_root") { fields { name type { kind ofType { name } } } }
              mutation: __type(name: "mutation_root") { fields { name type { kind ofType { name } } } } }
            """).get("data");
        assertThat(names(schema.at("/query/fields"))).containsExactly("db");
        assertThat(schema.at("/query/fields/0/type/kind").asText()).isEqualTo("NON_NULL");
        assertThat(schema.at("/query/fields/0/type/ofType/name").asText()).isEqualTo("T_db_query");
        assertThat(schema.at("/mutation/fields/0/type/ofType/name").asText()).isEqualTo("T_db_mutation_frontend");
        assertThat(f.graphql("{ author_local_s { full_name } }", Map.of()).json().at("/errors/0/message").asText())
                .isEqualTo("field 'author_local_s' not found in type: 'query_root'");
    }

    @Test
    void aRoleSeesOnlyItsRootFieldsInTheNamespace() {
        customize("{\"root_fields\": {\"namespace\": \"db\"}}");
        JsonNode data = f.graphql("""
            { db { author_local(order_by: {author_id: desc}) { full_name } }
              type: __type(name: "db_query") { fields { name } } }
            """, Map.of("x-hasura-role", "reader")).json();
        assertData(data, """
            {"db": {"author_local": [{"full_name": "Bob"}, {"full_name": "Ada"}]},
             "type": {"fields": [{"name": "author_local"}, {"name": "author_local_by_pk"}]}}
            """);
    }

    @Test
    void graphqlDefaultInTheCustomizationIsIgnoredWithoutTheExperimentalFeature() {
        customize("{\"naming_convention\": \"graphql-default\"}");
        assertData(f.gql("{ author_local_by_pk(author_id: 1) { full_name __typename } }"), """
            {"author_local_by_pk": {"full_name": "Ada", "__typename": "author_local"}}
            """);
    }

    @Test
    void anUnknownNamingConventionIsRefused() {
        f.refused("""
            {"type": "pg_update_source", "args": {"name": "default", "customization": {"naming_convention": "camel"}}}""")
                .expect(400, "parse-failed", "$.args.customization.naming_convention",
                        "naming_convention can either be \"hasura-default\" or \"graphql-default\"");
    }
}
