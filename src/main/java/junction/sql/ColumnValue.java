package junction.sql;

import junction.plan.ir.Value;

/**
 * A value for a column of a given Postgres type, as SQL: a bind parameter cast to the type. The
 * PostGIS types take GeoJSON as Hasura does — {@code ST_GeomFromGeoJSON(?::text)}, cast to
 * {@code geography} for a geography column — and answer with it ({@code ST_AsGeoJSON(col)::json}).
 */
final class ColumnValue {
    private ColumnValue() {
    }

    static boolean isSpatial(String type) {
        return type.equals("geometry") || type.equals("geography");
    }

    /** One value of the type. */
    static Sql of(Value value, String type) {
        return isSpatial(type) ? fromGeoJson(Sql.param(value, "text"), type) : Sql.param(value, type);
    }

    /** A list of values of the type, as one array parameter ({@code _in}, {@code _nin}). */
    static Sql list(Value value, String type) {
        if (!isSpatial(type)) {
            return Sql.arrayParam(value, type);
        }
        return Sql.of("array(select ", fromGeoJson(Sql.ident("g"), type), " from unnest(", Sql.arrayParam(value, "text"),
                ") as ", Sql.ident("g"), ")");
    }

    /** An array type: Postgres names them after their element with a leading underscore ({@code _text}). */
    static boolean isArray(String type) {
        return type.startsWith("_");
    }

    /**
     * A list of arrays ({@code _in} on an array column), as the rows of a subquery: Postgres has no
     * array of arrays of unequal lengths, so the list travels as one jsonb parameter
     * ({@code [["a"], ["b", "c"]]}) and each item is cast to the column's array type.
     */
    static Sql arrays(Value value, String type) {
        return Sql.of("select array(select jsonb_array_elements_text(", Sql.ident("e"), "))::", Sql.ident(type),
                " from jsonb_array_elements(", Sql.param(value, "jsonb"), ") as ", Sql.ident("e"));
    }

    /** A column's value as it goes into the answer: GeoJSON for the PostGIS types. */
    static Sql answer(Sql value, String type) {
        return isSpatial(type) ? Sql.of("ST_AsGeoJSON(", value, ")::json") : value;
    }

    private static Sql fromGeoJson(Sql text, String type) {
        Sql geometry = Sql.of("ST_GeomFromGeoJSON(", text, ")");
        return type.equals("geography") ? Sql.of(geometry, "::geography") : geometry;
    }
}
