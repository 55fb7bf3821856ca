package junction.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import junction.plan.ir.Value;

/**
 * SQL as a value: an immutable list of parts. There is no raw-SQL part: keyword text comes from the
 * compiler's own constants, identifiers are always double-quoted, values are always parameters
 * (the one exception, a literal row count, can only render as digits: {@link Count}), and GraphQL names (response keys, type names) become string constants only after being checked
 * against GraphQL's name grammar, which cannot contain a quote.
 */
public record Sql(List<Part> parts) {
    public static final Sql EMPTY = new Sql(List.of());

    public sealed interface Part {
    }

    /** Keyword text written by the compiler (never from user input). */
    public record Text(String text) implements Part {
    }

    /** An identifier, rendered double-quoted with inner quotes doubled. */
    public record Ident(String name) implements Part {
    }

    /**
     * A GraphQL name as a SQL string constant (JSON keys, {@code __typename} values); a root field's
     * key within a source's namespace is two joined by a dot ({@code db.orders}).
     */
    public record Name(String name) implements Part {
        private static final Pattern GRAPHQL_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*(\\.[_A-Za-z][_0-9A-Za-z]*)?");

        public Name {
            if (!GRAPHQL_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a GraphQL name: " + name);
            }
        }
    }

    /** A bind parameter: where its value comes from, and the Postgres type it is cast to. */
    public record Param(Value value, String type, boolean array) implements Part {
    }

    /**
     * A row count given literally in the query text ({@code limit: 10}): rendered as digits, since a
     * {@code long} cannot render as anything else. It is part of the plan's shape (the plan cache key
     * holds the query text), and as a constant it lets Postgres plan the statement once: with
     * {@code limit $1} the generic plan's estimate (10% of the table) loses to a custom plan, which
     * Postgres then re-plans on every execution. Counts from variables stay parameters.
     */
    public record Count(long value) implements Part {
    }

    public Sql {
        parts = List.copyOf(parts);
    }

    /** Concatenates keyword strings, parts and fragments, in order. */
    public static Sql of(Object... items) {
        List<Part> parts = new ArrayList<>();
        for (Object item : items) {
            switch (item) {
                case String text -> parts.add(new Text(text));
                case Part part -> parts.add(part);
                case Sql sql -> parts.addAll(sql.parts);
                default -> throw new IllegalArgumentException("not SQL: " + item);
            }
        }
        return new Sql(parts);
    }

    public static Sql ident(String name) {
        return new Sql(List.of(new Ident(name)));
    }

    /** {@code "alias"."column"} */
    public static Sql column(String alias, String column) {
        return new Sql(List.of(new Ident(alias), new Text("."), new Ident(column)));
    }

    public static Sql name(String graphqlName) {
        return new Sql(List.of(new Name(graphqlName)));
    }

    public static Sql param(Value value, String type) {
        return new Sql(List.of(new Param(value, type, false)));
    }

    /** A {@code limit}/{@code offset} count: digits when the query text gives it, else a parameter. */
    public static Sql count(Value value) {
        if (value instanceof Value.Literal literal && literal.value().isIntegralNumber() && literal.value().canConvertToLong()) {
            return new Sql(List.of(new Count(literal.value().longValue())));
        }
        return param(value, "int8");
    }

    public static Sql arrayParam(Value value, String elementType) {
        return new Sql(List.of(new Param(value, elementType, true)));
    }

    public static Sql join(String separator, List<Sql> items) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                parts.add(new Text(separator));
            }
            parts.addAll(items.get(i).parts);
        }
        return new Sql(parts);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** {@code (this)} */
    public Sql parenthesized() {
        return of("(", this, ")");
    }
}
