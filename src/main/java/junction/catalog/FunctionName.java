package junction.catalog;

import java.util.Objects;

/** A schema-qualified SQL function name, as Postgres spells it ({@code {"schema", "name"}} in metadata). */
public record FunctionName(String schema, String name) implements Comparable<FunctionName> {
    public FunctionName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    public static FunctionName of(String name) {
        return new FunctionName("public", name);
    }

    /** Hasura's base name for GraphQL: {@code search_articles} for public, {@code sales_search_articles} otherwise. */
    public String graphqlBase() {
        return schema.equals("public") ? name : schema + "_" + name;
    }

    @Override
    public int compareTo(FunctionName o) {
        int bySchema = schema.compareTo(o.schema);
        return bySchema != 0 ? bySchema : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return schema.equals("public") ? name : schema + "." + name;
    }
}
