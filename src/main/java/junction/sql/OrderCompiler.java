package junction.sql;

import junction.plan.ir.OrderItem;

/** Order keys as SQL expressions over a table alias; relationship keys as correlated subqueries. */
final class OrderCompiler {
    private final Aliases aliases;
    private final WhereCompiler where;

    OrderCompiler(Aliases aliases) {
        this.aliases = aliases;
        this.where = new WhereCompiler(aliases);
    }

    Sql key(OrderItem.Key key, String alias) {
        return switch (key) {
            case OrderItem.ColumnKey c -> Sql.column(alias, c.column());
            case OrderItem.ComputedKey c -> ComputedCalls.call(c.call(), alias, where);
            case OrderItem.ObjectKey o -> {
                String inner = aliases.next();
                yield Sql.of("(select ", key(o.inner(), inner), " from ", WhereCompiler.table(o.join().target()), " as ",
                        Sql.ident(inner), " where ", WhereCompiler.joinCondition(o.join(), inner, alias),
                        filter(o.filter(), inner), " limit 1)");
            }
            case OrderItem.AggregateKey a -> {
                String inner = aliases.next();
                Sql value = a.operation().equals("count") ? Sql.of("count(*)")
                        : Sql.of(AggregateFunctions.function(a.operation()), "(", Sql.column(inner, a.column()), ")");
                yield Sql.of("(select ", value, " from ", WhereCompiler.table(a.join().target()), " as ", Sql.ident(inner),
                        " where ", WhereCompiler.joinCondition(a.join(), inner, alias), filter(a.filter(), inner), ")");
            }
        };
    }

    /** {@code and <permission filter>} over the related row, nothing for admin. */
    private Sql filter(junction.plan.ir.BoolExp filter, String inner) {
        return filter.equals(junction.plan.ir.BoolExp.TRUE) ? Sql.EMPTY : Sql.of(" and ", where.compile(filter, inner));
    }

    static Sql direction(OrderItem item) {
        return Sql.of(item.descending() ? " desc" : " asc", item.nullsFirst() ? " nulls first" : " nulls last");
    }
}
