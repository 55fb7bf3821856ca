package junction.sql;

import java.util.Map;

/** Hasura's aggregate operation names → Postgres aggregate functions (a closed set, never user text). */
final class AggregateFunctions {
    private static final Map<String, String> FUNCTIONS = Map.of("avg", "avg", "max", "max", "min", "min",
            "stddev", "stddev", "stddev_pop", "stddev_pop", "stddev_samp", "stddev_samp", "sum", "sum",
            "var_pop", "var_pop", "var_samp", "var_samp", "variance", "variance");

    private AggregateFunctions() {
    }

    static String function(String operation) {
        String function = FUNCTIONS.get(operation);
        if (function == null) {
            throw new IllegalArgumentException("unknown aggregate operation " + operation);
        }
        return function;
    }
}
