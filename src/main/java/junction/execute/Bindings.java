package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import junction.error.ApiException;
import junction.error.Code;
import junction.session.Session;

/** Where a statement's parameters get their values for one request: its variables and its session. */
record Bindings(JsonNode variables, Session session) {

    /** A session variable's value; a missing one is Hasura's {@code not-found} ("missing session variable: \"x-hasura-user-id\""). */
    /** The session as Hasura passes it to a session argument: its variables, lower-cased, with the role. */
    JsonNode sessionJson() {
        com.fasterxml.jackson.databind.node.ObjectNode out = junction.json.Json.object();
        session.variables().forEach(out::put);
        out.put("x-hasura-role", session.role());
        return out;
    }

    String session(String name) {
        return session.variable(name).orElseThrow(() -> ApiException.of(Code.NOT_FOUND,
                "missing session variable: \"" + name + "\""));
    }
}
