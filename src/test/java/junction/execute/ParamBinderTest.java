package junction.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.json.Json;
import junction.plan.ir.Value;
import junction.session.Session;
import junction.sql.Sql;
import org.junit.jupiter.api.Test;

class ParamBinderTest {
    private final Bindings values = new Bindings(Json.parse("{\"a\": 1, \"s\": \"x\\\"y\"}"),
            new Session("user", Map.of("x-hasura-user-id", "42")));

    @Test
    void valuesComeFromLiteralsVariablesAndTheSession() {
        Value list = new Value.ListOf(List.of(new Value.Variable("a"), new Value.Literal(Json.NODES.numberNode(2)),
                new Value.SessionVariable("X-Hasura-User-Id")));
        assertThat(ParamBinder.resolve(list, values)).isEqualTo(Json.parse("[1, 2, \"42\"]"));
    }

    @Test
    void listsBecomeOneArrayLiteralWithQuotingAndNulls() {
        Sql.Param param = new Sql.Param(new Value.Literal(Json.parse("[\"a\", \"b\\\"c\", null, \"d\\\\e\"]")), "text", true);
        assertThat(ParamBinder.text(param, ((Sql.Param) param).value() instanceof Value.Literal l ? l.value() : null))
                .isEqualTo("{\"a\",\"b\\\"c\",NULL,\"d\\\\e\"}");
    }

    @Test
    void aMissingSessionVariableIsNotFound() {
        assertThatThrownBy(() -> ParamBinder.resolve(new Value.SessionVariable("x-hasura-org-id"), values))
                .isInstanceOf(ApiException.class)
                .hasMessage("missing session variable: \"x-hasura-org-id\"");
    }
}
