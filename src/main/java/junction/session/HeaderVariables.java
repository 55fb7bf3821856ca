package junction.session;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code x-hasura-*} request headers as session variables, less the admin secret and its legacy alias. */
final class HeaderVariables {
    static final String ADMIN_SECRET = "x-hasura-admin-secret";
    static final String ACCESS_KEY = "x-hasura-access-key";

    private HeaderVariables() {
    }

    static Map<String, String> of(Map<String, String> headers) {
        Map<String, String> variables = new HashMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-hasura-") && !lower.equals(ADMIN_SECRET) && !lower.equals(ACCESS_KEY)) {
                variables.put(lower, value);
            }
        });
        return variables;
    }
}
