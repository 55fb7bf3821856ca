package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.plan.ir.DbQuery;
import junction.plan.ir.Plan;
import junction.plan.ir.RootNode;
import junction.plan.ir.Typename;
import junction.schema.RoleSchema;
import junction.schema.RootField;

/**
 * Turns a validated operation into a {@link Plan}: fragments and directives flattened, every root
 * field mapped to what answers it (a database select or mutation, introspection, a remote schema).
 * Variable values are read only where they shape the plan; the plan records which ones did.
 */
public final class Planner {

    public Plan plan(RoleSchema schema, Document document, String operationName, JsonNode variables) {
        OperationDefinition operation = operation(document, operationName);
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        Args args = new Args(variables);
        FieldCollector collector = new FieldCollector(fragments, args, schema.graphql());
        boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            throw ApiException.of(Code.NOT_SUPPORTED, "subscriptions are only supported over websockets");
        }
        String rootType = mutation ? RoleSchema.MUTATION_ROOT : RoleSchema.QUERY_ROOT;
        RemoteJoinPlanner remoteJoins = new RemoteJoinPlanner(schema, fragments, operation.getVariableDefinitions(), args);
        TablePlanner tables = new TablePlanner(schema, args, collector, remoteJoins);
        AnswerJoinPlanner answers = new AnswerJoinPlanner(schema, fragments, collector);
        answers.targets(tables, remoteJoins);
        remoteJoins.answers(answers);
        MutationPlanner mutations = new MutationPlanner(schema, args, collector, tables);
        FunctionPlanner functions = new FunctionPlanner(args, tables);
        List<RootNode> roots = new ArrayList<>();
        collector.collect(List.of(operation.getSelectionSet()), rootType).forEach((key, fields) -> {
            Field field = fields.getFirst();
            String path = "$.selectionSet." + key;
            switch (field.getName()) {
                case "__typename" -> roots.add(new Typename(key, rootType));
                case "__schema", "__type" -> roots.add(new RootNode.Introspection(key, field));
                default -> roots.addAll(root(schema, mutation, key, fields, path, tables, mutations, functions, answers, collector));
            }
        });
        return new Plan(mutation ? Plan.Operation.MUTATION : Plan.Operation.QUERY, roots, args.structural(), args.nodeIds());
    }

    /**
     * The root nodes of a root field: one, or for a source's root field namespace one per field
     * selected in it, under the key {@code <namespace key>.<field key>} (a dot is in no GraphQL name:
     * the response nests them again, see {@link Plan#NESTING}).
     */
    private static List<RootNode> root(RoleSchema schema, boolean mutation, String key, List<Field> fields, String path,
                                       TablePlanner tables, MutationPlanner mutations, FunctionPlanner functions,
                                       AnswerJoinPlanner answers, FieldCollector collector) {
        String name = fields.getFirst().getName();
        RootField root = (mutation ? schema.mutationRoot(name) : schema.queryRoot(name))
                .orElseThrow(() -> ApiException.of(Code.VALIDATION_FAILED, "field '" + name + "' not found in type: '"
                        + (mutation ? RoleSchema.MUTATION_ROOT : RoleSchema.QUERY_ROOT) + "'").at(path));
        if (!(root instanceof RootField.Namespace namespace)) {
            return List.of(node(root, key, fields, path, tables, mutations, functions, answers, mutation));
        }
        List<RootNode> out = new ArrayList<>();
        collector.collect(FieldCollector.subSelections(fields), namespace.typeName()).forEach((subKey, sub) -> {
            String nested = key + Plan.NESTING + subKey;
            String subName = sub.getFirst().getName();
            String at = path + ".selectionSet." + subKey;
            if (subName.equals("__typename")) {
                out.add(new Typename(nested, namespace.typeName()));
                return;
            }
            RootField field = namespace.field(subName).orElseThrow(() -> ApiException.of(Code.VALIDATION_FAILED,
                    "field '" + subName + "' not found in type: '" + namespace.typeName() + "'").at(at));
            out.add(node(field, nested, sub, at, tables, mutations, functions, answers, mutation));
        });
        return out;
    }

    private static RootNode node(RootField root, String key, List<Field> fields, String path, TablePlanner tables,
                                 MutationPlanner mutations, FunctionPlanner functions, AnswerJoinPlanner answers,
                                 boolean mutation) {
        return switch (root) {
            case RootField.Node node -> tables.node(key, fields, path);
            case RootField.Connection connection -> new RootNode.Database(key, connection.table().source(),
                    new DbQuery.Connected(tables.connections().plan(connection.table(), fields, path)));
            case RootField.Function function -> new RootNode.Database(key, function.table().source(),
                    functions.plan(function, fields, path));
            case RootField.FunctionConnection connection -> new RootNode.Database(key, connection.table().source(),
                    functions.connection(connection, fields, path));
            case RootField.Remote remote -> remote(key, remote, FieldCollector.withoutConditions(fields), mutation, path, answers);
            case RootField.Table table -> new RootNode.Database(key, table.table().source(),
                    table.kind().isMutation() ? mutations.plan(table, fields, path) : tableQuery(table, fields, path, tables));
            case RootField.Namespace namespace -> throw ApiException.of(Code.UNEXPECTED, "a namespace within a namespace").at(path);
        };
    }

    /** A remote root field, the relationships of remote types under it cut out. */
    private static RootNode remote(String key, RootField.Remote remote, List<Field> fields, boolean mutation, String path,
                                   AnswerJoinPlanner answers) {
        if (!answers.any()) {
            return new RootNode.Remote(key, remote.remoteSchema(), fields);
        }
        AnswerJoinPlanner.Cut cut = answers.cut(List.copyOf(fields), mutation ? RoleSchema.MUTATION_ROOT : RoleSchema.QUERY_ROOT,
                "$");
        if (!cut.changed()) {
            return new RootNode.Remote(key, remote.remoteSchema(), fields);
        }
        List<Field> cutFields = cut.selections().stream().map(s -> (Field) s).toList();
        return new RootNode.Remote(key, remote.remoteSchema(), cutFields, cut.joins(), cut.fragments());
    }

    private static DbQuery tableQuery(RootField.Table root, List<Field> fields, String path, TablePlanner tables) {
        return switch (root.kind()) {
            case SELECT -> new DbQuery.Rows(tables.select(root.table(), fields, path, false));
            case SELECT_BY_PK -> new DbQuery.Rows(tables.byPk(root.table(), fields, path));
            case SELECT_AGGREGATE -> new DbQuery.Aggregated(tables.aggregate(root.table(), fields, path));
            default -> throw ApiException.of(Code.NOT_SUPPORTED, "mutations are not supported yet").at(path);
        };
    }

    /** The operation to run: the named one, or the only one. */
    public static OperationDefinition operation(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            if (operations.size() != 1) {
                throw ApiException.of(Code.VALIDATION_FAILED,
                        "exactly one operation has to be present in the document when operationName is not specified");
            }
            return operations.getFirst();
        }
        return operations.stream().filter(o -> operationName.equals(o.getName())).findFirst()
                .orElseThrow(() -> ApiException.of(Code.VALIDATION_FAILED,
                        "no such operation found in the document: \"" + operationName + "\""));
    }
}
