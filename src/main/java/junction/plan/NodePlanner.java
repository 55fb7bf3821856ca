package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Column;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.plan.ir.BoolExp;
import junction.plan.ir.DbQuery;
import junction.plan.ir.RootNode;
import junction.plan.ir.Select;
import junction.plan.ir.Value;
import junction.schema.RelayTypes;
import junction.schema.RoleSchema;
import junction.schema.TableInfo;

/**
 * {@code node(id:)} of the Relay schema: the global id names a table and its primary key values
 * (Hasura's version 1 id, {@code [1, "<schema>", "<table>", <values>…]}); the field is that table's
 * row, selected under the role's permissions, or null. The id decides which table is read: an id
 * given as a variable shapes the plan by its table only, its key values are read at execution
 * ({@link NodeIds}).
 */
final class NodePlanner {
    private final RoleSchema schema;
    private final Args args;
    private final TablePlanner tables;

    NodePlanner(RoleSchema schema, Args args, TablePlanner tables) {
        this.schema = schema;
        this.args = args;
        this.tables = tables;
    }

    RootNode plan(String key, List<Field> fields, String path) {
        String at = path + ".args.id";
        In given = TablePlanner.argument(fields.getFirst(), "id")
                .orElseThrow(() -> ApiException.of(Code.VALIDATION_FAILED, "missing required field 'id'").at(path + ".args"));
        // a variable: the plan serves every id of the same table, its key values read at execution
        Optional<String> variable = given instanceof In.Var v ? Optional.of(v.name()) : Optional.empty();
        In id = variable.map(name -> In.of(args.nodeId(name))).orElse(given);
        if (!(id instanceof In.Scalar s) || !s.value().isTextual()) {
            throw invalid("Error in $: parsing node id failed, expected String", at);
        }
        JsonNode json = Cursors.decode(s.value().textValue())
                .orElseThrow(() -> invalid("Error in $: Failed reading: not a valid json value", at));
        List<JsonNode> values = version1(json, at);
        TableName name = new TableName(values.get(1).textValue(), values.get(2).textValue());
        Map.Entry<String, TableInfo> table = table(name, at);
        List<Column> pk = RelayTypes.nodeKey(table.getValue());
        List<JsonNode> keyValues = values.subList(3, values.size());
        if (keyValues.size() < pk.size()) {
            List<String> missing = pk.subList(keyValues.size(), pk.size()).stream().map(c -> "\"" + c.name() + "\"").toList();
            throw invalid("primary key columns " + missing + " are missing", at);
        }
        if (keyValues.size() > pk.size()) {
            throw invalid("unexpected column values " + keyValues.subList(pk.size(), keyValues.size()), at);
        }
        List<BoolExp> equal = new ArrayList<>();
        for (int i = 0; i < pk.size(); i++) {
            int item = 3 + i;
            Value value = variable.<Value>map(v -> new Value.Variable(NodeIds.item(v, item)))
                    .orElse(new Value.Literal(keyValues.get(i)));
            equal.add(new BoolExp.Compare(pk.get(i).name(), pk.get(i).type(), BoolExp.Op.EQ, value));
        }
        TableInfo info = table.getValue();
        Select select = new Select(info.name(), PermissionFilters.and(PermissionFilters.select(info), new BoolExp.And(equal)),
                List.of(), List.of(), Optional.empty(), Optional.empty(), tables.rowFields(info, fields, path), true,
                PermissionFilters.permit(info));
        return new RootNode.Database(key, table.getKey(), new DbQuery.Rows(select));
    }

    /** The id's items: version 1, schema, table, then at least one key value; Hasura's messages otherwise. */
    private static List<JsonNode> version1(JsonNode json, String at) {
        if (!json.isArray()) {
            throw invalid("Error in $: parsing node id failed, expected Array, but encountered " + kind(json), at);
        }
        List<JsonNode> items = new ArrayList<>();
        json.forEach(items::add);
        if (items.isEmpty()) {
            throw invalid("Error in $: unexpected GUID format, found empty list", at);
        }
        if (!items.getFirst().isNumber()) {
            throw invalid("Error in $: unexpected GUID format, needs to start with a version number", at);
        }
        if (items.getFirst().decimalValue().compareTo(java.math.BigDecimal.ONE) != 0) {
            throw invalid("Error in $: unsupported GUID version: " + items.getFirst().decimalValue().toPlainString(), at);
        }
        if (items.size() < 4 || !items.get(1).isTextual() || !items.get(2).isTextual()) {
            throw invalid("Error in $: GUID version 1: expecting schema name, table name and at least one column value", at);
        }
        return items;
    }

    /** The source and the table the id names, among the tables of the role's Relay schema. */
    private Map.Entry<String, TableInfo> table(TableName name, String at) {
        List<Map.Entry<String, TableInfo>> found = new ArrayList<>();
        schema.tables().forEach((source, byName) -> {
            TableInfo info = byName.get(name);
            if (info != null && RelayTypes.isNode(info)) {
                found.add(Map.entry(source, info));
            }
        });
        if (found.isEmpty()) {
            throw invalid("no such table found: \"" + display(name) + "\"", at);
        }
        if (found.size() > 1) {
            throw invalid("this V1 node id matches more than one table across different sources: \"" + display(name)
                    + "\" exists in sources " + found.stream().map(e -> "\"" + e.getKey() + "\"").toList(), at);
        }
        return found.getFirst();
    }

    private static String display(TableName name) {
        return name.schema().equals("public") ? name.name() : name.schema() + "." + name.name();
    }

    private static String kind(JsonNode json) {
        return switch (json.getNodeType()) {
            case OBJECT -> "Object";
            case STRING -> "String";
            case NUMBER -> "Number";
            case BOOLEAN -> "Boolean";
            default -> "Null";
        };
    }

    private static ApiException invalid(String message, String at) {
        return ApiException.of(Code.VALIDATION_FAILED, "invalid node id: " + message).at(at);
    }
}
