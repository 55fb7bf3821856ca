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
import junction.metadata.model.GraphqlName;
import junction.metadata.model.TableConfig;

/** Mutation root fields of a table and their input types, with Hasura's names. Views get none. */
final class MutationTypes {
    /** jsonb update operators: argument name → input type suffix. */
    static final Map<String, String> JSONB_OPERATORS = Map.of("_append", "append_input", "_prepend", "prepend_input",
            "_delete_key", "delete_key_input", "_delete_elem", "delete_elem_input", "_delete_at_path", "delete_at_path_input");

    private MutationTypes() {
    }

    static void add(TypeSet types, TableInfo table, Function<TableName, TableInfo> tables,
                    Map<String, RootField> roots, List<GraphQLFieldDefinition> fields) {
        if (table.tracked().table().isView()) {
            return;
        }
        String t = table.typeName();
        TableConfig config = table.tracked().entry().configuration();
        String quoted = "\"" + table.name().name() + "\"";
        List<Column> writable = table.columns().values().stream().filter(c -> !c.generated()).toList();
        types.add(insertInput(types, table, writable, tables));
        types.add(inputObject(types, t + "_set_input", table, writable, c -> true, null));
        types.add(GraphQLObjectType.newObject().name(t + "_mutation_response")
                .description("response of any mutation on the table " + quoted)
                .field(field("affected_rows", nonNull("Int"), "number of rows affected by the mutation"))
                .field(field("returning", nonNullListOfNonNull(t), "data from the rows affected by the mutation")).build());
        List<GraphQLArgument> updateArgs = updateArguments(types, table, writable);
        boolean conflicts = addConflictTypes(types, table, writable);
        addRelationshipInsertInputs(types, table, conflicts);

        List<GraphQLArgument> insertArgs = new ArrayList<>();
        insertArgs.add(argument("objects", nonNullListOfNonNull(t + "_insert_input"), "the rows to be inserted"));
        List<GraphQLArgument> insertOneArgs = new ArrayList<>();
        insertOneArgs.add(argument("object", nonNull(t + "_insert_input"), "the row to be inserted"));
        if (conflicts) {
            insertArgs.add(argument("on_conflict", ref(t + "_on_conflict"), "upsert condition"));
            insertOneArgs.add(argument("on_conflict", ref(t + "_on_conflict"), "upsert condition"));
        }
        root(roots, fields, config.rootField("insert").orElse("insert_" + t), RootField.Kind.INSERT, table,
                ref(t + "_mutation_response"), insertArgs, "insert data into the table: " + quoted);
        root(roots, fields, config.rootField("insert_one").orElse("insert_" + t + "_one"), RootField.Kind.INSERT_ONE,
                table, ref(t), insertOneArgs, "insert a single row into the table: " + quoted);
        List<GraphQLArgument> update = new ArrayList<>(updateArgs);
        update.add(argument("where", nonNull(FilterTypes.boolExpName(table)), "filter the rows which have to be updated"));
        root(roots, fields, config.rootField("update").orElse("update_" + t), RootField.Kind.UPDATE, table,
                ref(t + "_mutation_response"), update, "update data of the table: " + quoted);
        List<GraphQLInputObjectField> updatesFields = new ArrayList<>();
        update.forEach(a -> updatesFields.add(input(a.getName(), a.getType())));
        updatesFields.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        types.add(GraphQLInputObjectType.newInputObject().name(t + "_updates").fields(updatesFields).build());
        root(roots, fields, config.rootField("update_many").orElse("update_" + t + "_many"), RootField.Kind.UPDATE_MANY,
                table, GraphQLList.list(ref(t + "_mutation_response")),
                List.of(argument("updates", nonNullListOfNonNull(t + "_updates"), "updates to execute, in order")),
                "update multiples rows of table: " + quoted);
        root(roots, fields, config.rootField("delete").orElse("delete_" + t), RootField.Kind.DELETE, table,
                ref(t + "_mutation_response"), List.of(argument("where", nonNull(FilterTypes.boolExpName(table)),
                        "filter the rows which have to be deleted")), "delete data from the table: " + quoted);
        List<Column> pk = table.primaryKey();
        if (pk.isEmpty()) {
            return;
        }
        types.add(inputObject(types, t + "_pk_columns_input", table, pk, c -> true, "primary key columns input for table: " + quoted, true));
        List<GraphQLArgument> byPk = new ArrayList<>(updateArgs);
        byPk.add(argument("pk_columns", nonNull(t + "_pk_columns_input"), null));
        root(roots, fields, config.rootField("update_by_pk").orElse("update_" + t + "_by_pk"), RootField.Kind.UPDATE_BY_PK,
                table, ref(t), byPk, "update single row of the table: " + quoted);
        root(roots, fields, config.rootField("delete_by_pk").orElse("delete_" + t + "_by_pk"), RootField.Kind.DELETE_BY_PK,
                table, ref(t), SchemaBuilder.pkArguments(table), "delete single row from the table: " + quoted);
    }

    /** {@code T_insert_input}: the writable columns, and relationships to insert through (nested inserts). */
    private static GraphQLInputObjectType insertInput(TypeSet types, TableInfo table, List<Column> writable,
                                                      Function<TableName, TableInfo> tables) {
        List<GraphQLInputObjectField> inputs = new ArrayList<>(inputObject(types, table.typeName() + "_insert_input", table,
                writable, c -> true, null).getFieldDefinitions());
        table.relationships().forEach((name, rel) -> {
            TableInfo target = tables.apply(rel.target());
            if (target.tracked().table().isView()) {
                return;
            }
            String suffix = rel.kind() == junction.metadata.resolve.ResolvedRelationship.Kind.OBJECT
                    ? "_obj_rel_insert_input" : "_arr_rel_insert_input";
            inputs.add(input(name, ref(target.typeName() + suffix)));
        });
        inputs.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        return GraphQLInputObjectType.newInputObject().name(table.typeName() + "_insert_input")
                .description("input type for inserting data into table \"" + table.name().name() + "\"")
                .fields(inputs).build();
    }

    /** {@code T_obj_rel_insert_input} and {@code T_arr_rel_insert_input}, for inserting T through a relationship. */
    private static void addRelationshipInsertInputs(TypeSet types, TableInfo table, boolean conflicts) {
        String t = table.typeName();
        GraphQLInputObjectType.Builder object = GraphQLInputObjectType.newInputObject().name(t + "_obj_rel_insert_input")
                .description("input type for inserting object relation for remote table \"" + table.name().name() + "\"")
                .field(input("data", nonNull(t + "_insert_input")));
        GraphQLInputObjectType.Builder array = GraphQLInputObjectType.newInputObject().name(t + "_arr_rel_insert_input")
                .description("input type for inserting array relation for remote table \"" + table.name().name() + "\"")
                .field(input("data", nonNullListOfNonNull(t + "_insert_input")));
        if (conflicts) {
            object.field(input("on_conflict", ref(t + "_on_conflict")));
            array.field(input("on_conflict", ref(t + "_on_conflict")));
        }
        types.add(object.build());
        types.add(array.build());
    }

    private static List<GraphQLArgument> updateArguments(TypeSet types, TableInfo table, List<Column> writable) {
        String t = table.typeName();
        List<GraphQLArgument> args = new ArrayList<>();
        args.add(argument("_set", ref(t + "_set_input"), "sets the columns of the filtered rows to the given values"));
        List<Column> numeric = writable.stream().filter(ScalarTypes::isNumeric).toList();
        if (!numeric.isEmpty()) {
            types.add(inputObject(types, t + "_inc_input", table, numeric, c -> true, null));
            args.add(argument("_inc", ref(t + "_inc_input"), "increments the numeric columns with given value of the filtered values"));
        }
        List<Column> jsonb = writable.stream().filter(ScalarTypes::isJsonb).toList();
        if (!jsonb.isEmpty()) {
            JSONB_OPERATORS.forEach((arg, suffix) -> {
                String name = t + "_" + suffix;
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
                args.add(argument(arg, ref(name), null));
            });
        }
        args.sort(Comparator.comparing(GraphQLArgument::getName));
        return args;
    }

    private static boolean addConflictTypes(TypeSet types, TableInfo table, List<Column> writable) {
        String t = table.typeName();
        List<UniqueKey> keys = new ArrayList<>();
        table.tracked().table().primaryKey().ifPresent(keys::add);
        keys.addAll(table.tracked().table().uniqueKeys());
        keys.removeIf(key -> !GraphqlName.isValid(key.constraint()));
        if (keys.isEmpty()) {
            return false;
        }
        GraphQLEnumType.Builder constraint = GraphQLEnumType.newEnum().name(t + "_constraint")
                .description("unique or primary key constraints on table \"" + table.name().name() + "\"");
        keys.stream().map(UniqueKey::constraint).sorted().forEach(c -> constraint.value(c, c, "unique or primary key constraint"));
        types.add(constraint.build());
        GraphQLEnumType.Builder columns = GraphQLEnumType.newEnum().name(t + "_update_column")
                .description("update columns of table \"" + table.name().name() + "\"");
        writable.stream().map(table::fieldOf).sorted().forEach(c -> columns.value(c, c, "column name"));
        types.add(columns.build());
        types.add(GraphQLInputObjectType.newInputObject().name(t + "_on_conflict")
                .description("on_conflict condition type for table \"" + table.name().name() + "\"")
                .field(input("constraint", nonNull(t + "_constraint")))
                .field(graphql.schema.GraphQLInputObjectField.newInputObjectField().name("update_columns")
                        .type(nonNullListOfNonNull(t + "_update_column"))
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
                String scalar = types.scalar(ScalarTypes.graphqlName(c));
                inputs.add(input(table.fieldOf(c), required ? nonNull(scalar) : ref(scalar)));
            }
        }
        inputs.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        return GraphQLInputObjectType.newInputObject().name(name).description(description).fields(inputs).build();
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
