package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.catalog.CastTargets;
import junction.catalog.Column;
import junction.catalog.Table;
import junction.catalog.TableName;
import junction.metadata.codec.MetadataReader;

/**
 * Reads a permission's boolean expression ({@code filter}, {@code check}, {@code _exists._where})
 * into a {@link Filter}, checking every name against the source: columns and relationships of the
 * table at hand, tracked tables for {@code _exists}, operators for the column's type. A value that
 * is a string starting with {@code x-hasura-} (any case) is a session variable.
 */
final class FilterReader {
    private static final String AGGREGATE = "_aggregate";
    private static final Set<String> COMPARISONS = Set.of("_eq", "_neq", "_gt", "_lt", "_gte", "_lte");
    private static final Set<String> LISTS = Set.of("_in", "_nin");
    private static final Set<String> TEXT = Set.of("_like", "_nlike", "_ilike", "_nilike", "_similar", "_nsimilar",
            "_regex", "_nregex", "_iregex", "_niregex");
    private static final Set<String> JSONB = Set.of("_contains", "_contained_in", "_has_key", "_has_keys_any",
            "_has_keys_all");
    /** PostGIS operators of geometry columns only, and those geography columns have too. */
    private static final Set<String> GEOMETRY = Set.of("_st_contains", "_st_crosses", "_st_equals", "_st_overlaps",
            "_st_touches", "_st_within", "_st_3d_intersects", "_st_3d_d_within");
    private static final Set<String> GEOGRAPHY = Set.of("_st_intersects", "_st_d_within");
    private static final Set<String> LTREE = Set.of("_ancestor", "_ancestor_any", "_descendant", "_descendant_any",
            "_matches", "_matches_any", "_matches_fulltext");
    private static final Map<String, String> COLUMN_COMPARISONS = Map.of("_ceq", "_eq", "_cne", "_neq", "_cneq", "_neq",
            "_cgt", "_gt", "_clt", "_lt", "_cgte", "_gte", "_clte", "_lte");

    /** A problem with the expression, with Hasura's wording; the caller says where. */
    static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<TableName, TrackedTable> tables;

    /** @param tables the source's tracked tables, with their relationships */
    FilterReader(Map<TableName, TrackedTable> tables) {
        this.tables = tables;
    }

    Filter read(TrackedTable root, JsonNode exp) {
        return read(root, root, exp);
    }

    private Filter read(TrackedTable root, TrackedTable table, JsonNode exp) {
        if (exp == null || exp.isNull()) {
            return Filter.TRUE;
        }
        if (!exp.isObject()) {
            throw new Problem("expected an object for a boolean expression, but found " + kind(exp));
        }
        List<Filter> items = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = exp.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            items.add(item(root, table, e.getKey(), e.getValue()));
        }
        return items.size() == 1 ? items.getFirst() : new Filter.And(items);
    }

    private Filter item(TrackedTable root, TrackedTable table, String key, JsonNode value) {
        return switch (key) {
            case "_and", "$and" -> new Filter.And(readAll(root, table, value, key));
            case "_or", "$or" -> new Filter.Or(readAll(root, table, value, key));
            case "_not", "$not" -> new Filter.Not(read(root, table, value));
            case "_exists", "$exists" -> exists(root, value);
            default -> field(root, table, key, value);
        };
    }

    private List<Filter> readAll(TrackedTable root, TrackedTable table, JsonNode items, String key) {
        if (!items.isArray()) {
            throw new Problem("\"" + key + "\" expects an array, but found " + kind(items));
        }
        List<Filter> out = new ArrayList<>();
        items.forEach(item -> out.add(read(root, table, item)));
        return out;
    }

    /** {@code ["$", column]} inside {@code _where} still names a column of the permission's own table. */
    private Filter exists(TrackedTable root, JsonNode value) {
        if (!value.isObject() || !value.has("_table") || !value.has("_where")) {
            throw new Problem("\"_exists\" expects an object with \"_table\" and \"_where\"");
        }
        TableName name = MetadataReader.tableName(value.get("_table"), "$._table");
        TrackedTable target = tables.get(name);
        if (target == null) {
            throw new Problem("table \"" + name + "\" does not exist");
        }
        return new Filter.Exists(name, read(root, target, value.get("_where")));
    }

    private Filter field(TrackedTable root, TrackedTable table, String name, JsonNode value) {
        Optional<Column> column = table.table().column(name);
        if (column.isPresent()) {
            return comparisons(root, table.table(), column.get(), value);
        }
        Optional<ResolvedComputedField> computed = table.computedField(name).filter(ResolvedComputedField::plain);
        if (computed.isPresent()) {
            return computed(root, table, computed.get(), value);
        }
        Optional<ResolvedRelationship> relationship = table.relationship(name);
        if (relationship.isPresent()) {
            TrackedTable target = tables.get(relationship.get().target());
            if (target == null) {
                throw new Problem("table \"" + relationship.get().target() + "\" is not tracked");
            }
            return new Filter.Related(relationship.get(), read(root, target, value));
        }
        Optional<ResolvedRelationship> counted = name.endsWith(AGGREGATE)
                ? table.relationship(name.substring(0, name.length() - AGGREGATE.length()))
                .filter(r -> r.kind() == ResolvedRelationship.Kind.ARRAY) : Optional.empty();
        if (counted.isPresent() && tables.containsKey(counted.get().target())) {
            return aggregate(root, counted.get(), tables.get(counted.get().target()), value);
        }
        throw new Problem("\"" + name + "\" does not exist");
    }

    /** Comparisons of a scalar computed field's value; not with other columns ({@code _ceq}, …). */
    private Filter computed(TrackedTable root, TrackedTable table, ResolvedComputedField field, JsonNode value) {
        Filter test = comparisons(root, table.table(), field.returnColumn(), value);
        List<Filter> tests = test instanceof Filter.And and ? and.items() : List.of(test);
        for (Filter item : tests) {
            if (item instanceof Filter.Compare c && c.operand() instanceof Operand.Column) {
                throw new Problem("column comparison operators are not supported on computed field \"" + field.name() + "\"");
            }
        }
        return new Filter.OnComputed(field, test);
    }

    /**
     * {@code <arrayrel>_aggregate: {count: {predicate: {…}, filter?, arguments?, distinct?}}}, as
     * in a {@code where} argument: the number of related rows compared with integers or session
     * variables.
     */
    private Filter aggregate(TrackedTable root, ResolvedRelationship relationship, TrackedTable target, JsonNode value) {
        if (!value.isObject() || value.size() != 1 || !value.has("count") || !value.get("count").isObject()) {
            throw new Problem("expected an object with the aggregation function \"count\"");
        }
        JsonNode count = value.get("count");
        for (Iterator<String> it = count.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!List.of("predicate", "filter", "arguments", "distinct").contains(key)) {
                throw new Problem("unexpected key \"" + key + "\" in an aggregation predicate");
            }
        }
        if (!count.has("predicate") || !BoolExpSyntax.isComparisons(count.get("predicate"))) {
            throw new Problem("the key \"predicate\" of an aggregation predicate expects comparison operators");
        }
        List<String> columns = new ArrayList<>();
        JsonNode arguments = count.get("arguments");
        if (arguments != null && !arguments.isNull()) {
            if (!arguments.isArray()) {
                throw new Problem("\"arguments\" expects an array of column names, but found " + kind(arguments));
            }
            for (JsonNode c : arguments) {
                columns.add(target.table().column(c.asText()).orElseThrow(() ->
                        new Problem("column \"" + c.asText() + "\" does not exist")).name());
            }
        }
        JsonNode distinct = count.get("distinct");
        if (distinct != null && !distinct.isNull() && !distinct.isBoolean()) {
            throw new Problem("expected Bool, but encountered " + kind(distinct));
        }
        Column counter = new Column("count", 0, "int8", "N", false, false, false, null, List.of());
        List<Filter.Compare> predicate = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = count.get("predicate").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String op = BoolExpSyntax.operator(e.getKey());
            if (!COMPARISONS.contains(op)) {
                throw new Problem("Unknown operator: " + op);
            }
            predicate.add(new Filter.Compare("count", "int8", op, operand(counter, e.getValue())));
        }
        return new Filter.RelatedCount(relationship, columns, distinct != null && distinct.asBoolean(),
                read(root, target, count.get("filter")), predicate);
    }

    private Filter comparisons(TrackedTable root, Table table, Column column, JsonNode value) {
        if (column.type().equals("json")) {
            throw new Problem("JSON column can not be part of boolean expression");
        }
        if (!BoolExpSyntax.isComparisons(value)) {
            return new Filter.Compare(column.name(), column.type(), "_eq", operand(column, value));
        }
        List<Filter> items = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            items.add(comparison(root, table, column, BoolExpSyntax.operator(e.getKey()), e.getValue()));
        }
        return items.size() == 1 ? items.getFirst() : new Filter.And(items);
    }

    private Filter comparison(TrackedTable root, Table table, Column column, String op, JsonNode value) {
        if (op.equals("_is_null")) {
            if (!value.isBoolean()) {
                throw new Problem("expected Bool, but encountered " + kind(value));
            }
            return new Filter.IsNull(column.name(), value.booleanValue());
        }
        if (op.equals("_cast")) {
            return cast(root, table, column, value);
        }
        if (COLUMN_COMPARISONS.containsKey(op)) {
            return new Filter.Compare(column.name(), column.type(), COLUMN_COMPARISONS.get(op),
                    otherColumn(root, table, column, value));
        }
        if (COMPARISONS.contains(op)) {
            return new Filter.Compare(column.name(), column.type(), op, operand(column, value));
        }
        if (LISTS.contains(op)) {
            return new Filter.Compare(column.name(), column.type(), op, list(column, value));
        }
        if (TEXT.contains(op)) {
            if (!isText(column)) {
                throw wrongType(column, "\"varchar\"/\"text\"/\"citext\"/\"bpchar\"");
            }
            return new Filter.Compare(column.name(), column.type(), op, operand(column, value));
        }
        if (op.equals("_contains") || op.equals("_contained_in")) {
            if (!column.type().equals("jsonb") && !column.isArray()) {
                throw wrongType(column, "an array or JSONB");
            }
            return new Filter.Compare(column.name(), column.type(), op, operand(value));
        }
        if (JSONB.contains(op)) {
            if (!column.type().equals("jsonb")) {
                throw wrongType(column, "\"jsonb\"");
            }
            return new Filter.Compare(column.name(), column.type(), op,
                    op.equals("_has_keys_any") || op.equals("_has_keys_all") ? list(value) : operand(value));
        }
        if (GEOMETRY.contains(op) || GEOGRAPHY.contains(op)) {
            return spatial(column, op, value);
        }
        if (LTREE.contains(op)) {
            if (!column.type().equals("ltree")) {
                throw wrongType(column, "\"ltree\"");
            }
            return new Filter.Compare(column.name(), column.type(), op, op.endsWith("_any") ? list(value) : operand(value));
        }
        throw new Problem("Unknown operator: " + op);
    }

    /** {@code _cast: {geography: {…}}}: comparisons of the column cast to each type named ({@link CastTargets}). */
    private Filter cast(TrackedTable root, Table table, Column column, JsonNode value) {
        if (!value.isObject()) {
            throw new Problem("expected an object for \"_cast\", but found " + kind(value));
        }
        Map<String, String> targets = CastTargets.of(column.type());
        List<Filter> items = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = targets.get(e.getKey());
            if (type == null) {
                throw new Problem("cannot cast column of type \"" + typeName(column) + "\" to type \"" + e.getKey() + "\"");
            }
            items.add(new Filter.Cast(column.name(), type, comparisons(root, table, CastTargets.cast(column, type), e.getValue())));
        }
        return items.size() == 1 ? items.getFirst() : new Filter.And(items);
    }

    /**
     * A PostGIS operator: {@code _st_intersects} and {@code _st_d_within} for geometry and
     * geography columns, the others for geometry only. The value is GeoJSON (or a session variable
     * holding it); {@code _st_d_within}'s is {@code {distance, from, use_spheroid?}}, kept as the list
     * {@code [distance, from]} ({@code use_spheroid} added for geography, true when not given).
     */
    private static Filter spatial(Column column, String op, JsonNode value) {
        boolean geography = column.type().equals("geography");
        if (!column.type().equals("geometry") && !(geography && GEOGRAPHY.contains(op))) {
            throw wrongType(column, GEOGRAPHY.contains(op) ? "\"geometry\"/\"geography\"" : "\"geometry\"");
        }
        if (!op.endsWith("_d_within")) {
            return new Filter.Compare(column.name(), column.type(), op, operand(value));
        }
        if (!value.isObject() || !value.has("distance") || !value.has("from")) {
            throw new Problem("expected an object with \"distance\" and \"from\" for " + op);
        }
        List<Operand> fields = new ArrayList<>(List.of(operand(value.get("distance")), operand(value.get("from"))));
        if (geography) {
            fields.add(value.has("use_spheroid") ? operand(value.get("use_spheroid"))
                    : new Operand.Literal(com.fasterxml.jackson.databind.node.BooleanNode.TRUE));
        }
        return new Filter.Compare(column.name(), column.type(), op, new Operand.ListOf(fields));
    }

    /** Hasura's message, which starts with a space (it was meant to follow the column's name). */
    private static Problem wrongType(Column column, String expected) {
        return new Problem(" is of type \"" + typeName(column) + "\"; this operator works only on columns of type " + expected);
    }

    /** A column type as Hasura names it in messages ({@code integer} for {@code int4}, …). */
    static String typeName(Column column) {
        return switch (column.type()) {
            case "int2" -> "smallint";
            case "int4" -> "integer";
            case "int8" -> "bigint";
            case "float4" -> "real";
            case "bool" -> "boolean";
            default -> column.type();
        };
    }

    /** {@code "col"} (a column of the same table) or {@code ["$", "col"]} (of the permission's own table). */
    private Operand otherColumn(TrackedTable root, Table table, Column column, JsonNode value) {
        boolean atRoot = value.isArray() && value.size() == 2 && "$".equals(value.get(0).asText());
        JsonNode name = atRoot ? value.get(1) : value;
        if (!name.isTextual()) {
            throw new Problem("a column comparison expects a column name or [\"$\", column name], but found " + kind(value));
        }
        Table of = atRoot ? root.table() : table;
        Column other = of.column(name.textValue()).orElseThrow(() ->
                new Problem("column \"" + name.textValue() + "\" does not exist"));
        if (!other.type().equals(column.type())) {
            throw new Problem("incompatible column types: \"" + column.name() + "\" has type \"" + typeName(column)
                    + "\", but \"" + other.name() + "\" has type \"" + typeName(other) + "\"");
        }
        return new Operand.Column(other.name(), other.type(), atRoot);
    }

    /** A list of values of the column's type, or one session variable (a Postgres array literal). */
    private static Operand list(Column column, JsonNode value) {
        if (value.isArray()) {
            value.forEach(item -> literal(column, item));
        }
        return list(value);
    }

    /** A value compared with (or given to) {@code column}: a session variable, or a literal of its type. */
    static Operand operand(Column column, JsonNode value) {
        Operand operand = operand(value);
        if (operand instanceof Operand.Literal) {
            literal(column, value);
        }
        return operand;
    }

    /**
     * Refuses a literal that cannot be a value of the column's type, as Hasura's {@code parsePGValue}
     * does, with the message of its JSON decoder: a string is any type's value (Postgres reads it,
     * so {@code "abc"} for an integer passes here and fails in the query, as in Hasura), and so is
     * {@code null}; a number for a text column, a boolean for an integer one, … are refused.
     */
    private static void literal(Column column, JsonNode value) {
        if (value.isNull() || value.isTextual() || column.isArray()) {
            return;
        }
        String problem = switch (column.type()) {
            case "int2", "int4", "int8" -> integer(column, value);
            case "float4", "float8" -> value.isNumber() ? null : "parsing Float expected for input type: "
                    + scalarType(column) + " failed, expected Number, but encountered " + kind(value);
            case "numeric" -> value.isNumber() ? null : "parsing Scientific failed, expected Number, but encountered "
                    + kind(value);
            case "bool" -> value.isBoolean() ? null : "expected Bool, but encountered " + kind(value);
            case "text", "varchar", "citext" -> "parsing Text failed, expected String, but encountered " + kind(value);
            case "bpchar" -> "parsing Char failed, expected String, but encountered " + kind(value);
            default -> null;
        };
        if (problem != null) {
            throw new Problem(problem);
        }
    }

    private static String integer(Column column, JsonNode value) {
        if (!value.isNumber()) {
            return "parsing Integer expected for input type: " + scalarType(column) + " failed, expected Number, but encountered "
                    + kind(value);
        }
        java.math.BigDecimal number = value.decimalValue();
        long bound = switch (column.type()) {
            case "int2" -> Short.MAX_VALUE;
            case "int4" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        boolean fits = number.stripTrailingZeros().scale() <= 0
                && number.compareTo(java.math.BigDecimal.valueOf(bound)) <= 0
                && number.compareTo(java.math.BigDecimal.valueOf(-bound - 1)) >= 0;
        return fits ? null : "The value " + value.asText() + " lies outside the bounds or is not an integer. Maybe it is a "
                + "float, or is there integer overflow?";
    }

    /** The Haskell constructor Hasura shows for a column type in decoding errors ({@code PGInteger}). */
    private static String scalarType(Column column) {
        return switch (column.type()) {
            case "int2" -> "PGSmallInt";
            case "int4" -> "PGInteger";
            case "int8" -> "PGBigInt";
            case "float4" -> "PGFloat";
            default -> "PGDouble";
        };
    }

    /** A list value, or one session variable holding a Postgres array literal (such as {@code "{1,2}"}). */
    private static Operand list(JsonNode value) {
        if (isSessionVariable(value)) {
            return operand(value);
        }
        if (!value.isArray()) {
            throw new Problem("expected a list, but found " + kind(value));
        }
        List<Operand> items = new ArrayList<>();
        value.forEach(item -> items.add(operand(item)));
        return new Operand.ListOf(items);
    }

    static Operand operand(JsonNode value) {
        return isSessionVariable(value) ? new Operand.Session(value.textValue().toLowerCase(Locale.ROOT))
                : new Operand.Literal(value);
    }

    static boolean isSessionVariable(JsonNode value) {
        return value.isTextual() && value.textValue().toLowerCase(Locale.ROOT).startsWith("x-hasura-");
    }


    /** Hasura's {@code stringTypes}: the types the text operators ({@code _like}, …) take. */
    private static boolean isText(Column column) {
        return Set.of("varchar", "text", "citext", "bpchar").contains(column.type());
    }

    private static String kind(JsonNode node) {
        return junction.json.Obj.kind(node);
    }
}
