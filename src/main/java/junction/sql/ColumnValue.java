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

    /** A column's value as it goes into the answer: GeoJSON for the PostGIS types. */
    static Sql answer(Sql value, String type) {
        return isSpatial(type) ? Sql.of("ST_AsGeoJSON(", value, ")::json") : value;
    }

    private static Sql fromGeoJson(Sql text, String type) {
        Sql geometry = Sql.of("ST_GeomFromGeoJSON(", text, ")");
        return type.equals("geography") ? Sql.of(geometry, "::geography") : geometry;
    }
}
