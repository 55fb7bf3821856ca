package junction.sql;

import junction.plan.ir.OrderItem;

/** Order keys as SQL expressions over a table alias; relationship keys as correlated subqueries. */
final class OrderCompiler {
    private final Aliases aliases;

    OrderCompiler(Aliases aliases) {
        this.aliases = aliases;
    }

    Sql key(OrderItem.Key key, String alias) {
        return switch (key) {
            case OrderItem.ColumnKey c -> Sql.column(alias, c.column());
            case OrderItem.ObjectKey o -> {
                String inner = aliases.next();
                yield Sql.of("(select ", key(o.inner(), inner), " from ", WhereCompiler.table(o.join().target()), " as ",
                        Sql.ident(inner), " where ", WhereCompiler.joinCondition(o.join(), inner, alias), " limit 1)");
            }
            case OrderItem.AggregateKey a -> {
                String inner = aliases.next();
                Sql value = a.operation().equals("count") ? Sql.of("count(*)")
                        : Sql.of(AggregateFunctions.function(a.operation()), "(", Sql.column(inner, a.column()), ")");
                yield Sql.of("(select ", value, " from ", WhereCompiler.table(a.join().target()), " as ", Sql.ident(inner),
                        " where ", WhereCompiler.joinCondition(a.join(), inner, alias), ")");
            }
        };
    }

    static Sql direction(OrderItem item) {
        return Sql.of(item.descending() ? " desc" : " asc", item.nullsFirst() ? " nulls first" : " nulls last");
    }
}
