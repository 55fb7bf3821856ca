package junction.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import junction.plan.ir.Connection;
import junction.plan.ir.OrderItem;
import junction.plan.ir.Typename;
import junction.plan.ir.Value;

/**
 * A Relay connection as one SELECT of one column {@code "v"}, nested like Hasura's: the base rows
 * (filter, order with the primary key, the role's cap) numbered in order with their count; those past
 * {@code after} / before {@code before} (keyset on the order values the cursor holds); the first
 * {@code first}, then the last {@code last} of them; aggregated into {@code edges} and {@code pageInfo}.
 * {@code hasPreviousPage}: a base row comes before the first edge; {@code hasNextPage}: one comes
 * after the last (Hasura's definition; false without edges).
 */
final class ConnectionCompiler {
    private static final String ROW_NUMBER = "__rn";
    private static final String ROW_COUNT = "__count";
    private static final String PAGE_INFO = "PageInfo";

    private final SelectCompiler select;
    private final Aliases aliases;

    ConnectionCompiler(SelectCompiler select, Aliases aliases) {
        this.select = select;
        this.aliases = aliases;
    }

    Sql compile(Connection connection, SelectCompiler.Outer outer) {
        return compile(connection, outer, select.relation(connection.rows().table()));
    }

    /** The connection over the rows of {@code relation} (a function's call) instead of its table. */
    Sql compile(Connection connection, SelectCompiler.Outer outer, Sql relation) {
        Set<String> needed = new LinkedHashSet<>();
        Map<Object, java.util.function.Function<String, Sql>> computed = new java.util.LinkedHashMap<>();
        nodes(connection).forEach(n -> {
            SelectCompiler.addColumns(n.fields(), needed);
            select.addComputed(n.fields(), computed);
        });
        SelectCompiler.Base base = select.base(connection.rows(), needed, computed, outer, relation);
        String n = aliases.next();
        Sql numbered = Sql.of("select ", Sql.ident(n), ".*, row_number() over (order by ", orderKeys(connection, n, base),
                ") as ", Sql.ident(ROW_NUMBER), ", count(*) over () as ", Sql.ident(ROW_COUNT), " from (", base.sql(), ") as ",
                Sql.ident(n));
        String s = aliases.next();
        List<Sql> splits = new ArrayList<>();
        connection.after().ifPresent(c -> splits.add(split(connection, base, s, c, true)));
        connection.before().ifPresent(c -> splits.add(split(connection, base, s, c, false)));
        Sql sliced = Sql.of("select * from (", numbered, ") as ", Sql.ident(s),
                splits.isEmpty() ? Sql.EMPTY : Sql.of(" where ", Sql.join(" and ", splits)),
                " order by ", Sql.column(s, ROW_NUMBER), limit(connection.first()));
        if (connection.last().isPresent()) {
            String l = aliases.next();
            sliced = Sql.of("select * from (", sliced, ") as ", Sql.ident(l), " order by ", Sql.column(l, ROW_NUMBER), " desc",
                    limit(connection.last()));
        }
        String f = aliases.next();
        List<Sql> laterals = new ArrayList<>();
        List<Sql[]> pairs = new ArrayList<>();
        for (Connection.Selection selection : connection.selections()) {
            pairs.add(switch (selection) {
                case Typename t -> SelectCompiler.pair(t.key(), Sql.name(t.typeName()));
                case Connection.Edges e -> SelectCompiler.pair(e.key(), edges(connection, e, f, base, laterals));
                case Connection.PageInfo p -> SelectCompiler.pair(p.key(), pageInfo(connection, p, f, base));
            });
        }
        return Sql.of("select ", SelectCompiler.object(pairs), " as \"v\" from (", sliced, ") as ", Sql.ident(f),
                Sql.join("", laterals));
    }

    private Sql edges(Connection connection, Connection.Edges edges, String f, SelectCompiler.Base base, List<Sql> laterals) {
        List<Sql[]> pairs = new ArrayList<>();
        for (Connection.EdgeSelection field : edges.fields()) {
            pairs.add(switch (field) {
                case Typename t -> SelectCompiler.pair(t.key(), Sql.name(t.typeName()));
                case Connection.Cursor c -> SelectCompiler.pair(c.key(), cursor(connection, f, base));
                case Connection.Node node -> SelectCompiler.pair(node.key(), select.row(node.fields(), f, base, laterals));
            });
        }
        return Sql.of("coalesce(json_agg(", SelectCompiler.object(pairs), " order by ", Sql.column(f, ROW_NUMBER), "), '[]')");
    }

    private Sql pageInfo(Connection connection, Connection.PageInfo info, String f, SelectCompiler.Base base) {
        List<Sql[]> pairs = new ArrayList<>();
        Sql rowNumber = Sql.column(f, ROW_NUMBER);
        for (Connection.PageInfoField field : info.fields()) {
            pairs.add(SelectCompiler.pair(field.key(), switch (field.kind()) {
                case HAS_NEXT_PAGE -> Sql.of("coalesce(max(", rowNumber, ") < max(", Sql.column(f, ROW_COUNT), "), false)");
                case HAS_PREVIOUS_PAGE -> Sql.of("coalesce(min(", rowNumber, ") > 1, false)");
                case START_CURSOR -> Sql.of("(array_agg(", cursor(connection, f, base), " order by ", rowNumber, "))[1]");
                case END_CURSOR -> Sql.of("(array_agg(", cursor(connection, f, base), " order by ", rowNumber, " desc))[1]");
                case TYPENAME -> Sql.name(PAGE_INFO);
            }));
        }
        return SelectCompiler.object(pairs);
    }

    /** A row's cursor: its order values under their cursor paths, as base64 of the JSON text. */
    private static Sql cursor(Connection connection, String alias, SelectCompiler.Base base) {
        List<Sql> items = new ArrayList<>();
        for (int i = 0; i < connection.cursorKeys().size(); i++) {
            List<String> path = connection.cursorKeys().get(i).path();
            Sql value = Sql.column(alias, base.orderAliases().get(i));
            for (int k = path.size() - 1; k > 0; k--) {
                value = Sql.of("json_build_object(", NodeIds.text(path.get(k)), ", ", value, ")");
            }
            items.add(Sql.of(NodeIds.text(path.getFirst()), ", ", value));
        }
        return NodeIds.base64(Sql.of("json_build_object(", Sql.join(", ", items), ")"));
    }

    /**
     * Rows past ({@code after}) or before the cursor in the order: {@code k1 > v1 or (k1 = v1 and (k2 > v2
     * or (k2 = v2 and false)))}, the comparison turned for descending keys; all rows for a null cursor.
     */
    private static Sql split(Connection connection, SelectCompiler.Base base, String alias, Value cursor, boolean after) {
        Sql condition = Sql.of("false");
        List<OrderItem> order = connection.rows().orderBy();
        for (int i = order.size() - 1; i >= 0; i--) {
            Connection.CursorKey key = connection.cursorKeys().get(i);
            Sql column = Sql.column(alias, base.orderAliases().get(i));
            Sql value = Sql.of("cast((", NodeIds.decoded(Sql.param(cursor, "text")), " #>> ",
                    Sql.arrayParam(new Value.ListOf(key.path().stream()
                            .map(p -> (Value) new Value.Literal(junction.json.Json.NODES.textNode(p))).toList()), "text"),
                    ") as ", Sql.ident(key.type()), ")");
            String op = after != order.get(i).descending() ? " > " : " < ";
            condition = Sql.of("((", column, op, value, ") or ((", column, " = ", value, ") and ", condition, "))");
        }
        return Sql.of("(", Sql.param(cursor, "text"), " is null or ", condition, ")");
    }

    private static Sql orderKeys(Connection connection, String alias, SelectCompiler.Base base) {
        List<Sql> keys = new ArrayList<>();
        List<OrderItem> order = connection.rows().orderBy();
        for (int i = 0; i < order.size(); i++) {
            keys.add(Sql.of(Sql.column(alias, base.orderAliases().get(i)), OrderCompiler.direction(order.get(i))));
        }
        return Sql.join(", ", keys);
    }

    private static Sql limit(Optional<Value> count) {
        return count.map(c -> Sql.of(" limit ", Sql.count(c))).orElse(Sql.EMPTY);
    }

    private static List<Connection.Node> nodes(Connection connection) {
        List<Connection.Node> out = new ArrayList<>();
        for (Connection.Selection selection : connection.selections()) {
            if (selection instanceof Connection.Edges e) {
                e.fields().forEach(f -> {
                    if (f instanceof Connection.Node node) {
                        out.add(node);
                    }
                });
            }
        }
        return out;
    }
}
