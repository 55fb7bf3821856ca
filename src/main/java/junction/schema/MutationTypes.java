package junction.schema;

import static junction.schema.TypeSet.argument;
import static junction.schema.TypeSet.field;
import static junction.schema.TypeSet.input;
import static junction.schema.TypeSet.listOfNonNull;
import static junction.schema.TypeSet.nonNull;
import static junction.schema.TypeSet.nonNullListOfNonNull;
import static junction.schema.TypeSet.ref;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import junction.catalog.Column;
import junction.catalog.TableName;
import junction.catalog.UniqueKey;
import junction.catalog.Writes;
import junction.metadata.model.GraphqlName;
import junction.metadata.resolve.InsertPermission;
import junction.metadata.resolve.TablePermissions;
import junction.metadata.resolve.UpdatePermission;

/**
 * Mutation root fields of a table and their input types, with Hasura's names, as the role's insert,
 * update and delete permissions allow (admin: all), and only those Postgres can run on the relation
 * (a view's as {@code pg_relation_is_updatable} says; a materialized view's none). What a permission does not allow
 * does not exist for the role: the root fields, the input fields of preset or ungranted columns,
 * {@code returning} and the {@code _one}/{@code _by_pk} fields without a select permission.
 */
final class MutationTypes {
    /** jsonb update operators: argument name → input type suffix. */
    static final Map<String, String> JSONB_OPERATORS = Map.of("_append", "append_input", "_prepend", "prepend_input",
            "_delete_key", "delete_key_input", "_delete_elem", "delete_elem_input", "_delete_at_path", "delete_at_path_input");

    /** The only value of {@code T_update_column} for a role that may update no column (Hasura's). */
    static final String PLACEHOLDER = "_PLACEHOLDER";

    private MutationTypes() {
    }

    static void add(TypeSet types, TableInfo table, Function<TableName, TableInfo> tables,
                    Map<String, RootField> roots, List<GraphQLFieldDefinition> fields) {
        TablePermissions permissions = table.permissions();
        Writes possible = table.tracked().table().writes();
        boolean insert = permissions.insert().isPresent() && possible.insert();
        boolean update = permissions.update().isPresent() && possible.update();
        boolean delete = permissions.delete().isPresent() && possible.delete();
        if (!insert && !update && !delete) {
            return;
        }
        String t = table.typeName();
        String quoted = "\"" + table.name().name() + "\"";
        if (!table.selectable()) {
            FilterTypes.addBoolExp(types, table, tables);
        }
        GraphQLObjectType.Builder response = GraphQLObjectType.newObject().name(table.type("_mutation_response"))
                .description("response of any mutation on the table " + quoted)
                .field(field(table.field("affected_rows"), nonNull("Int"), "number of rows affected by the mutation"));
        if (table.selectable()) {
            response.field(field("returning", nonNullListOfNonNull(t), "data from the rows affected by the mutation"));
        }
        types.add(response.build());
        if (insert) {
            addInsert(types, table, tables, roots, fields, permissions.insert().get());
        }
        if (update) {
            addUpdate(types, table, roots, fields, permissions.update().get());
        }
        if (delete) {
            addDelete(table, roots, fields);
        }
    }

    /**
     * {@code insert_T} and, when the role can select the table, {@code insert_T_one}; {@code on_conflict}
     * when the table has a unique or primary key (its {@code update_columns} those of the role's update
     * permission, a placeholder when it has none: Hasura keeps "do nothing" open to every role).
     */
    private static void addInsert(TypeSet types, TableInfo table, Function<TableName, TableInfo> tables,
                                  Map<String, RootField> roots, List<GraphQLFieldDefinition> fields, InsertPermission permission) {
        String t = table.typeName();
        String quoted = "\"" + table.name().name() + "\"";
        if (!insertable(table)) {
            return;
        }
        types.add(insertInput(types, table, writable(table, permission.columns(), permission.set().keySet()), tables));
        boolean conflicts = addConflictTypes(types, table);
        addRelationshipInsertInputs(types, table, conflicts);
        List<GraphQLArgument> insertArgs = new ArrayList<>();
        insertArgs.add(argument("objects", nonNullListOfNonNull(table.type("_insert_input")), "the rows to be inserted"));
        List<GraphQLArgument> insertOneArgs = new ArrayList<>();
        insertOneArgs.add(argument("object", nonNull(table.type("_insert_input")), "the row to be inserted"));
        if (conflicts) {
            insertArgs.add(argument(table.field("on_conflict"), ref(table.type("_on_conflict")), "upsert condition"));
            insertOneArgs.add(argument(table.field("on_conflict"), ref(table.type("_on_conflict")), "upsert condition"));
        }
        root(roots, fields, rootName(table, "insert"), RootField.Kind.INSERT, table,
                ref(table.type("_mutation_response")), insertArgs, "insert data into the table: " + quoted);
        if (table.selectable()) {
            root(roots, fields, rootName(table, "insert_one"), RootField.Kind.INSERT_ONE,
                    table, ref(t), insertOneArgs, "insert a single row into the table: " + quoted);
        }
    }

    /**
     * {@code update_T}, {@code update_T_many} and, when the role can select the table and its key,
     * {@code update_T_by_pk}; the operators take the permission's columns less its presets.
     */
    private static void addUpdate(TypeSet types, TableInfo table, Map<String, RootField> roots,
                                  List<GraphQLFieldDefinition> fields, UpdatePermission permission) {
        String t = table.typeName();
        String quoted = "\"" + table.name().name() + "\"";
        List<GraphQLArgument> updateArgs = updateArguments(types, table, writable(table, permission.columns(),
                permission.set().keySet()));
        List<GraphQLArgument> update = new ArrayList<>(updateArgs);
        update.add(argument("where", nonNull(FilterTypes.boolExpName(table)), "filter the rows which have to be updated"));
        root(roots, fields, rootName(table, "update"), RootField.Kind.UPDATE, table,
                ref(table.type("_mutation_response")), update, "update data of the table: " + quoted);
        List<GraphQLInputObjectField> updatesFields = new ArrayList<>();
        update.forEach(a -> updatesFields.add(input(a.getName(), a.getType())));
        updatesFields.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        types.add(GraphQLInputObjectType.newInputObject().name(table.type("_updates")).fields(updatesFields).build());
        root(roots, fields, rootName(table, "update_many"), RootField.Kind.UPDATE_MANY,
                table, GraphQLList.list(ref(table.type("_mutation_response"))),
                List.of(argument("updates", nonNullListOfNonNull(table.type("_updates")), "updates to execute, in order")),
                "update multiples rows of table: " + quoted);
        List<Column> pk = table.primaryKey();
        if (pk.isEmpty() || !table.selectable()) {
            return;
        }
        types.add(inputObject(types, table.type("_pk_columns_input"), table, pk, c -> true, "primary key columns input for table: " + quoted, true));
        List<GraphQLArgument> byPk = new ArrayList<>(updateArgs);
        byPk.add(argument(table.field("pk_columns"), nonNull(table.type("_pk_columns_input")), null));
        root(roots, fields, rootName(table, "update_by_pk"), RootField.Kind.UPDATE_BY_PK,
                table, ref(t), byPk, "update single row of the table: " + quoted);
    }

    /** {@code delete_T} and, when the role can select the table and its key, {@code delete_T_by_pk}. */
    private static void addDelete(TableInfo table, Map<String, RootField> roots, List<GraphQLFieldDefinition> fields) {
        String t = table.typeName();
        String quoted = "\"" + table.name().name() + "\"";
        root(roots, fields, rootName(table, "delete"), RootField.Kind.DELETE, table,
                ref(table.type("_mutation_response")), List.of(argument("where", nonNull(FilterTypes.boolExpName(table)),
                        "filter the rows which have to be deleted")), "delete data from the table: " + quoted);
        if (table.primaryKey().isEmpty() || !table.selectable()) {
            return;
        }
        root(roots, fields, rootName(table, "delete_by_pk"), RootField.Kind.DELETE_BY_PK,
                table, ref(t), SchemaBuilder.pkArguments(table), "delete single row from the table: " + quoted);
    }

    /**
     * The columns a permission lets the role give values to, in table order: those it names, less its
     * presets (the engine sets them), generated columns and names the schema cannot show.
     */
    static List<Column> writable(TableInfo table, List<String> columns, java.util.Set<String> presets) {
        List<Column> out = new ArrayList<>();
        for (Column c : table.tracked().table().columns()) {
            if (columns.contains(c.name()) && !presets.contains(c.name()) && !c.generated()
                    && TableInfo.isGraphqlName(table.fieldOf(c)) && TableInfo.isGraphqlName(ScalarTypes.graphqlName(c))) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Whether the role can insert into the table through GraphQL: an insert permission granting a
     * column it can send (GraphQL has no input object without fields; a role whose every column is
     * preset gets no insert field).
     */
    static boolean insertable(TableInfo table) {
        return table.tracked().table().writes().insert() && table.permissions().insert()
                .map(p -> !writable(table, p.columns(), p.set().keySet()).isEmpty()).orElse(false);
    }

    /** The columns {@code on_conflict} may update: the role's update permission's, less its presets. */
    static List<Column> conflictUpdatable(TableInfo table) {
        return table.permissions().update().map(p -> writable(table, p.columns(), p.set().keySet())).orElse(List.of());
    }

    /** {@code T_insert_input}: the writable columns, and relationships to insert through (nested inserts). */
    private static GraphQLInputObjectType insertInput(TypeSet types, TableInfo table, List<Column> writable,
                                                      Function<TableName, TableInfo> tables) {
        List<GraphQLInputObjectField> inputs = new ArrayList<>(inputObject(types, table.type("_insert_input"), table,
                writable, c -> true, null).getFieldDefinitions());
        table.relationships().forEach((name, rel) -> {
            TableInfo target = tables.apply(rel.target());
            if (!insertable(target)) {
                return;
            }
            String suffix = rel.kind() == junction.metadata.resolve.ResolvedRelationship.Kind.OBJECT
                    ? "_obj_rel_insert_input" : "_arr_rel_insert_input";
            inputs.add(input(name, ref(target.type(suffix))));
        });
        inputs.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        return GraphQLInputObjectType.newInputObject().name(table.type("_insert_input"))
                .description("input type for inserting data into table \"" + table.name().name() + "\"")
                .fields(inputs).build();
    }

    /** {@code T_obj_rel_insert_input} and {@code T_arr_rel_insert_input}, for inserting T through a relationship. */
    private static void addRelationshipInsertInputs(TypeSet types, TableInfo table, boolean conflicts) {
        GraphQLInputObjectType.Builder object = GraphQLInputObjectType.newInputObject().name(table.type("_obj_rel_insert_input"))
                .description("input type for inserting object relation for remote table \"" + table.name().name() + "\"")
                .field(input("data", nonNull(table.type("_insert_input"))));
        GraphQLInputObjectType.Builder array = GraphQLInputObjectType.newInputObject().name(table.type("_arr_rel_insert_input"))
                .description("input type for inserting array relation for remote table \"" + table.name().name() + "\"")
                .field(input("data", nonNullListOfNonNull(table.type("_insert_input"))));
        if (conflicts) {
            object.field(input(table.field("on_conflict"), ref(table.type("_on_conflict"))));
            array.field(input(table.field("on_conflict"), ref(table.type("_on_conflict"))));
        }
        types.add(object.build());
        types.add(array.build());
    }

    private static List<GraphQLArgument> updateArguments(TypeSet types, TableInfo table, List<Column> writable) {
        List<GraphQLArgument> args = new ArrayList<>();
        if (writable.isEmpty()) {
            return args;
        }
        types.add(inputObject(types, table.type("_set_input"), table, writable, c -> true, null));
        args.add(argument("_set", ref(table.type("_set_input")), "sets the columns of the filtered rows to the given values"));
        List<Column> numeric = writable.stream().filter(ScalarTypes::isNumeric).toList();
        if (!numeric.isEmpty()) {
            types.add(inputObject(types, table.type("_inc_input"), table, numeric, c -> true, null));
            args.add(argument("_inc", ref(table.type("_inc_input")), "increments the numeric columns with given value of the filtered values"));
        }
        List<Column> jsonb = writable.stream().filter(ScalarTypes::isJsonb).toList();
        if (!jsonb.isEmpty()) {
            JSONB_OPERATORS.forEach((arg, suffix) -> {
                String name = table.type("_" + suffix);
                List<GraphQLInputObjectField> inputs = new ArrayList<>();
                for (Column c : jsonb) {
                    inputs.add(input(table.fieldOf(c), switch (arg) {
                        case "_delete_key" -> ref("String");
                        case "_delete_elem" -> ref("Int");
                        case "_delete_at_path" -> listOfNonNull("String");
                        default -> ref(types.scalar("jsonb"));
                    }));
                }
                inputs.sort(Comparator.comparing(GraphQLInputObjectField::getName));
                types.add(GraphQLInputObjectType.newInputObject().name(name).fields(inputs).build());
                args.add(argument(table.field(arg), ref(name), null));
            });
        }
        args.sort(Comparator.comparing(GraphQLArgument::getName));
        return args;
    }

    private static boolean addConflictTypes(TypeSet types, TableInfo table) {
        List<UniqueKey> keys = new ArrayList<>();
        table.tracked().table().primaryKey().ifPresent(keys::add);
        keys.addAll(table.tracked().table().uniqueKeys());
        keys.removeIf(key -> !GraphqlName.isValid(key.constraint()));
        if (keys.isEmpty()) {
            return false;
        }
        GraphQLEnumType.Builder constraint = GraphQLEnumType.newEnum().name(table.type("_constraint"))
                .description("unique or primary key constraints on table \"" + table.name().name() + "\"");
        keys.stream().map(UniqueKey::constraint).sorted().forEach(c -> constraint.value(c, c, "unique or primary key constraint"));
        types.add(constraint.build());
        List<Column> updatable = conflictUpdatable(table);
        GraphQLEnumType.Builder columns = GraphQLEnumType.newEnum().name(table.type("_update_column"));
        if (updatable.isEmpty()) {
            columns.description("placeholder for update columns of table \"" + table.name().name()
                    + "\" (current role has no relevant permissions)").value(PLACEHOLDER, PLACEHOLDER, "placeholder (do not use)");
        } else {
            columns.description("update columns of table \"" + table.name().name() + "\"");
            updatable.stream().map(table::fieldOf).sorted().forEach(c -> columns.value(c, c, "column name"));
        }
        types.add(columns.build());
        types.add(GraphQLInputObjectType.newInputObject().name(table.type("_on_conflict"))
                .description("on_conflict condition type for table \"" + table.name().name() + "\"")
                .field(input("constraint", nonNull(table.type("_constraint"))))
                .field(graphql.schema.GraphQLInputObjectField.newInputObjectField().name(table.field("update_columns"))
                        .type(nonNullListOfNonNull(table.type("_update_column")))
                        .defaultValueLiteral(graphql.language.ArrayValue.newArrayValue().build()).build())
                .field(input("where", ref(FilterTypes.boolExpName(table)))).build());
        return true;
    }

    private static GraphQLInputObjectType inputObject(TypeSet types, String name, TableInfo table, List<Column> columns,
                                                      Predicate<Column> include, String description) {
        return inputObject(types, name, table, columns, include, description, false);
    }

    private static GraphQLInputObjectType inputObject(TypeSet types, String name, TableInfo table, List<Column> columns,
                                                      Predicate<Column> include, String description, boolean required) {
        List<GraphQLInputObjectField> inputs = new ArrayList<>();
        for (Column c : columns) {
            if (include.test(c)) {
                String scalar = ColumnTypes.add(types, table, c);
                inputs.add(input(table.fieldOf(c), (graphql.schema.GraphQLInputType) TypeSet.columnValue(scalar, c, required)));
            }
        }
        inputs.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        return GraphQLInputObjectType.newInputObject().name(name).description(description).fields(inputs).build();
    }

    /** A mutation root field's name: the custom root field or Hasura's, in the source's naming. */
    private static String rootName(TableInfo table, String kind) {
        return table.naming().rootField(table.tracked(), kind);
    }

    private static void root(Map<String, RootField> roots, List<GraphQLFieldDefinition> fields, String name,
                             RootField.Kind kind, TableInfo table, graphql.schema.GraphQLOutputType type,
                             List<GraphQLArgument> args, String description) {
        roots.put(name, new RootField.Table(kind, table));
        List<GraphQLArgument> sorted = new ArrayList<>(args);
        sorted.sort(Comparator.comparing(GraphQLArgument::getName));
        fields.add(GraphQLFieldDefinition.newFieldDefinition().name(name).type(type).description(description)
                .arguments(sorted).build());
    }
}
