package junction.plan;

import java.util.List;
import junction.metadata.resolve.Filter;
import junction.metadata.resolve.Operand;
import junction.plan.ir.BoolExp;
import junction.plan.ir.Join;
import junction.plan.ir.Permit;
import junction.plan.ir.Value;

/**
 * A resolved permission filter ({@link Filter}) as a plan's {@link BoolExp}: session variables stay
 * {@link Value.SessionVariable}s, bound per request, so one plan serves every user of a role. The
 * result is {@link BoolExp.Rooted}: its {@code ["$", column]} comparisons refer to the row it is
 * applied to.
 */
public final class PermissionFilters {
    private PermissionFilters() {
    }

    /** {@link BoolExp#TRUE} for the empty filter, else the filter, rooted where it is applied. */
    public static BoolExp of(Filter filter) {
        return filter.isTrue() ? BoolExp.TRUE : new BoolExp.Rooted(exp(filter));
    }

    private static BoolExp exp(Filter filter) {
        return switch (filter) {
            case Filter.And and -> new BoolExp.And(all(and.items()));
            case Filter.Or or -> new BoolExp.Or(all(or.items()));
            case Filter.Not not -> new BoolExp.Not(exp(not.item()));
            case Filter.IsNull n -> new BoolExp.IsNull(n.column(), n.isNull());
            case Filter.Cast c -> new BoolExp.Cast(c.column(), c.type(), exp(c.item()));
            case Filter.Compare c when c.operand() instanceof Operand.Column other ->
                    new BoolExp.CompareColumns(c.column(), BoolExp.Op.of(c.operator()), other.column(), other.root());
            case Filter.Compare c -> new BoolExp.Compare(c.column(), c.columnType(), BoolExp.Op.of(c.operator()),
                    value(c.operand()));
            case Filter.Related r -> new BoolExp.Related(new Join(r.relationship().target(), r.relationship().mapping()),
                    exp(r.where()));
            case Filter.Exists e -> new BoolExp.Exists(e.table(), exp(e.where()));
            case Filter.OnComputed c -> new BoolExp.OnComputed(ComputedFieldCalls.of(c.field()), exp(c.test()));
            case Filter.RelatedCount c -> new BoolExp.RelatedCount(
                    new Join(c.relationship().target(), c.relationship().mapping()), c.columns(), c.distinct(),
                    exp(c.filter()), c.predicate().stream().map(p -> new BoolExp.Compare(p.column(), p.columnType(),
                            BoolExp.Op.of(p.operator()), value(p.operand()))).toList());
        };
    }

    private static List<BoolExp> all(List<Filter> items) {
        return items.stream().map(PermissionFilters::exp).toList();
    }

    /** A literal, a session variable or a list of them, as a plan value (presets use it too). */
    public static Value value(Operand operand) {
        return switch (operand) {
            case Operand.Literal l -> new Value.Literal(l.value());
            case Operand.Session s -> new Value.SessionVariable(s.name());
            case Operand.ListOf list -> new Value.ListOf(list.items().stream().map(PermissionFilters::value).toList());
            case Operand.Column c -> throw new IllegalArgumentException("a column is not a value: " + c.column());
        };
    }

    /** The role's select filter on a table ({@link BoolExp#TRUE} for admin, and without a select permission). */
    public static BoolExp select(junction.schema.TableInfo table) {
        return table.permissions().select().map(p -> of(p.filter())).orElse(BoolExp.TRUE);
    }

    /** The role's row cap and column filters on a table ({@link Permit#NONE} for admin). */
    public static Permit permit(junction.schema.TableInfo table) {
        return table.permissions().select().map(p -> {
            if (p.limit().isEmpty() && p.columnFilters().isEmpty()) {
                return Permit.NONE;
            }
            java.util.Map<String, BoolExp> columns = new java.util.LinkedHashMap<>();
            p.columnFilters().forEach((column, filter) -> columns.put(column, of(filter)));
            return new Permit(p.limit(), columns);
        }).orElse(Permit.NONE);
    }

    /** Both filters: the permission's and the request's. */
    public static BoolExp and(BoolExp permission, BoolExp request) {
        if (permission.equals(BoolExp.TRUE)) {
            return request;
        }
        return request.equals(BoolExp.TRUE) ? permission : new BoolExp.And(List.of(permission, request));
    }
}
