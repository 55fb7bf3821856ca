package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import junction.error.ApiException;
import junction.error.Code;
import junction.session.Session;

/** Where a statement's parameters get their values for one request: its variables and its session. */
record Bindings(JsonNode variables, Session session) {

    /** A session variable's value; a missing one is Hasura's {@code not-found} ("missing session variable: \"x-hasura-user-id\""). */
    String session(String name) {
        return session.variable(name).orElseThrow(() -> ApiException.of(Code.NOT_FOUND,
                "missing session variable: \"" + name + "\""));
    }
}
