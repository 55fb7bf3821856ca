package junction.plan.ir;

import java.util.List;
import java.util.Optional;
import junction.catalog.TableName;

/** Insert, update and delete root fields; each answers with {@link Output}. */
public sealed interface Mutation extends DbQuery permits Mutation.Insert, Mutation.Update, Mutation.Delete,
        Mutation.UpdateMany {

    /** The row fields the mutation answers with ({@code returning}, or the one row). */
    default List<Field> outputFields() {
        Output output = switch (this) {
            case Insert i -> i.output();
            case Update u -> u.output();
            case Delete d -> d.output();
            case UpdateMany m -> m.updates().isEmpty() ? new Response(List.of()) : m.updates().getFirst().output();
        };
        return switch (output) {
            case Row row -> row.fields();
            case Response response -> response.fields().stream().filter(f -> f instanceof Returning)
                    .flatMap(f -> ((Returning) f).fields().stream()).toList();
        };
    }

    /**
     * {@code insert into table …}: rows with their column values; a column a row does not name gets its
     * default. Rows may insert related rows first (object relationships) or after (array relationships).
     */
    record Insert(TableName table, java.util.Map<String, String> columnTypes, List<InsertRow> rows,
                  Optional<OnConflict> onConflict, Output output, BoolExp check) implements Mutation {
        public Insert {
            columnTypes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columnTypes));
            rows = List.copyOf(rows);
        }

        /** An insert without a permission check (admin, the JSON DML API). */
        public Insert(TableName table, java.util.Map<String, String> columnTypes, List<InsertRow> rows,
                      Optional<OnConflict> onConflict, Output output) {
            this(table, columnTypes, rows, onConflict, output, BoolExp.TRUE);
        }

        /**
         * Whether some inserted or upserted row, here or through a relationship, is checked against a
         * permission ({@code check} of the insert permission, of the update permission for upserts).
         */
        public boolean checked() {
            return !check.equals(BoolExp.TRUE) || onConflict.map(c -> !c.check().equals(BoolExp.TRUE)).orElse(false)
                    || rows.stream().anyMatch(r -> java.util.stream.Stream.concat(r.parents().stream(), r.children().stream())
                    .anyMatch(n -> n.insert().checked()));
        }

        /** Every column some row names, in first-seen order. */
        public List<String> columns() {
            java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
            rows.forEach(r -> out.addAll(r.values().keySet()));
            return List.copyOf(out);
        }

        public boolean nested() {
            return rows.stream().anyMatch(r -> !r.parents().isEmpty() || !r.children().isEmpty());
        }
    }

    /** One row to insert: column values, and related rows inserted through relationships. */
    record InsertRow(java.util.Map<String, Value> values, List<NestedInsert> parents, List<NestedInsert> children) {
        public InsertRow {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
            parents = List.copyOf(parents);
            children = List.copyOf(children);
        }
    }

    /** Rows inserted through a relationship; {@code join} maps this row's columns to theirs. */
    record NestedInsert(Join join, Insert insert) {
    }

    /**
     * {@code on conflict on constraint c do update set cols = excluded.cols where …}, or do nothing
     * ({@code constraint} null: on any conflict, which only "do nothing" allows).
     */
    record OnConflict(String constraint, List<String> updateColumns, BoolExp where,
                      java.util.Map<String, Value> presets, BoolExp check) {
        public OnConflict {
            updateColumns = List.copyOf(updateColumns);
            presets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(presets));
        }

        /** An upsert without update permission presets or check (admin, the JSON DML API). */
        public OnConflict(String constraint, List<String> updateColumns, BoolExp where) {
            this(constraint, updateColumns, where, java.util.Map.of(), BoolExp.TRUE);
        }
    }

    /**
     * {@code update table set … where …}; {@code check}: what every changed row must satisfy afterwards
     * (the update permission's check; {@link BoolExp#TRUE} when none).
     */
    record Update(TableName table, BoolExp where, List<Assignment> assignments, Output output, BoolExp check)
            implements Mutation {
        public Update {
            assignments = List.copyOf(assignments);
        }

        public Update(TableName table, BoolExp where, List<Assignment> assignments, Output output) {
            this(table, where, assignments, output, BoolExp.TRUE);
        }

        public boolean checked() {
            return !check.equals(BoolExp.TRUE) && !assignments.isEmpty();
        }
    }

    /** {@code update_T_many}: updates run in order, each seeing the ones before. */
    record UpdateMany(String key, List<Update> updates) implements Mutation {
        public UpdateMany {
            updates = List.copyOf(updates);
        }
    }

    record Delete(TableName table, BoolExp where, Output output) implements Mutation {
    }

    /**
     * One column change of an update: {@code _set}, {@code _inc} or a jsonb operator; {@code _mul} and
     * {@code _default} (its value unused) for the JSON DML {@code update}.
     */
    record Assignment(String column, String columnType, String operator, Value value) {
    }

    /** What a mutation answers: {@code T_mutation_response} fields, or one row (or null) for _one/_by_pk. */
    sealed interface Output {
    }

    record Response(List<ResponseField> fields) implements Output {
        public Response {
            fields = List.copyOf(fields);
        }
    }

    /**
     * The one row; {@code visible}: the rows the role may select (its select permission's filter);
     * {@code permit}: the columns shown only on some rows (inherited roles), no row cap.
     */
    record Row(List<Field> fields, BoolExp visible, Permit permit) implements Output {
        public Row {
            fields = List.copyOf(fields);
        }

        public Row(List<Field> fields) {
            this(fields, BoolExp.TRUE, Permit.NONE);
        }
    }

    /** A field of {@code T_mutation_response}. */
    sealed interface ResponseField permits AffectedRows, Returning, ResponseTypename {
        String key();
    }

    record AffectedRows(String key) implements ResponseField {
    }

    /** {@code returning}: the changed rows the role may select ({@code visible}, {@code permit} as for {@link Row}). */
    record Returning(String key, List<Field> fields, BoolExp visible, Permit permit) implements ResponseField {
        public Returning {
            fields = List.copyOf(fields);
        }

        public Returning(String key, List<Field> fields) {
            this(key, fields, BoolExp.TRUE, Permit.NONE);
        }
    }

    record ResponseTypename(String key, String typeName) implements ResponseField {
    }
}
