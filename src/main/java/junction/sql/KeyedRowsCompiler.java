package junction.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import junction.plan.ir.Join;
import junction.plan.ir.Select;
import junction.plan.ir.Value;

/**
 * Compiles the rows of a table for a list of join keys to ONE statement: the keys travel as one
 * array parameter per column, and the answer is a JSON array with, for each key in order, what a
 * relationship from a row with that key would give (a list of rows, or a row or null):
 * <pre>
 * select coalesce(json_agg("l"."v" order by "k"."o"), '[]') from unnest(?::"int4"[]) with ordinality as "k"("c0", "o")
 *   left join lateral (…rows where "col" = "k"."c0"…) as "l" on true
 * </pre>
 * The rows' selection (permission filter, arguments, fields, nested relationships) is the
 * {@link SelectCompiler}'s, as for a relationship.
 */
public final class KeyedRowsCompiler {
    /** The name under which the values of key column {@code i} are bound (never a GraphQL variable's name). */
    public static String keysVariable(int i) {
        return "junction.keys." + i;
    }

    private KeyedRowsCompiler() {
    }

    /** @param columns the target columns the keys' values equal, with their Postgres types */
    public static Rendered compile(Select select, List<String> columns, List<String> types, SqlOptions options) {
        Aliases aliases = new Aliases();
        SelectCompiler compiler = new SelectCompiler(aliases, options);
        String keys = aliases.next();
        String rows = aliases.next();
        Map<String, String> mapping = new LinkedHashMap<>();
        List<Sql> arrays = new ArrayList<>();
        List<Sql> names = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            mapping.put("c" + i, columns.get(i));
            String type = types.get(i).startsWith("_") ? types.get(i).substring(1) : types.get(i);
            arrays.add(Sql.arrayParam(new Value.Variable(keysVariable(i)), type));
            names.add(Sql.ident("c" + i));
        }
        names.add(Sql.ident("o"));
        SelectCompiler.Outer outer = new SelectCompiler.Outer(new Join(select.table(), mapping), c -> Sql.column(keys, c));
        Sql inner = compiler.rows(select, outer);
        return Rendered.render(Sql.of("select coalesce(json_agg(", Sql.column(rows, "v"), " order by ", Sql.column(keys, "o"),
                "), '[]') from unnest(", Sql.join(", ", arrays), ") with ordinality as ", Sql.ident(keys), "(",
                Sql.join(", ", names), ") left join lateral (", inner, ") as ", Sql.ident(rows), " on true"));
    }
}
