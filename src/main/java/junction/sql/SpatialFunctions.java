package junction.sql;

import junction.plan.ir.BoolExp;

/** The PostGIS function behind each of Hasura's spatial comparison operators ({@code _st_within → ST_Within}). */
final class SpatialFunctions {
    private SpatialFunctions() {
    }

    static String name(BoolExp.Op op) {
        return switch (op) {
            case ST_CONTAINS -> "ST_Contains";
            case ST_CROSSES -> "ST_Crosses";
            case ST_EQUALS -> "ST_Equals";
            case ST_INTERSECTS -> "ST_Intersects";
            case ST_3D_INTERSECTS -> "ST_3DIntersects";
            case ST_OVERLAPS -> "ST_Overlaps";
            case ST_TOUCHES -> "ST_Touches";
            case ST_WITHIN -> "ST_Within";
            case ST_D_WITHIN -> "ST_DWithin";
            case ST_3D_D_WITHIN -> "ST_3DDWithin";
            default -> throw new IllegalArgumentException("not a spatial operator: " + op);
        };
    }
}
