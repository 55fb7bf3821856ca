package junction.catalog;

import java.util.Objects;

/** A schema-qualified table name, as Postgres spells it. */
public record TableName(String schema, String name) implements Comparable<TableName> {
    public TableName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    public static TableName of(String name) {
        return new TableName("public", name);
    }

    /** Hasura's base name for GraphQL: {@code orders} for public, {@code sales_orders} otherwise. */
    public String graphqlBase() {
        return schema.equals("public") ? name : schema + "_" + name;
    }

    @Override
    public int compareTo(TableName o) {
        int bySchema = schema.compareTo(o.schema);
        return bySchema != 0 ? bySchema : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return schema.equals("public") ? name : schema + "." + name;
    }
}
