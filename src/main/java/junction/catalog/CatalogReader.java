package junction.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.json.Json;

/**
 * Reads what a database has — tables, views, columns, keys, foreign keys and SQL functions (not those
 * an extension installed) — in one round trip, and the rows of the enum tables asked for in a second.
 * Takes a connection rather than a pool so that {@code run_sql} can read the catalog its own
 * uncommitted DDL produced.
 */
public final class CatalogReader {
    private static final String QUERY = """
        select json_build_object('tables', (select coalesce(json_agg(t), '[]') from (
          select c.oid, n.nspname as schema, c.relname as name, c.relkind as kind,
                 obj_description(c.oid, 'pg_class') as comment,
                 case when c.relkind in ('r', 'p') then 28 when c.relkind in ('v', 'f')
                      then pg_relation_is_updatable(c.oid::regclass, true) else 0 end as writes,
                 (select coalesce(json_agg(json_build_object(
                      'name', a.attname, 'attnum', a.attnum, 'type', ty.typname, 'category', ty.typcategory,
                      'nullable', not a.attnotnull, 'has_default', a.atthasdef or a.attidentity <> '',
                      'generated', a.attgenerated <> '', 'comment', col_description(c.oid, a.attnum),
                      'enum_values', case when ty.typtype = 'e' then
                          (select json_agg(e.enumlabel order by e.enumsortorder) from pg_enum e where e.enumtypid = ty.oid) end
                    ) order by a.attnum), '[]')
                  from pg_attribute a join pg_type ty on ty.oid = a.atttypid
                  where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
                 (select coalesce(json_agg(json_build_object(
                      'name', con.conname, 'type', con.contype,
                      'columns', (select json_agg(att.attname order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
                                  join pg_attribute att on att.attrelid = c.oid and att.attnum = k.attnum),
                      'ref_schema', rn.nspname, 'ref_table', rc.relname,
                      'ref_columns', (select json_agg(att.attname order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
                                  join pg_attribute att on att.attrelid = con.confrelid and att.attnum = k.attnum)
                    ) order by con.conname), '[]')
                  from pg_constraint con
                  left join pg_class rc on rc.oid = con.confrelid
                  left join pg_namespace rn on rn.oid = rc.relnamespace
                  where con.conrelid = c.oid and con.contype in ('p', 'u', 'f')) as constraints
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('r', 'p', 'v', 'm', 'f')
            and n.nspname not in ('pg_catalog', 'information_schema', 'hdb_catalog')
            and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
        ) t), 'functions', (select coalesce(json_agg(f), '[]') from (
          select p.oid, n.nspname as schema, p.proname as name, p.provolatile as volatility,
                 p.proretset as returns_set, rt.typname as return_type, rt.typcategory as return_category,
                 rt.typtype as return_kind, rn.nspname as return_schema, rc.relname as return_table,
                 p.pronargdefaults as defaults, obj_description(p.oid, 'pg_proc') as comment,
                 (select coalesce(json_agg(json_build_object(
                      'name', coalesce(p.proargnames[a.ord], ''), 'type', ty.typname, 'category', ty.typcategory,
                      'mode', coalesce(p.proargmodes[a.ord]::text, 'i')) order by a.ord), '[]')
                  from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality a(typ, ord)
                  join pg_type ty on ty.oid = a.typ) as arguments
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          join pg_type rt on rt.oid = p.prorettype
          left join pg_class rc on rc.oid = rt.typrelid and rt.typtype = 'c'
          left join pg_namespace rn on rn.oid = rc.relnamespace
          where p.prokind = 'f'
            and n.nspname not in ('pg_catalog', 'information_schema', 'hdb_catalog')
            and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
            and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid
                            and d.deptype = 'e')
        ) f))::text
        """;

    public Catalog read(Connection connection) throws SQLException {
        return read(connection, Set.of());
    }

    /** The catalog, with the rows of {@code enumTables} (those of them it has). */
    public Catalog read(Connection connection, Collection<TableName> enumTables) throws SQLException {
        Catalog catalog;
        try (PreparedStatement st = connection.prepareStatement(QUERY); ResultSet rs = st.executeQuery()) {
            rs.next();
            catalog = parse(Json.parse(rs.getString(1)));
        }
        return enumTables.isEmpty() ? catalog
                : catalog.withEnumRows(new EnumRowsReader().read(connection, catalog, enumTables));
    }

    private static Catalog parse(JsonNode read) {
        return new Catalog(tables(read.get("tables")), functions(read.get("functions")));
    }

    private static Map<TableName, Table> tables(JsonNode rows) {
        Map<TableName, Table> tables = new HashMap<>();
        for (JsonNode row : rows) {
            TableName name = new TableName(row.get("schema").asText(), row.get("name").asText());
            List<Column> columns = new ArrayList<>();
            for (JsonNode c : row.get("columns")) {
                columns.add(column(c));
            }
            Optional<UniqueKey> primaryKey = Optional.empty();
            List<UniqueKey> uniques = new ArrayList<>();
            List<ForeignKey> foreignKeys = new ArrayList<>();
            for (JsonNode con : row.get("constraints")) {
                String type = con.get("type").asText();
                List<String> cols = strings(con.get("columns"));
                switch (type) {
                    case "p" -> primaryKey = Optional.of(new UniqueKey(con.get("name").asText(), cols));
                    case "u" -> uniques.add(new UniqueKey(con.get("name").asText(), cols));
                    default -> foreignKeys.add(foreignKey(con, cols));
                }
            }
            tables.put(name, new Table(name, row.get("oid").asLong(), row.get("kind").asText(), columns, primaryKey,
                    uniques, foreignKeys, text(row.get("comment")), Writes.ofMask(row.get("writes").asInt())));
        }
        return tables;
    }

    private static Map<FunctionName, List<Function>> functions(JsonNode rows) {
        Map<FunctionName, List<Function>> functions = new HashMap<>();
        for (JsonNode row : rows) {
            FunctionName name = new FunctionName(row.get("schema").asText(), row.get("name").asText());
            List<FunctionArgument> arguments = new ArrayList<>();
            JsonNode args = row.get("arguments");
            long inputs = 0;
            for (JsonNode a : args) {
                inputs += "ibv".indexOf(a.get("mode").asText().charAt(0)) >= 0 ? 1 : 0;
            }
            long firstDefault = inputs - row.get("defaults").asInt();
            long input = 0;
            for (JsonNode a : args) {
                char mode = a.get("mode").asText().charAt(0);
                boolean isInput = "ibv".indexOf(mode) >= 0;
                arguments.add(new FunctionArgument(a.get("name").asText(), a.get("type").asText(),
                        a.get("category").asText(), mode, isInput && input >= firstDefault));
                input += isInput ? 1 : 0;
            }
            Optional<TableName> returnTable = row.get("return_table").isNull() ? Optional.empty()
                    : Optional.of(new TableName(row.get("return_schema").asText(), row.get("return_table").asText()));
            functions.computeIfAbsent(name, n -> new ArrayList<>()).add(new Function(name, row.get("oid").asLong(),
                    arguments, row.get("return_type").asText(), row.get("return_category").asText(),
                    row.get("return_kind").asText().charAt(0), returnTable, row.get("returns_set").asBoolean(),
                    row.get("volatility").asText().charAt(0), text(row.get("comment"))));
        }
        return functions;
    }

    private static Column column(JsonNode c) {
        JsonNode enums = c.get("enum_values");
        return new Column(c.get("name").asText(), c.get("attnum").asInt(), c.get("type").asText(),
                c.get("category").asText(), c.get("nullable").asBoolean(), c.get("has_default").asBoolean(),
                c.get("generated").asBoolean(), text(c.get("comment")),
                enums == null || enums.isNull() ? List.of() : strings(enums));
    }

    private static ForeignKey foreignKey(JsonNode con, List<String> cols) {
        List<String> refs = strings(con.get("ref_columns"));
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < cols.size(); i++) {
            mapping.put(cols.get(i), refs.get(i));
        }
        return new ForeignKey(con.get("name").asText(),
                new TableName(con.get("ref_schema").asText(), con.get("ref_table").asText()), mapping);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
