package junction.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import junction.plan.ir.BoolExp;
import junction.plan.ir.Mutation;
import junction.plan.ir.Select;
import junction.plan.ir.Value;

/**
 * Compiles a mutation root field to one statement: a data-modifying CTE {@code "_m"} and a SELECT
 * that builds the answer ({@code affected_rows}, {@code returning}, or the one row) from it.
 * {@code update_T_many} gives one statement per update, run in order.
 *
 * <p>A permission's {@code check} (insert, update, update through {@code on_conflict}) is verified by
 * the same statement, as Hasura does: each changed row returns, beside its columns, whether it
 * satisfies the check ({@code coalesce(<check>, false) as "check__constraint"}, evaluated on the new
 * row; an upserted row, {@code xmax <> 0}, against the update check), and the statement returns a
 * second column, {@code bool_and} of them over all changed rows. The executor reads that one boolean
 * and rolls the transaction back when it is false ({@link #checked}): no second query, no per-row work
 * outside Postgres.
 */
public final class MutationCompiler {
    private static final String CTE = "_m";
    /** The column each changed row answers its permission check in (Hasura's name). */
    public static final String CHECK = "check__constraint";

    private final Aliases aliases = new Aliases();
    private final SelectCompiler select;
    /**
     * Rows inserted by the CTEs before, per table: a check through a relationship (a child's check on
     * its parent, inserted in the same statement) reads them too, as Hasura's insert-by-level does.
     */
    private final java.util.Map<junction.catalog.TableName, Sql> insertedRows = new java.util.HashMap<>();
    private final WhereCompiler where = new WhereCompiler(aliases,
            table -> insertedRows.getOrDefault(table, WhereCompiler.table(table)));

    private MutationCompiler(SqlOptions options) {
        this.select = new SelectCompiler(aliases, options);
    }

    public static List<Rendered> compile(Mutation mutation, SqlOptions options) {
        if (mutation instanceof Mutation.UpdateMany many) {
            return many.updates().stream().map(u -> Rendered.render(new MutationCompiler(options).statement(u))).toList();
        }
        return List.of(Rendered.render(new MutationCompiler(options).statement(mutation)));
    }

    private Sql statement(Mutation mutation) {
        String b = aliases.next();
        return switch (mutation) {
            case Mutation.Insert i when i.nested() -> nestedInsert(i);
            case Mutation.Insert i when i.rows().isEmpty() -> answer(Sql.of("select * from ", WhereCompiler.table(i.table()),
                    " as ", Sql.ident(b), " where false"), i.table(), i.output(), false);
            case Mutation.Insert i -> answer(insert(i, b), i.table(), i.output(), i.checked());
            case Mutation.Update u -> answer(update(u, b), u.table(), u.output(), u.checked());
            case Mutation.Delete d -> answer(Sql.of("delete from ", WhereCompiler.table(d.table()), " as ", Sql.ident(b),
                    " where ", where.compile(d.where(), b), " returning *"), d.table(), d.output(), false);
            case Mutation.UpdateMany m -> throw new IllegalArgumentException("compile each update of update_many");
        };
    }

    /**
     * Whether the statements of {@code mutation} answer a second column, the permission check of every
     * row they changed, that the executor must verify.
     */
    public static boolean checked(Mutation mutation) {
        return switch (mutation) {
            case Mutation.Insert i -> i.checked() && !i.rows().isEmpty();
            case Mutation.Update u -> u.checked();
            case Mutation.Delete d -> false;
            case Mutation.UpdateMany m -> m.updates().stream().anyMatch(Mutation.Update::checked);
        };
    }

    /** Per statement of {@link #compile}, whether it answers the check column ({@link #checked}). */
    public static List<Boolean> checkedStatements(Mutation mutation) {
        if (mutation instanceof Mutation.UpdateMany many) {
            return many.updates().stream().map(MutationCompiler::checked).toList();
        }
        return List.of(checked(mutation));
    }

    private Sql answer(Sql change, junction.catalog.TableName table, Mutation.Output output, boolean checked) {
        Sql relation = Sql.ident(CTE);
        Sql answer = Sql.of("with ", relation, " as (", change, ") select ",
                output(table, output, Sql.of("(select count(*) from ", relation, ")")));
        return checked ? Sql.of(answer, ", ", allChecked(List.of(CTE))) : answer;
    }

    /** {@code true} when every row of the CTEs satisfied its check (also when they changed none). */
    private static Sql allChecked(List<String> ctes) {
        List<Sql> parts = ctes.stream().map(c -> Sql.of("coalesce((select bool_and(", Sql.ident(CHECK), ") from ",
                Sql.ident(c), "), true)")).toList();
        return Sql.of("(", Sql.join(" and ", parts), ")");
    }

    /** {@code , coalesce((<check on alias>), false) as "check__constraint"} for a RETURNING clause. */
    private Sql checkColumn(Sql check) {
        return Sql.of(", coalesce(", check, ", false) as ", Sql.ident(CHECK));
    }

    /** An insert's check: the insert permission's, or for a row updated by on_conflict the update permission's. */
    private Sql insertCheck(Mutation.Insert insert, String b) {
        Sql inserted = Sql.of("(", where.compile(insert.check(), b), ")");
        Optional<Mutation.OnConflict> upsert = insert.onConflict().filter(c -> !c.updateColumns().isEmpty());
        if (upsert.isEmpty()) {
            return inserted;
        }
        Sql updated = Sql.of("(", where.compile(upsert.get().check(), b), ")");
        return Sql.of("(case when ", Sql.column(b, "xmax"), " = 0 then ", inserted, " else ", updated, " end)");
    }

    /** Whether this insert's own rows (not those through relationships) are checked. */
    private static boolean ownCheck(Mutation.Insert insert) {
        return !insert.check().equals(BoolExp.TRUE) || insert.onConflict()
                .filter(c -> !c.updateColumns().isEmpty()).map(c -> !c.check().equals(BoolExp.TRUE)).orElse(false);
    }

    private Sql output(junction.catalog.TableName table, Mutation.Output output, Sql affectedRows) {
        Sql relation = Sql.ident(CTE);
        return switch (output) {
            case Mutation.Row row -> select.rows(new Select(table, row.visible(), List.of(), List.of(), Optional.empty(),
                    Optional.empty(), row.fields(), true, row.permit()), null, relation).parenthesized();
            case Mutation.Response response -> {
                List<Sql[]> pairs = new ArrayList<>();
                for (Mutation.ResponseField field : response.fields()) {
                    Sql v = switch (field) {
                        case Mutation.AffectedRows a -> affectedRows;
                        case Mutation.ResponseTypename t -> Sql.name(t.typeName());
                        case Mutation.Returning r -> select.rows(new Select(table, r.visible(), List.of(), List.of(),
                                Optional.empty(), Optional.empty(), r.fields(), false, r.permit()), null, relation).parenthesized();
                    };
                    pairs.add(new Sql[] {Sql.name(field.key()), v});
                }
                yield SelectCompiler.object(pairs);
            }
        };
    }

    private Sql insert(Mutation.Insert insert, String b) {
        Sql target = Sql.of("insert into ", WhereCompiler.table(insert.table()), " as ", Sql.ident(b));
        List<String> columns = insert.columns();
        Sql body;
        if (columns.isEmpty()) {
            body = Sql.of(" default values");
        } else {
            List<Sql> rows = new ArrayList<>();
            for (Mutation.InsertRow row : insert.rows()) {
                List<Sql> values = new ArrayList<>();
                for (String column : columns) {
                    Value value = row.values().get(column);
                    values.add(value == null ? Sql.of("default") : ColumnValue.of(value, insert.columnTypes().get(column)));
                }
                rows.add(Sql.of("(", Sql.join(", ", values), ")"));
            }
            body = Sql.of(" (", Sql.join(", ", columns.stream().map(Sql::ident).toList()), ") values ", Sql.join(", ", rows));
        }
        Sql conflict = insert.onConflict().map(c -> onConflict(c, b, insert)).orElse(Sql.EMPTY);
        Sql check = ownCheck(insert) ? checkColumn(insertCheck(insert, b)) : Sql.EMPTY;
        return Sql.of(target, body, conflict, " returning *", check);
    }

    /**
     * An insert through relationships: one CTE per inserted row, parents (object relationships) before
     * the row, children (array relationships) after it, each taking the key columns from the CTE of
     * the row it hangs from. {@code "_m"} collects the top-level rows; affected_rows counts all.
     */
    private Sql nestedInsert(Mutation.Insert insert) {
        List<Sql> ctes = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        List<String> checkedCtes = new ArrayList<>();
        List<Sql> top = new ArrayList<>();
        for (Mutation.InsertRow row : insert.rows()) {
            String cte = insertRow(insert, row, new java.util.LinkedHashMap<>(), List.of(), ctes, inserted, checkedCtes);
            top.add(ownCheck(insert) ? Sql.of("select ", rowColumns(insert), " from ", Sql.ident(cte))
                    : Sql.of("select * from ", Sql.ident(cte)));
        }
        ctes.add(Sql.of(Sql.ident(CTE), " as (", Sql.join(" union all ", top), ")"));
        Sql affected = Sql.of("(select ", Sql.join(" + ", inserted.stream()
                .map(c -> Sql.of("(select count(*) from ", Sql.ident(c), ")")).toList()), ")");
        Sql answer = Sql.of("with ", Sql.join(", ", ctes), " select ", output(insert.table(), insert.output(), affected));
        return insert.checked() ? Sql.of(answer, ", ", allChecked(checkedCtes)) : answer;
    }

    /** The table's columns, in table order: a CTE's rows without its check column. */
    private static Sql rowColumns(Mutation.Insert insert) {
        return Sql.join(", ", insert.columnTypes().keySet().stream().map(Sql::ident).toList());
    }

    private String insertRow(Mutation.Insert insert, Mutation.InsertRow row, java.util.Map<String, Sql> values,
                             List<String> from, List<Sql> ctes, List<String> inserted, List<String> checkedCtes) {
        List<String> sources = new ArrayList<>(from);
        for (Mutation.NestedInsert parent : row.parents()) {
            String p = insertRow(parent.insert(), parent.insert().rows().getFirst(), new java.util.LinkedHashMap<>(),
                    List.of(), ctes, inserted, checkedCtes);
            parent.join().columns().forEach((mine, theirs) -> values.put(mine, Sql.column(p, theirs)));
            sources.add(p);
        }
        row.values().forEach((column, value) -> values.putIfAbsent(column,
                ColumnValue.of(value, insert.columnTypes().get(column))));
        String name = aliases.next();
        String b = aliases.next();
        Sql columns = Sql.join(", ", values.keySet().stream().map(Sql::ident).toList());
        Sql exprs = Sql.join(", ", List.copyOf(values.values()));
        Sql body = values.isEmpty() ? Sql.of(" default values")
                : sources.isEmpty() ? Sql.of(" (", columns, ") values (", exprs, ")")
                : Sql.of(" (", columns, ") select ", exprs, " from ",
                        Sql.join(", ", sources.stream().map(Sql::ident).toList()));
        Sql conflict = insert.onConflict().map(c -> onConflict(c, b, insert)).orElse(Sql.EMPTY);
        Sql check = Sql.EMPTY;
        if (ownCheck(insert)) {
            check = checkColumn(insertCheck(insert, b));
            checkedCtes.add(name);
        }
        ctes.add(Sql.of(Sql.ident(name), " as (insert into ", WhereCompiler.table(insert.table()), " as ", Sql.ident(b),
                body, conflict, " returning *", check, ")"));
        inserted.add(name);
        Sql rows = check.isEmpty() ? Sql.ident(name)
                : Sql.of("(select ", rowColumns(insert), " from ", Sql.ident(name), ") as ", Sql.ident(aliases.next()));
        select.readAlso(insert.table(), rows);
        insertedRows.merge(insert.table(), Sql.of("(select * from ", WhereCompiler.table(insert.table()),
                " union all select * from ", rows, ")"), (old, added) -> Sql.of("(select * from ", old,
                " as ", Sql.ident(aliases.next()), " union all select * from ", rows, ")"));
        for (Mutation.NestedInsert child : row.children()) {
            for (Mutation.InsertRow childRow : child.insert().rows()) {
                java.util.Map<String, Sql> keys = new java.util.LinkedHashMap<>();
                child.join().columns().forEach((mine, theirs) -> keys.put(theirs, Sql.column(name, mine)));
                insertRow(child.insert(), childRow, keys, List.of(name), ctes, inserted, checkedCtes);
            }
        }
        return name;
    }

    private Sql onConflict(Mutation.OnConflict conflict, String b, Mutation.Insert insert) {
        Sql on = conflict.constraint() == null ? Sql.of(" on conflict")
                : Sql.of(" on conflict on constraint ", Sql.ident(conflict.constraint()));
        if (conflict.updateColumns().isEmpty()) {
            return Sql.of(on, " do nothing");
        }
        List<Sql> sets = new ArrayList<>(conflict.updateColumns().stream()
                .filter(c -> !conflict.presets().containsKey(c))
                .map(c -> Sql.of(Sql.ident(c), " = excluded.", Sql.ident(c))).toList());
        conflict.presets().forEach((column, value) -> sets.add(Sql.of(Sql.ident(column), " = ",
                ColumnValue.of(value, insert.columnTypes().get(column)))));
        Sql filter = conflict.where().equals(BoolExp.TRUE) ? Sql.EMPTY : Sql.of(" where ", where.compile(conflict.where(), b));
        return Sql.of(on, " do update set ", Sql.join(", ", sets), filter);
    }

    private Sql update(Mutation.Update update, String b) {
        Sql table = WhereCompiler.table(update.table());
        Sql condition = where.compile(update.where(), b);
        if (update.assignments().isEmpty()) {
            return Sql.of("select * from ", table, " as ", Sql.ident(b), " where ", condition);
        }
        java.util.Map<String, Sql> values = new java.util.LinkedHashMap<>();
        for (Mutation.Assignment a : update.assignments()) {
            Sql current = values.getOrDefault(a.column(), Sql.column(b, a.column()));
            values.put(a.column(), switch (a.operator()) {
                case "_set" -> ColumnValue.of(a.value(), a.columnType());
                case "_inc" -> Sql.of("(", current, " + ", Sql.param(a.value(), a.columnType()), ")");
                case "_mul" -> Sql.of("(", current, " * ", Sql.param(a.value(), a.columnType()), ")");
                case "_default" -> Sql.of("default");
                case "_append" -> Sql.of("(", current, " || ", Sql.param(a.value(), "jsonb"), ")");
                case "_prepend" -> Sql.of("(", Sql.param(a.value(), "jsonb"), " || ", current, ")");
                case "_delete_key" -> Sql.of("(", current, " - ", Sql.param(a.value(), "text"), ")");
                case "_delete_elem" -> Sql.of("(", current, " - ", Sql.param(a.value(), "int4"), ")");
                case "_delete_at_path" -> Sql.of("(", current, " #- ", Sql.arrayParam(a.value(), "text"), ")");
                default -> throw new IllegalArgumentException("unknown update operator " + a.operator());
            });
        }
        List<Sql> sets = new ArrayList<>();
        values.forEach((column, value) -> sets.add(Sql.of(Sql.ident(column), " = ", value)));
        Sql check = update.checked() ? checkColumn(Sql.of("(", where.compile(update.check(), b), ")")) : Sql.EMPTY;
        return Sql.of("update ", table, " as ", Sql.ident(b), " set ", Sql.join(", ", sets), " where ", condition,
                " returning *", check);
    }
}
