package junction.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Column;
import junction.catalog.TableName;
import junction.metadata.model.GraphqlName;
import junction.metadata.resolve.Naming;
import junction.metadata.resolve.ResolvedComputedField;
import junction.metadata.resolve.ResolvedRelationship;
import junction.metadata.resolve.SelectPermission;
import junction.metadata.resolve.TablePermissions;
import junction.metadata.resolve.TrackedTable;

/**
 * A tracked table as one role's schema shows it: its GraphQL base name and the GraphQL names of
 * its columns and relationships, so that the planner can map a selection back to the database,
 * and what the role may do with it.
 *
 * @param columns       GraphQL field name → column the role may select, in table order
 * @param relationships GraphQL field name → relationship (object and array)
 * @param permissions   the role's permissions on the table (everything for admin)
 * @param naming        how its source names what the table adds to the schema
 * @param computedFields GraphQL field name → computed field the role sees
 */
public record TableInfo(String source, TrackedTable tracked, String typeName, Map<String, Column> columns,
                        Map<String, ResolvedRelationship> relationships, TablePermissions permissions, Naming naming,
                        Map<String, ResolvedComputedField> computedFields) {
    public TableInfo {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        relationships = Collections.unmodifiableMap(new LinkedHashMap<>(relationships));
        computedFields = Collections.unmodifiableMap(new LinkedHashMap<>(computedFields));
    }

    /** A table without computed fields. */
    /** A table without computed fields. */
    public TableInfo(String source, TrackedTable tracked, String typeName, Map<String, Column> columns,
                     Map<String, ResolvedRelationship> relationships, TablePermissions permissions, Naming naming) {
        this(source, tracked, typeName, columns, relationships, permissions, naming, Map.of());
    }

    /**
     * Whether a name can be a GraphQL field or type name. The resolver reports a table with a name
     * that cannot as inconsistent; this keeps such a name out should one come through anyway.
     */
    public static boolean isGraphqlName(String name) {
        return GraphqlName.isValid(name);
    }

    /** The table as {@code role} sees it: the columns its select permission grants. */
    public static TableInfo of(String source, TrackedTable tracked, String role) {
        return of(source, tracked, role, false);
    }

    /**
     * The table as {@code role} sees it, in the frontend or the backend scenario ({@code backendOnly}:
     * its backend_only mutation permissions apply).
     */
    public static TableInfo of(String source, TrackedTable tracked, String role, boolean backendOnly) {
        return of(source, tracked, role, backendOnly, Naming.DEFAULT);
    }

    /** The table as {@code role} sees it, named by its source's {@code naming}. */
    public static TableInfo of(String source, TrackedTable tracked, String role, boolean backendOnly, Naming naming) {
        TablePermissions permissions = tracked.permissions(role).forScenario(backendOnly);
        java.util.List<String> selectable = permissions.select().map(SelectPermission::columns).orElse(java.util.List.of());
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Column column : tracked.table().columns()) {
            String field = naming.column(tracked, column);
            if (selectable.contains(column.name()) && isGraphqlName(field) && isGraphqlName(ScalarTypes.graphqlName(column))) {
                columns.put(field, column);
            }
        }
        Map<String, ResolvedRelationship> relationships = new LinkedHashMap<>();
        for (ResolvedRelationship r : tracked.relationships()) {
            if (isGraphqlName(r.name())) {
                relationships.put(r.name(), r);
            }
        }
        Map<String, ResolvedComputedField> computed = new LinkedHashMap<>();
        java.util.List<String> granted = permissions.select().map(SelectPermission::computedFields).orElse(java.util.List.of());
        for (ResolvedComputedField field : tracked.computedFields()) {
            boolean shown = !field.scalar() || role.equals(TablePermissions.ADMIN) || granted.contains(field.name());
            if (shown && isGraphqlName(field.name()) && (!field.scalar() || isGraphqlName(ScalarTypes.graphqlName(field.returnColumn())))) {
                computed.put(field.name(), field);
            }
        }
        return new TableInfo(source, tracked, naming.tableType(tracked, ""), columns, relationships, permissions, naming, computed);
    }

    /** A type Hasura generates for the table: {@code suffix} as in hasura-default ({@code "_bool_exp"}, {@code "_avg_fields"}). */
    public String type(String suffix) {
        return naming.tableType(tracked, suffix);
    }

    /** A generated field or argument name given in hasura-default ({@code order_by}), in the source's convention. */
    public String field(String snake) {
        return naming.field(snake);
    }

    public TableName name() {
        return tracked.name();
    }

    /**
     * Whether the role can select rows of this table: it has a select permission granting a column
     * the schema can show. Only then does the table have an object type, filters and select root fields.
     */
    public boolean selectable() {
        return permissions.select().isPresent() && !columns.isEmpty();
    }

    /**
     * A column of the table by its GraphQL field name, whether the role may select it or not (mutation
     * inputs name the columns an insert or update permission grants).
     */
    public Optional<Column> anyColumn(String fieldName) {
        return tracked.table().columns().stream().filter(c -> naming.column(tracked, c).equals(fieldName)).findFirst();
    }

    /** Whether the role may aggregate this table ({@code allow_aggregations}): {@code T_aggregate}, {@code <rel>_aggregate}. */
    public boolean aggregatable() {
        return selectable() && permissions.select().orElseThrow().allowAggregations();
    }

    /** Whether {@code query_root} has the select root field {@code kind} ({@code select}, {@code select_by_pk}, …) for the role. */
    public boolean hasQueryRoot(String kind) {
        return selectable() && permissions.select().orElseThrow().queryRootFields().contains(kind);
    }

    /** The role's select permission; only for a {@link #selectable()} table. */
    public SelectPermission select() {
        return permissions.select().orElseThrow();
    }

    public Optional<Column> column(String fieldName) {
        return Optional.ofNullable(columns.get(fieldName));
    }

    public Optional<ResolvedRelationship> relationship(String fieldName) {
        return Optional.ofNullable(relationships.get(fieldName));
    }

    /** The array relationship whose aggregate field ({@code <rel>_aggregate}, {@code <rel>Aggregate}) this is. */
    public Optional<ResolvedRelationship> aggregateRelationship(String fieldName) {
        return relationships.values().stream().filter(r -> r.kind() == ResolvedRelationship.Kind.ARRAY
                && naming.field(r.name() + "_aggregate").equals(fieldName)).findFirst();
    }

    /** The GraphQL field name of a column. */
    public String fieldOf(Column column) {
        return naming.column(tracked, column);
    }

    /** The GraphQL field name of a column given by its database name. */
    public String fieldOf(String columnName) {
        return naming.column(tracked, columnName);
    }

    /** The table's primary key columns, empty when it has none (or one the schema cannot show). */
    public java.util.List<Column> primaryKey() {
        java.util.List<Column> key = tracked.table().primaryKey()
                .map(pk -> pk.columns().stream().map(c -> tracked.table().column(c).orElseThrow()).toList())
                .orElse(java.util.List.of());
        return columns.values().containsAll(key) ? key : java.util.List.of();
    }

    public Optional<ResolvedComputedField> computedField(String fieldName) {
        return Optional.ofNullable(computedFields.get(fieldName));
    }

    /**
     * This table without the relationships and the computed fields returning rows whose target is
     * not among {@code shown} (a role sees those only when it may select the rows).
     */
    public TableInfo relatedOnlyTo(java.util.Set<TableName> shown) {
        Map<String, ResolvedRelationship> kept = new LinkedHashMap<>(relationships);
        kept.values().removeIf(r -> !shown.contains(r.target()));
        Map<String, ResolvedComputedField> computed = new LinkedHashMap<>(computedFields);
        computed.values().removeIf(c -> c.returnTable().isPresent() && !shown.contains(c.returnTable().get()));
        return new TableInfo(source, tracked, typeName, columns, kept, permissions, naming, computed);
    }
}
