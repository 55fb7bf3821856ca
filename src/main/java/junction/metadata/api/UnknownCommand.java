package junction.metadata.api;

import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;

/** Hasura's {@code parse-failed} errors for a {@code type} that names no metadata command. */
final class UnknownCommand {
    private static final Map<String, String> BACKENDS = Map.of("pg", "postgres", "citus", "citus",
            "cockroach", "cockroach", "mssql", "mssql", "bigquery", "bigquery");

    private UnknownCommand() {
    }

    static ApiException error(String type) {
        int underscore = type.indexOf('_');
        String prefix = underscore < 0 ? type : type.substring(0, underscore);
        String backend = BACKENDS.get(prefix);
        if (backend == null) {
            return ApiException.of(Code.PARSE_FAILED, "unknown metadata command \"" + type + "\"; \"" + prefix
                    + "\" was not recognized as a valid backend name");
        }
        return ApiException.of(Code.PARSE_FAILED, "unknown metadata command \"" + type.substring(underscore + 1)
                + "\" for backend " + backend);
    }
}
