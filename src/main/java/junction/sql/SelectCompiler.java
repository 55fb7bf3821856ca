package junction.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import junction.plan.ir.Aggregate;
import junction.plan.ir.AggregateField;
import junction.plan.ir.AggregateSelection;
import junction.plan.ir.BoolExp;
import junction.plan.ir.DbQuery;
import junction.plan.ir.Field;
import junction.plan.ir.Join;
import junction.plan.ir.OperationColumn;
import junction.plan.ir.OrderItem;
import junction.plan.ir.RootNode;
import junction.plan.ir.Select;
import junction.plan.ir.Typename;
import junction.plan.join.JoinField;

/**
 * Compiles database root fields to ONE statement whose single value is the {@code data} JSON, built
 * by Postgres: {@code json_build_object} per object, {@code json_agg} per list, a lateral subquery
 * per relationship, and a base subquery per table that filters, orders and pages its rows.
 */
public final class SelectCompiler {
    private static final int MAX_PAIRS = 50;

    private final Aliases aliases;
    private final WhereCompiler where;
    private final OrderCompiler order;
    private final ConnectionCompiler connections;

    private final SqlOptions options;

    SelectCompiler(Aliases aliases, SqlOptions options) {
        this.aliases = aliases;
        this.options = options;
        this.where = new WhereCompiler(aliases);
        this.order = new OrderCompiler(aliases);
        this.connections = new ConnectionCompiler(this, aliases);
    }

    private SelectCompiler(SqlOptions options) {
        this(new Aliases(), options);
    }

    /**
     * Relations to read instead of a table: a mutation's answer must see the rows its own CTEs
     * inserted, which the statement's snapshot of the table does not show.
     */
    private final Map<junction.catalog.TableName, Sql> relations = new java.util.HashMap<>();

    void readAlso(junction.catalog.TableName table, Sql cte) {
        relations.merge(table, Sql.of("(select * from ", WhereCompiler.table(table), " union all select * from ", cte, ")"),
                (old, added) -> Sql.of("(select * from ", cte, " union all select * from ", old, ")"));
    }

    Sql relation(junction.catalog.TableName table) {
        return relations.getOrDefault(table, WhereCompiler.table(table));
    }

    /** How a nested select refers to the row it hangs from. */
    record Outer(Join join, Function<String, Sql> column) {
    }

    /**
     * A base subquery: its SQL, the output alias of each column, of each order key, and of each
     * computed value ({@link #computed}: a computed field's call, or the rows of one returning rows).
     */
    record Base(Sql sql, Map<String, String> columns, List<String> orderAliases, Map<Object, String> computed) {
    }

    /** {@code select json_build_object('key', (…), …)} for database and {@code __typename} root fields. */
    public static Rendered compile(List<RootNode> roots, SqlOptions options) {
        SelectCompiler compiler = new SelectCompiler(options);
        List<Sql[]> pairs = new ArrayList<>();
        for (RootNode root : roots) {
            switch (root) {
                case Typename t -> pairs.add(pair(t.key(), Sql.name(t.typeName())));
                case RootNode.Database d -> pairs.add(pair(d.key(), compiler.query(d.query()).parenthesized()));
                default -> throw new IllegalArgumentException("not a database root field: " + root.key());
            }
        }
        return Rendered.render(Sql.of("select ", object(pairs)));
    }

    /** The statement for one query as a standalone SELECT (for explain). */
    public static Rendered compileOne(DbQuery query, SqlOptions options) {
        return Rendered.render(new SelectCompiler(options).query(query));
    }

    Sql query(DbQuery query) {
        return switch (query) {
            case DbQuery.Rows r -> rows(r.select(), null);
            case DbQuery.Aggregated a -> aggregate(a.aggregate(), null);
            case DbQuery.Connected c -> connections.compile(c.connection(), null);
            case DbQuery.FromFunction f -> fromFunction(f);
            default -> throw new IllegalArgumentException("not a select: " + query);
        };
    }

    /** A tracked function's root field: its rows, aggregate or connection read from the call instead of the table. */
    private Sql fromFunction(DbQuery.FromFunction f) {
        Sql call = FunctionCalls.call(f.call());
        return switch (f.query()) {
            case DbQuery.Rows r -> rows(r.select(), null, call);
            case DbQuery.Aggregated a -> aggregate(a.aggregate(), null, call);
            case DbQuery.Connected c -> connections.compile(c.connection(), null, call);
            default -> throw new IllegalArgumentException("not rows of a function: " + f.query());
        };
    }

    /** A SELECT of one column {@code "v"}: the rows as a JSON array, or the one row as an object or null. */
    Sql rows(Select select, Outer outer) {
        return rows(select, outer, relation(select.table()));
    }

    /** Rows read from another relation than the table itself (a mutation's {@code returning} CTE). */
    Sql rows(Select select, Outer outer, Sql relation) {
        String a = aliases.next();
        Set<String> needed = new LinkedHashSet<>();
        addColumns(select.fields(), needed);
        Map<Object, java.util.function.Function<String, Sql>> computed = new LinkedHashMap<>();
        addComputed(select.fields(), computed);
        Base base = base(select, needed, computed, outer, relation);
        List<Sql> laterals = new ArrayList<>();
        Sql object = row(select.fields(), a, base, laterals);
        Sql value = select.single() ? object
                : Sql.of("coalesce(json_agg(", object, orderOf(select, a, base), "), '[]')");
        return Sql.of("select ", value, " as \"v\" from (", base.sql(), ") as ", Sql.ident(a), Sql.join("", laterals));
    }

    /** A SELECT of one column {@code "v"}: the {@code T_aggregate} object. */
    Sql aggregate(Aggregate aggregate, Outer outer) {
        return aggregate(aggregate, outer, relation(aggregate.rows().table()));
    }

    private Sql aggregate(Aggregate aggregate, Outer outer, Sql relation) {
        String a = aliases.next();
        Set<String> needed = new LinkedHashSet<>();
        Map<Object, java.util.function.Function<String, Sql>> computed = new LinkedHashMap<>();
        for (AggregateSelection selection : aggregate.selections()) {
            switch (selection) {
                case AggregateSelection.Nodes n -> {
                    addColumns(n.fields(), needed);
                    addComputed(n.fields(), computed);
                }
                case AggregateSelection.Fields f -> f.fields().forEach(field -> addAggregateColumns(field, needed));
                case Typename t -> { }
            }
        }
        Base base = base(aggregate.rows(), needed, computed, outer, relation);
        List<Sql> laterals = new ArrayList<>();
        List<Sql[]> pairs = new ArrayList<>();
        for (AggregateSelection selection : aggregate.selections()) {
            pairs.add(switch (selection) {
                case Typename t -> pair(t.key(), Sql.name(t.typeName()));
                case AggregateSelection.Fields f -> pair(f.key(), aggregateFields(f.fields(), a, base.columns()));
                case AggregateSelection.Nodes n -> pair(n.key(), Sql.of("coalesce(json_agg(",
                        row(n.fields(), a, base, laterals), orderOf(aggregate.rows(), a, base), "), '[]')"));
            });
        }
        // Only __typename selected: no aggregate function makes the select one row; the empty grouping set does.
        return Sql.of("select ", object(pairs), " as \"v\" from (", base.sql(), ") as ", Sql.ident(a),
                Sql.join("", laterals), callsAnAggregate(aggregate) ? "" : " group by ()");
    }

    /** Whether the selection calls an aggregate function ({@code json_agg} of the nodes, a count, a sum …). */
    private static boolean callsAnAggregate(Aggregate aggregate) {
        return aggregate.selections().stream().anyMatch(selection -> switch (selection) {
            case AggregateSelection.Nodes n -> true;
            case Typename t -> false;
            case AggregateSelection.Fields f -> f.fields().stream().anyMatch(field -> switch (field) {
                case AggregateField.Count c -> true;
                case Typename t -> false;
                case AggregateField.Operation op -> op.columns().stream().anyMatch(c -> c instanceof OperationColumn.Of);
            });
        });
    }

    private Sql aggregateFields(List<AggregateField> fields, String a, Map<String, String> columns) {
        List<Sql[]> pairs = new ArrayList<>();
        for (AggregateField field : fields) {
            pairs.add(switch (field) {
                case Typename t -> pair(t.key(), Sql.name(t.typeName()));
                case AggregateField.Count c -> pair(c.key(), count(c, a, columns));
                case AggregateField.Operation op -> {
                    List<Sql[]> inner = new ArrayList<>();
                    for (OperationColumn column : op.columns()) {
                        inner.add(switch (column) {
                            case Typename t -> pair(t.key(), Sql.name(t.typeName()));
                            case OperationColumn.Of of -> pair(of.key(), options.aggregate(Sql.of(
                                    AggregateFunctions.function(op.operation()), "(", Sql.column(a, columns.get(of.column())),
                                    ")"), op.operation(), of.type()));
                        });
                    }
                    yield pair(op.key(), object(inner));
                }
            });
        }
        return object(pairs);
    }

    private static Sql count(AggregateField.Count count, String a, Map<String, String> columns) {
        if (count.columns().isEmpty()) {
            return Sql.of("count(*)");
        }
        List<Sql> refs = count.columns().stream().map(c -> Sql.column(a, columns.get(c))).toList();
        Sql target = refs.size() == 1 ? refs.getFirst() : Sql.of("(", Sql.join(", ", refs), ")");
        return Sql.of(count.distinct() ? "count(distinct " : "count(", target, ")");
    }

    /**
     * {@code json_build_object(…)} of a row's fields; relationships add lateral subqueries to
     * {@code laterals}. A remote relationship is a {@code null} in its place, and its join columns
     * come as hidden keys after all the fields, where the splice cuts them off in one piece.
     */
    Sql row(List<Field> fields, String a, Base base, List<Sql> laterals) {
        Map<String, String> columns = base.columns();
        List<Sql[]> pairs = new ArrayList<>();
        Map<String, Sql[]> joinKeys = new LinkedHashMap<>();
        Outer outer = null;
        for (Field field : fields) {
            if (outer == null && !(field instanceof Field.Column) && !(field instanceof Typename)
                    && !(field instanceof Field.NodeId) && !(field instanceof Field.Computed) && !(field instanceof Field.ComputedRows)) {
                outer = new Outer(null, c -> Sql.column(a, columns.get(c)));
            }
            Sql value = switch (field) {
                case Field.Column c -> options.column(Sql.column(a, columns.get(c.column())), c.type());
                case Typename t -> Sql.name(t.typeName());
                case Field.ObjectRelationship r -> lateral(rows(r.select(), withJoin(outer, r.join())), laterals);
                case Field.ArrayRelationship r -> lateral(rows(r.select(), withJoin(outer, r.join())), laterals);
                case Field.ArrayAggregate r -> lateral(aggregate(r.aggregate(), withJoin(outer, r.join())), laterals);
                case Field.ArrayConnection r -> lateral(connections.compile(r.connection(), withJoin(outer, r.join())), laterals);
                case Field.NodeId n -> NodeIds.of(n, c -> Sql.column(a, columns.get(c)));
                case Field.Computed c -> options.column(Sql.column(a, base.computed().get(c.call())), c.type());
                case Field.ComputedRows r -> Sql.column(a, base.computed().get(r));
                case Field.RemoteJoin r -> {
                    for (String column : r.columns()) {
                        String alias = r.computed().containsKey(column) ? base.computed().get(r.computed().get(column))
                                : columns.get(column);
                        joinKeys.putIfAbsent(column, pair(JoinField.phantomKey(column), Sql.column(a, alias)));
                    }
                    yield Sql.of("null");
                }
            };
            pairs.add(pair(field.key(), value));
        }
        pairs.addAll(joinKeys.values());
        return rowObject(pairs);
    }

    /**
     * A row's JSON object: {@code row_to_json} of a one-row subquery whose column names are the
     * response keys. Compact output, no argument limit, and cheaper for Postgres than
     * {@code json_build_object}. Keys longer than Postgres' 63-byte names use {@link #object}.
     */
    static Sql rowObject(List<Sql[]> pairs) {
        List<Sql> columns = new ArrayList<>();
        for (Sql[] p : pairs) {
            String key = ((Sql.Name) p[0].parts().getFirst()).name();
            if (key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
                return object(pairs);
            }
            columns.add(Sql.of(p[1], " as ", Sql.ident(key)));
        }
        return Sql.of("(select row_to_json(\"_e\") from (select ", Sql.join(", ", columns), ") as \"_e\")");
    }

    private static Outer withJoin(Outer outer, Join join) {
        return new Outer(join, outer.column());
    }

    private Sql lateral(Sql query, List<Sql> laterals) {
        String l = aliases.next();
        laterals.add(Sql.of(" left join lateral (", query, ") as ", Sql.ident(l), " on true"));
        return Sql.column(l, "v");
    }

    /** The base subquery: needed columns and order keys of the filtered, ordered, paged rows. */
    Base base(Select select, Set<String> needed, Map<Object, java.util.function.Function<String, Sql>> computed,
                      Outer outer, Sql relation) {
        String b = aliases.next();
        Set<String> columnsNeeded = new LinkedHashSet<>(needed);
        columnsNeeded.addAll(select.distinctOn());
        select.orderBy().forEach(i -> {
            if (i.key() instanceof OrderItem.ColumnKey c) {
                columnsNeeded.add(c.column());
            }
        });
        Map<String, String> columns = new LinkedHashMap<>();
        List<Sql> list = new ArrayList<>();
        for (String column : columnsNeeded) {
            String alias = aliases.next();
            columns.put(column, alias);
            list.add(Sql.of(columnValue(select, b, column), " as ", Sql.ident(alias)));
        }
        Map<Object, String> computedAliases = new LinkedHashMap<>();
        computed.forEach((key, value) -> {
            String alias = aliases.next();
            computedAliases.put(key, alias);
            list.add(Sql.of(value.apply(b), " as ", Sql.ident(alias)));
        });
        List<String> orderAliases = new ArrayList<>();
        for (OrderItem item : select.orderBy()) {
            if (item.key() instanceof OrderItem.ColumnKey c) {
                orderAliases.add(columns.get(c.column()));
                continue;
            }
            if (item.key() instanceof OrderItem.ComputedKey c && computedAliases.containsKey(c.call())) {
                orderAliases.add(computedAliases.get(c.call()));
                continue;
            }
            String alias = aliases.next();
            orderAliases.add(alias);
            list.add(Sql.of(order.key(item.key(), b), " as ", Sql.ident(alias)));
        }
        List<Sql> conditions = new ArrayList<>();
        if (outer != null) {
            outer.join().columns().forEach((from, to) ->
                    conditions.add(Sql.of(Sql.column(b, to), " = ", outer.column().apply(from))));
        }
        if (!select.where().equals(BoolExp.TRUE)) {
            conditions.add(where.compile(select.where(), b));
        }
        Sql sql = Sql.of("select ", distinct(select, columns), list.isEmpty() ? Sql.of("1") : Sql.join(", ", list),
                " from ", relation, " as ", Sql.ident(b),
                conditions.isEmpty() ? Sql.EMPTY : Sql.of(" where ", Sql.join(" and ", conditions)),
                orderBy(select, columns, orderAliases), paging(select));
        return new Base(sql, columns, orderAliases, computedAliases);
    }

    /**
     * A column of the base row: as it is, or for a column an inherited role sees only on some rows,
     * {@code case when <filter> then col else null end}.
     */
    private Sql columnValue(Select select, String b, String column) {
        BoolExp filter = select.permit().columnFilters().get(column);
        if (filter == null || filter.equals(BoolExp.TRUE)) {
            return Sql.column(b, column);
        }
        return Sql.of("case when ", where.compile(filter, b), " then ", Sql.column(b, column), " else null end");
    }

    private static Sql distinct(Select select, Map<String, String> columns) {
        if (select.distinctOn().isEmpty()) {
            return Sql.EMPTY;
        }
        return Sql.of("distinct on (", Sql.join(", ", select.distinctOn().stream().map(c -> Sql.ident(columns.get(c))).toList()), ") ");
    }

    private static Sql orderBy(Select select, Map<String, String> columns, List<String> orderAliases) {
        List<Sql> keys = new ArrayList<>();
        if (select.orderBy().isEmpty()) {
            select.distinctOn().forEach(c -> keys.add(Sql.ident(columns.get(c))));
        }
        for (int i = 0; i < select.orderBy().size(); i++) {
            keys.add(Sql.of(Sql.ident(orderAliases.get(i)), OrderCompiler.direction(select.orderBy().get(i))));
        }
        return keys.isEmpty() ? Sql.EMPTY : Sql.of(" order by ", Sql.join(", ", keys));
    }

    private static Sql paging(Select select) {
        Sql offset = select.offset().map(v -> Sql.of(" offset ", Sql.count(v))).orElse(Sql.EMPTY);
        return Sql.of(limit(select), offset);
    }

    /**
     * The query's {@code limit}, capped by the role's permission {@code limit}: the smaller of the two
     * (in the text when the query gives its limit literally, else {@code least(?, cap)}, which also
     * caps a null limit).
     */
    private static Sql limit(Select select) {
        java.util.Optional<Integer> cap = select.permit().limit();
        if (select.limit().isEmpty() && select.single()) {
            return Sql.of(" limit ", Sql.count(literal(Math.min(1, cap.orElse(1)))));
        }
        if (select.limit().isEmpty()) {
            return cap.map(c -> Sql.of(" limit ", Sql.count(literal(c)))).orElse(Sql.EMPTY);
        }
        junction.plan.ir.Value limit = select.limit().get();
        if (cap.isEmpty()) {
            return Sql.of(" limit ", Sql.count(limit));
        }
        if (limit instanceof junction.plan.ir.Value.Literal l && l.value().isIntegralNumber() && l.value().canConvertToLong()) {
            return Sql.of(" limit ", Sql.count(literal(Math.min(l.value().longValue(), cap.get()))));
        }
        return Sql.of(" limit least(", Sql.count(limit), ", ", Sql.count(literal(cap.get())), ")");
    }

    private static junction.plan.ir.Value literal(long count) {
        return new junction.plan.ir.Value.Literal(junction.json.Json.NODES.numberNode(count));
    }

    /** {@code order by} inside {@code json_agg}, repeating the base's order over its output aliases. */
    private static Sql orderOf(Select select, String a, Base base) {
        if (select.orderBy().isEmpty()) {
            return Sql.EMPTY;
        }
        List<Sql> keys = new ArrayList<>();
        for (int i = 0; i < select.orderBy().size(); i++) {
            keys.add(Sql.of(Sql.column(a, base.orderAliases().get(i)), OrderCompiler.direction(select.orderBy().get(i))));
        }
        return Sql.of(" order by ", Sql.join(", ", keys));
    }

    static void addColumns(List<Field> fields, Set<String> needed) {
        for (Field field : fields) {
            switch (field) {
                case Field.Column c -> needed.add(c.column());
                case Field.ObjectRelationship r -> needed.addAll(r.join().columns().keySet());
                case Field.ArrayRelationship r -> needed.addAll(r.join().columns().keySet());
                case Field.ArrayAggregate r -> needed.addAll(r.join().columns().keySet());
                case Field.ArrayConnection r -> needed.addAll(r.join().columns().keySet());
                case Field.NodeId n -> needed.addAll(n.columns());
                case Field.RemoteJoin r -> r.columns().stream().filter(c -> !r.computed().containsKey(c)).forEach(needed::add);
                case Field.Computed c -> { }
                case Field.ComputedRows c -> { }
                case Typename t -> { }
            }
        }
    }

    /**
     * The computed values a row's fields need from the base row, by key: a scalar computed field's
     * call (the same call once), the rows of a computed field returning rows (a correlated subquery
     * over the function's rows), a remote join's computed join field.
     */
    void addComputed(List<Field> fields, Map<Object, java.util.function.Function<String, Sql>> computed) {
        for (Field field : fields) {
            switch (field) {
                case Field.Computed c -> computed.putIfAbsent(c.call(), b -> ComputedCalls.call(c.call(), b, where));
                case Field.ComputedRows r -> computed.put(r, b -> rows(r.select(), null,
                        ComputedCalls.call(r.call(), b, where)).parenthesized());
                case Field.RemoteJoin r -> r.computed().values().forEach(call ->
                        computed.putIfAbsent(call, b -> ComputedCalls.call(call, b, where)));
                default -> { }
            }
        }
    }

    private static void addAggregateColumns(AggregateField field, Set<String> needed) {
        switch (field) {
            case AggregateField.Count c -> needed.addAll(c.columns());
            case AggregateField.Operation op -> op.columns().forEach(c -> {
                if (c instanceof OperationColumn.Of of) {
                    needed.add(of.column());
                }
            });
            case Typename t -> { }
        }
    }

    static Sql[] pair(String key, Sql value) {
        return new Sql[] {Sql.name(key), value};
    }

    /**
     * A JSON object with keys in the given order: {@code json_build_object} (at most 100 arguments),
     * or for wider objects a row whose column names are the keys.
     */
    static Sql object(List<Sql[]> pairs) {
        if (pairs.size() <= MAX_PAIRS) {
            List<Sql> args = new ArrayList<>();
            for (Sql[] p : pairs) {
                args.add(Sql.of(p[0], ", ", p[1]));
            }
            return Sql.of("json_build_object(", Sql.join(", ", args), ")");
        }
        List<Sql> columns = new ArrayList<>();
        for (Sql[] p : pairs) {
            String key = ((Sql.Name) p[0].parts().getFirst()).name();
            columns.add(Sql.of(p[1], " as ", Sql.ident(key)));
        }
        return Sql.of("(select row_to_json(\"_e\") from (select ", Sql.join(", ", columns), ") as \"_e\")");
    }
}
