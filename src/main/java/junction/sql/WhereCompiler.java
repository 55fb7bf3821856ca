package junction.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.catalog.TableName;
import junction.plan.ir.BoolExp;
import junction.plan.ir.Join;

/** A {@link BoolExp} over a table alias, as a SQL condition. jsonb key tests use their function forms. */
final class WhereCompiler {
    private final Aliases aliases;
    /** The relation a table's rows are read from in subqueries: the table, or with rows a statement inserted before. */
    private final java.util.function.Function<TableName, Sql> relations;

    WhereCompiler(Aliases aliases) {
        this(aliases, WhereCompiler::table);
    }

    WhereCompiler(Aliases aliases, java.util.function.Function<TableName, Sql> relations) {
        this.aliases = aliases;
        this.relations = relations;
    }

    Sql compile(BoolExp exp, String alias) {
        return compile(exp, alias, alias);
    }

    /** {@code root}: the alias of the row a permission's {@code ["$", column]} comparisons refer to. */
    private Sql compile(BoolExp exp, String alias, String root) {
        return switch (exp) {
            case BoolExp.And and when and.items().isEmpty() -> Sql.of("true");
            case BoolExp.And and when and.items().size() == 1 -> compile(and.items().getFirst(), alias, root);
            case BoolExp.And and -> all(and.items(), alias, root, " and ");
            case BoolExp.Or or when or.items().isEmpty() -> Sql.of("false");
            case BoolExp.Or or when or.items().size() == 1 -> compile(or.items().getFirst(), alias, root);
            case BoolExp.Or or -> all(or.items(), alias, root, " or ");
            case BoolExp.Not not -> Sql.of("(not ", compile(not.item(), alias, root), ")");
            case BoolExp.IsNull n -> Sql.of("(", Sql.column(alias, n.column()), n.isNull() ? " is null)" : " is not null)");
            case BoolExp.Compare c -> compare(c, Sql.column(alias, c.column()));
            case BoolExp.Cast c -> cast(c.item(), Sql.of("(", Sql.column(alias, c.column()), ")::", Sql.ident(c.type())));
            case BoolExp.CompareColumns c -> binary(Sql.column(alias, c.column()), operator(c.op()),
                    Sql.column(c.root() ? root : alias, c.other()));
            case BoolExp.Rooted r -> compile(r.item(), alias, alias);
            case BoolExp.Redacted r -> Sql.of("(case when ", compile(r.filter(), alias, root), " then ",
                    compile(r.item(), alias, root), " else ", r.otherwise().map(b -> b ? "true" : "false").orElse("null"), " end)");
            case BoolExp.Related r -> exists(r.join().target(), r.where(), root,
                    inner -> joinCondition(r.join(), inner, alias));
            case BoolExp.Exists e -> exists(e.table(), e.where(), root, inner -> Sql.EMPTY);
            case BoolExp.RelatedCount c -> relatedCount(c, alias, root);
            case BoolExp.OnComputed c -> onValue(c.test(), ComputedCalls.call(c.call(), alias, this));
            case BoolExp.OnComputedRows c -> {
                String inner = aliases.next();
                yield Sql.of("exists (select 1 from ", ComputedCalls.call(c.call(), alias, this), " as ", Sql.ident(inner),
                        " where ", compile(c.where(), inner, root), ")");
            }
        };
    }

    /** Comparisons of a computed field's value ({@code value} the call), as those of a column. */
    private static Sql onValue(BoolExp test, Sql value) {
        return switch (test) {
            case BoolExp.Compare c -> compare(c, value);
            case BoolExp.IsNull n -> Sql.of("(", value, n.isNull() ? " is null)" : " is not null)");
            case BoolExp.And and when and.items().isEmpty() -> Sql.of("true");
            case BoolExp.And and -> Sql.of("(", Sql.join(" and ", and.items().stream().map(i -> onValue(i, value)).toList()), ")");
            default -> throw new IllegalArgumentException("not a comparison: " + test);
        };
    }

    /** The comparisons of a {@code _cast}, on the cast value. */
    private static Sql cast(BoolExp item, Sql value) {
        return switch (item) {
            case BoolExp.Compare c -> compare(c, value);
            case BoolExp.IsNull n -> Sql.of("(", value, n.isNull() ? " is null)" : " is not null)");
            case BoolExp.Cast c -> cast(c.item(), Sql.of("(", value, ")::", Sql.ident(c.type())));
            case BoolExp.And and when and.items().isEmpty() -> Sql.of("true");
            case BoolExp.And and -> Sql.of("(", Sql.join(" and ", and.items().stream().map(i -> cast(i, value)).toList()), ")");
            default -> throw new IllegalArgumentException("not a comparison of a cast value: " + item);
        };
    }

    private static String operator(BoolExp.Op op) {
        return switch (op) {
            case EQ -> " = ";
            case NEQ -> " <> ";
            case GT -> " > ";
            case LT -> " < ";
            case GTE -> " >= ";
            case LTE -> " <= ";
            default -> throw new IllegalArgumentException("not a column comparison: " + op);
        };
    }

    /** {@code inner."target_col" = outer."col" and …} for a relationship's column mapping. */
    static Sql joinCondition(Join join, String inner, String outer) {
        List<Sql> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : join.columns().entrySet()) {
            parts.add(Sql.of(Sql.column(inner, e.getValue()), " = ", Sql.column(outer, e.getKey())));
        }
        return Sql.join(" and ", parts);
    }

    static Sql table(TableName name) {
        return Sql.of(Sql.ident(name.schema()), ".", Sql.ident(name.name()));
    }

    private Sql exists(TableName table, BoolExp where, String root, java.util.function.Function<String, Sql> join) {
        String inner = aliases.next();
        Sql condition = join.apply(inner);
        Sql filter = compile(where, inner, root);
        Sql all = condition.isEmpty() ? filter : Sql.of(condition, " and ", filter);
        return Sql.of("exists (select 1 from ", relations.apply(table), " as ", Sql.ident(inner), " where ", all, ")");
    }

    /** {@code (select count(…) from target where join and filter) <op> ?} for each comparison. */
    private Sql relatedCount(BoolExp.RelatedCount count, String alias, String root) {
        String inner = aliases.next();
        Sql counted = count.columns().isEmpty() ? Sql.of("*") : count.columns().size() == 1
                ? Sql.column(inner, count.columns().getFirst())
                : Sql.of("(", Sql.join(", ", count.columns().stream().map(c -> Sql.column(inner, c)).toList()), ")");
        Sql condition = joinCondition(count.join(), inner, alias);
        if (!count.filter().equals(BoolExp.TRUE)) {
            condition = Sql.of(condition, " and ", compile(count.filter(), inner, root));
        }
        Sql value = Sql.of("(select count(", count.distinct() && !count.columns().isEmpty() ? "distinct " : "", counted, ") from ",
                relations.apply(count.join().target()), " as ", Sql.ident(inner), " where ", condition, ")");
        List<Sql> tests = count.predicate().stream().map(c -> compare(c, value)).toList();
        return tests.isEmpty() ? Sql.of("true") : tests.size() == 1 ? tests.getFirst() : Sql.of("(", Sql.join(" and ", tests), ")");
    }

    private Sql all(List<BoolExp> items, String alias, String root, String separator) {
        List<Sql> parts = new ArrayList<>();
        for (BoolExp item : items) {
            parts.add(compile(item, alias, root));
        }
        return Sql.of("(", Sql.join(separator, parts), ")");
    }

    private static Sql compare(BoolExp.Compare c, Sql column) {
        String type = c.columnType();
        return switch (c.op()) {
            case EQ, NEQ, GT, LT, GTE, LTE -> binary(column, operator(c.op()), ColumnValue.of(c.value(), type));
            case IN -> ColumnValue.isArray(type) ? Sql.of("(", column, " in (", ColumnValue.arrays(c.value(), type), "))")
                    : Sql.of("(", column, " = any(", ColumnValue.list(c.value(), type), "))");
            case NIN -> ColumnValue.isArray(type) ? Sql.of("(", column, " not in (", ColumnValue.arrays(c.value(), type), "))")
                    : Sql.of("(", column, " <> all(", ColumnValue.list(c.value(), type), "))");
            case LIKE -> binary(column, " like ", text(c));
            case NLIKE -> binary(column, " not like ", text(c));
            case ILIKE -> binary(column, " ilike ", text(c));
            case NILIKE -> binary(column, " not ilike ", text(c));
            case SIMILAR -> binary(column, " similar to ", text(c));
            case NSIMILAR -> binary(column, " not similar to ", text(c));
            case REGEX -> binary(column, " ~ ", text(c));
            case NREGEX -> binary(column, " !~ ", text(c));
            case IREGEX -> binary(column, " ~* ", text(c));
            case NIREGEX -> binary(column, " !~* ", text(c));
            // jsonb, or an array column (its type is the array's: _text)
            case CONTAINS -> binary(column, " @> ", Sql.param(c.value(), type));
            case CONTAINED_IN -> binary(column, " <@ ", Sql.param(c.value(), type));
            case HAS_KEY -> Sql.of("jsonb_exists(", column, ", ", text(c), ")");
            case HAS_KEYS_ANY -> Sql.of("jsonb_exists_any(", column, ", ", Sql.arrayParam(c.value(), "text"), ")");
            case HAS_KEYS_ALL -> Sql.of("jsonb_exists_all(", column, ", ", Sql.arrayParam(c.value(), "text"), ")");
            case ST_CONTAINS, ST_CROSSES, ST_EQUALS, ST_INTERSECTS, ST_3D_INTERSECTS, ST_OVERLAPS, ST_TOUCHES, ST_WITHIN ->
                    Sql.of(SpatialFunctions.name(c.op()), "(", column, ", ", ColumnValue.of(c.value(), type), ")");
            case ST_D_WITHIN, ST_3D_D_WITHIN -> withinDistance(c, column);
            case ANCESTOR -> binary(column, " @> ", Sql.param(c.value(), type));
            case ANCESTOR_ANY -> binary(column, " @> ", Sql.arrayParam(c.value(), type));
            case DESCENDANT -> binary(column, " <@ ", Sql.param(c.value(), type));
            case DESCENDANT_ANY -> binary(column, " <@ ", Sql.arrayParam(c.value(), type));
            case MATCHES -> binary(column, " ~ ", Sql.param(c.value(), "lquery"));
            // ltree ? lquery[]: pgjdbc reads ? as a placeholder, so the operator's function
            case MATCHES_ANY -> Sql.of("lt_q_regex(", column, ", ", Sql.arrayParam(c.value(), "lquery"), ")");
            case MATCHES_FULLTEXT -> binary(column, " @ ", Sql.param(c.value(), "ltxtquery"));
        };
    }

    /**
     * {@code ST_DWithin(col, from, distance)} ({@code ST_3DDWithin} in 3D), and for a geography
     * column {@code ST_DWithin(col, from, distance, use_spheroid)}, as Hasura writes them.
     */
    private static Sql withinDistance(BoolExp.Compare c, Sql column) {
        java.util.List<junction.plan.ir.Value> fields = ((junction.plan.ir.Value.ListOf) c.value()).items();
        Sql call = Sql.of(SpatialFunctions.name(c.op()), "(", column, ", ",
                ColumnValue.of(fields.get(1), c.columnType()), ", ", Sql.param(fields.get(0), "float8"));
        return fields.size() > 2 ? Sql.of(call, ", ", Sql.param(fields.get(2), "bool"), ")") : Sql.of(call, ")");
    }

    private static Sql binary(Sql left, String operator, Sql right) {
        return Sql.of("(", left, operator, right, ")");
    }

    private static Sql text(BoolExp.Compare c) {
        return Sql.param(c.value(), "text");
    }
}
