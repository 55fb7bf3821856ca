package junction.metadata.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Column;
import junction.catalog.Table;
import junction.catalog.TableName;
import junction.catalog.UniqueKey;
import junction.json.Json;
import junction.metadata.model.ColumnConfig;
import junction.metadata.model.TableConfig;
import junction.metadata.model.TableEntry;
import org.junit.jupiter.api.Test;

/** The name table of both conventions, with and without customization, against Hasura's own test expectations. */
class NamingTest {
    private static final Naming HASURA = Naming.Defaults.HASURA.of(null);
    private static final Naming GRAPHQL = Naming.of(customization("{\"naming_convention\": \"graphql-default\"}"),
            "hasura-default", true);
    private static final TrackedTable AUTHOR_LOCAL = table(new TableName("public", "author_local"), TableConfig.EMPTY);
    private static final TrackedTable SALES_ORDERS = table(new TableName("sales", "order_lines"), TableConfig.EMPTY);

    @Test
    void hasuraDefaultNamesAreHasurasSnakeCase() {
        assertThat(HASURA.rootField(AUTHOR_LOCAL, "select")).isEqualTo("author_local");
        assertThat(HASURA.rootField(AUTHOR_LOCAL, "select_by_pk")).isEqualTo("author_local_by_pk");
        assertThat(HASURA.rootField(AUTHOR_LOCAL, "insert_one")).isEqualTo("insert_author_local_one");
        assertThat(HASURA.rootField(SALES_ORDERS, "update_many")).isEqualTo("update_sales_order_lines_many");
        assertThat(HASURA.tableType(AUTHOR_LOCAL, "")).isEqualTo("author_local");
        assertThat(HASURA.tableType(SALES_ORDERS, "_stddev_pop_fields")).isEqualTo("sales_order_lines_stddev_pop_fields");
        assertThat(HASURA.field("order_by")).isEqualTo("order_by");
        assertThat(HASURA.sharedType("Int_comparison_exp")).isEqualTo("Int_comparison_exp");
        assertThat(HASURA.enumValue("asc_nulls_first")).isEqualTo("asc_nulls_first");
        assertThat(HASURA.column(AUTHOR_LOCAL, "author_id")).isEqualTo("author_id");
    }

    @Test
    void graphqlDefaultCamelCasesFieldsPascalCasesTypesAndUpperCasesEnumValues() {
        Map<String, String> roots = Map.of("select", "authorLocal", "select_by_pk", "authorLocalByPk",
                "select_aggregate", "authorLocalAggregate", "insert", "insertAuthorLocal", "insert_one", "insertAuthorLocalOne",
                "update", "updateAuthorLocal", "update_by_pk", "updateAuthorLocalByPk", "update_many", "updateAuthorLocalMany",
                "delete", "deleteAuthorLocal", "delete_by_pk", "deleteAuthorLocalByPk");
        roots.forEach((kind, name) -> assertThat(GRAPHQL.rootField(AUTHOR_LOCAL, kind)).as(kind).isEqualTo(name));
        Map<String, String> types = Map.of("", "AuthorLocal", "_bool_exp", "AuthorLocalBoolExp",
                "_aggregate_fields", "AuthorLocalAggregateFields", "_mutation_response", "AuthorLocalMutationResponse",
                "_stddev_pop_fields", "AuthorLocalStddevPopFields", "_pk_columns_input", "AuthorLocalPkColumnsInput",
                "_select_column", "AuthorLocalSelectColumn", "_on_conflict", "AuthorLocalOnConflict");
        types.forEach((suffix, name) -> assertThat(GRAPHQL.tableType(AUTHOR_LOCAL, suffix)).as(suffix).isEqualTo(name));
        assertThat(GRAPHQL.tableType(SALES_ORDERS, "_order_by")).isEqualTo("SalesOrderLinesOrderBy");
        assertThat(GRAPHQL.rootField(SALES_ORDERS, "select")).isEqualTo("salesOrderLines");
        Map<String, String> fields = Map.of("order_by", "orderBy", "distinct_on", "distinctOn", "on_conflict", "onConflict",
                "_is_null", "_isNull", "_has_keys_any", "_hasKeysAny", "_eq", "_eq", "affected_rows", "affectedRows",
                "stddev_pop", "stddevPop", "_delete_at_path", "_deleteAtPath");
        fields.forEach((snake, camel) -> {
            assertThat(GRAPHQL.field(snake)).isEqualTo(camel);
            assertThat(Naming.snake(camel)).isEqualTo(snake);
        });
        assertThat(GRAPHQL.sharedType("order_by")).isEqualTo("OrderBy");
        assertThat(GRAPHQL.sharedType("timestamptz_comparison_exp")).isEqualTo("TimestamptzComparisonExp");
        assertThat(GRAPHQL.sharedType("Int_comparison_exp")).isEqualTo("IntComparisonExp");
        assertThat(GRAPHQL.enumValue("asc_nulls_first")).isEqualTo("ASC_NULLS_FIRST");
        assertThat(GRAPHQL.column(AUTHOR_LOCAL, "author_id")).isEqualTo("authorId");
    }

    @Test
    void givenNamesWinOverTheConvention() {
        TableConfig config = new TableConfig("authorDetails", Map.of("select_by_pk", Json.NODES.textNode("author_detail")),
                Map.of("full_name", new ColumnConfig("full_name", null)), null);
        TrackedTable custom = table(new TableName("public", "author_local"), config);
        assertThat(GRAPHQL.rootField(custom, "select")).isEqualTo("authorDetails");
        assertThat(GRAPHQL.rootField(custom, "select_by_pk")).isEqualTo("author_detail");
        assertThat(GRAPHQL.tableType(custom, "")).isEqualTo("AuthorDetails");
        assertThat(GRAPHQL.column(custom, "full_name")).isEqualTo("full_name");
    }

    @Test
    void prefixAndSuffixFollowTheConvention() {
        Naming hasura = Naming.of(customization("""
            {"root_fields": {"prefix": "test_", "suffix": "_query"}, "type_names": {"prefix": "T_", "suffix": "_X"}}"""),
                "hasura-default", true);
        assertThat(hasura.rootField(AUTHOR_LOCAL, "select_by_pk")).isEqualTo("test_author_local_by_pk_query");
        assertThat(hasura.tableType(AUTHOR_LOCAL, "_bool_exp")).isEqualTo("T_author_local_bool_exp_X");
        Naming graphql = Naming.of(customization("""
            {"root_fields": {"prefix": "test", "suffix": "query"}, "type_names": {"prefix": "my", "suffix": "type"},
             "naming_convention": "graphql-default"}"""), "hasura-default", true);
        assertThat(graphql.rootField(AUTHOR_LOCAL, "select")).isEqualTo("testAuthorLocalQuery");
        assertThat(graphql.rootField(AUTHOR_LOCAL, "delete_by_pk")).isEqualTo("testDeleteAuthorLocalByPkQuery");
        assertThat(graphql.tableType(AUTHOR_LOCAL, "")).isEqualTo("myAuthorLocalType");
        assertThat(hasura.generatedRootField("search_orders")).isEqualTo("test_search_orders_query");
        assertThat(graphql.generatedRootField("search_orders_aggregate")).isEqualTo("testSearchOrdersAggregateQuery");
        assertThat(graphql.givenRootField("find_it")).isEqualTo("testFind_itQuery");
        assertThat(GRAPHQL.givenRootField("find_it")).isEqualTo("find_it");
        assertThat(GRAPHQL.tableType(AUTHOR_LOCAL, "_enum")).isEqualTo("AuthorLocalEnum");
        Naming capital = Naming.of(customization("""
            {"root_fields": {"prefix": "Test", "suffix": "query"}, "naming_convention": "graphql-default"}"""),
                "hasura-default", true);
        assertThat(capital.rootField(AUTHOR_LOCAL, "select_by_pk")).isEqualTo("TestAuthorLocalByPkQuery");
    }

    @Test
    void theNamespaceTypeTakesTheTypePrefixAndSuffix() {
        Naming naming = Naming.of(customization("""
            {"root_fields": {"namespace": "archive"}, "type_names": {"prefix": "archive_"}}"""), "hasura-default", true);
        assertThat(naming.namespace()).contains("archive");
        assertThat(naming.namespaceType("_mutation_frontend")).contains("archive_archive_mutation_frontend");
        assertThat(naming.namespaceType("_query")).contains("archive_archive_query");
        assertThat(HASURA.namespaceType("_query")).isEmpty();
    }

    @Test
    void withoutTheExperimentalFeatureEverySourceIsHasuraDefault() {
        assertThat(Naming.of(customization("{\"naming_convention\": \"graphql-default\"}"), "hasura-default", false)
                .graphqlCase()).isFalse();
        assertThat(Naming.of(null, "graphql-default", false).graphqlCase()).isFalse();
        assertThat(Naming.of(null, "graphql-default", true).graphqlCase()).isTrue();
        assertThat(Naming.of(customization("{\"naming_convention\": \"hasura-default\"}"), "graphql-default", true)
                .graphqlCase()).isFalse();
    }

    private static com.fasterxml.jackson.databind.JsonNode customization(String json) {
        return Json.parse(json);
    }

    private static TrackedTable table(TableName name, TableConfig config) {
        Table table = new Table(name, 1, "r", List.of(new Column("author_id", 1, "int4", "N", false, false, false, null, List.of()),
                new Column("full_name", 2, "text", "S", true, false, false, null, List.of())),
                Optional.of(new UniqueKey(name.name() + "_pkey", List.of("author_id"))), List.of(), List.of(), null);
        return new TrackedTable(name, table, TableEntry.tracked(name, config, false), List.of(), List.of());
    }
}
