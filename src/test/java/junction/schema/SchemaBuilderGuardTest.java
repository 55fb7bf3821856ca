package junction.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Catalog;
import junction.catalog.Column;
import junction.catalog.Table;
import junction.catalog.TableName;
import junction.catalog.UniqueKey;
import junction.json.Json;
import junction.metadata.model.Metadata;
import junction.metadata.model.TableConfig;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.ResolvedRelationship;
import junction.metadata.resolve.Snapshot;
import junction.metadata.resolve.SourceSnapshot;
import junction.metadata.resolve.TrackedTable;
import junction.session.Session;
import org.junit.jupiter.api.Test;

/**
 * The last guard of issue 14, item 5: even a snapshot the resolver would never produce — every
 * bad name the metadata checks refuse or report, let through — builds a schema that answers
 * {@code { __typename }} and serves the tables that build on their own.
 */
class SchemaBuilderGuardTest {
    private static final TableName AUTHORS = TableName.of("authors");

    @Test
    void aSnapshotWithANameInEveryBadPlaceStillBuildsASchemaForTheRest() {
        Map<TableName, TrackedTable> tables = new LinkedHashMap<>();
        add(tables, table("authors", "authors_pkey", "id", "name"), TableConfig.EMPTY,
                new ResolvedRelationship("books", ResolvedRelationship.Kind.ARRAY, TableName.of("books"),
                        Map.of("id", "author_id"), null),
                new ResolvedRelationship("the-self", ResolvedRelationship.Kind.OBJECT, AUTHORS, Map.of("id", "id"), null));
        add(tables, table("books", "books_pkey", "id", "author_id"), config(null, "select", "all-books"));
        add(tables, table("o2", "o2-pkey", "id"), TableConfig.EMPTY);
        add(tables, table("col-test", "col_test_pkey", "id"), TableConfig.EMPTY);
        add(tables, table("ユーザー", "u_pkey", "id"), config("bad name", null, null));
        add(tables, table("people", "people_pkey", "id", "first-name"), TableConfig.EMPTY);
        add(tables, table("counts", "counts_pkey", "id"), config(null, "select_aggregate", "1st"));
        add(tables, table("flags", "flags_pkey", "id", "true"), TableConfig.EMPTY);
        add(tables, table("hidden", "hidden_pkey", "id"), config(null, "select", "__all"));
        Catalog catalog = new Catalog(Map.of());
        Snapshot snapshot = new Snapshot(1, new Metadata(List.of(), List.of(), Map.of()),
                Map.of("default", new SourceSnapshot("default", catalog, tables, null)), List.of());

        RoleSchema schema = new SchemaBuilder().build(snapshot, Session.ADMIN);

        ExecutionResult typename = GraphQL.newGraphQL(schema.graphql()).build().execute("{ __typename }");
        assertThat(typename.getErrors()).isEmpty();
        assertThat((Object) typename.getData()).isEqualTo(Map.of("__typename", "query_root"));
        assertThat(schema.queryRoot("authors")).isPresent();
        assertThat(schema.queryRoot("o2_by_pk")).isPresent();
        assertThat(schema.queryRoot("people")).isPresent();
        assertThat(schema.queryRoot("books")).isEmpty();
        assertThat(schema.queryRoot("all-books")).isEmpty();
        assertThat(schema.queryRoot("counts")).isEmpty();
        assertThat(schema.queryRoot("flags")).isPresent();
        assertThat(schema.queryRoot("hidden")).isEmpty();
        assertThat(schema.graphql().getObjectType("authors").getFieldDefinition("books")).isNull();
        assertThat(schema.graphql().getObjectType("people").getFieldDefinition("first-name")).isNull();
    }

    private static void add(Map<TableName, TrackedTable> tables, Table table, TableConfig config,
                            ResolvedRelationship... relationships) {
        tables.put(table.name(), new TrackedTable(table.name(), table, TableEntry.tracked(table.name(), config, false),
                List.of(relationships), List.of()));
    }

    private static TableConfig config(String customName, String rootField, String rootName) {
        return new TableConfig(customName, rootField == null ? Map.of() : Map.of(rootField, Json.NODES.textNode(rootName)),
                Map.of(), null);
    }

    private static Table table(String name, String key, String... columns) {
        List<Column> cols = new java.util.ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            cols.add(new Column(columns[i], i + 1, i == 1 && columns[i].contains("name") ? "text" : "int4",
                    i == 1 && columns[i].contains("name") ? "S" : "N", i > 0, false, false, null, List.of()));
        }
        return new Table(TableName.of(name), 1, "r", cols, Optional.of(new UniqueKey(key, List.of("id"))), List.of(),
                List.of(), null);
    }
}
