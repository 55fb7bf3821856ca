package junction.graphql;

import static junction.graphql.QueryErrorsTest.assertError;
import static junction.graphql.QueryErrorsTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.Shop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validation errors of several graphql-java error types, each answered with Hasura's code, a
 * message made from the error's type and the operation (not graphql-java's text) and a path into
 * the query; and operations whose fragments nest without end answered with JSON, never a 500.
 */
class ValidationErrorTypesTest {
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        engine = Shop.start("validation_types");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void anUnknownFieldInsideAFragmentHasItsPathFromTheOperation() {
        assertError(engine.gql("{ orders { ...o } } fragment o on orders { id nope }"), "validation-failed",
                "field 'nope' not found in type: 'orders'", "$.selectionSet.orders.selectionSet.nope");
    }

    @Test
    void anUnknownArgumentOfAnAliasedFieldNamesTheField() {
        assertError(engine.gql("{ a: orders(foo: 1) { id } }"), "validation-failed",
                "\"orders\" has no argument named \"foo\"", "$.selectionSet.orders");
    }

    @Test
    void anUnknownFieldDeepInsideAnInputValueHasItsPath() {
        assertError(engine.gql("{ orders(where: {_and: [{id: {_eq: 1}}, {nope: {_eq: 1}}]}) { id } }"), "validation-failed",
                "field 'nope' not found in type: 'orders_bool_exp'", "$.selectionSet.orders.args.where._and[1].nope");
    }

    @Test
    void aWrongEnumValueInAListHasItsIndex() {
        assertError(engine.gql("{ orders(order_by: [{id: asc}, {status: sideways}]) { id } }"), "validation-failed",
                "expected one of the values ['asc', 'asc_nulls_first', 'asc_nulls_last', 'desc', 'desc_nulls_first', "
                        + "'desc_nulls_last'] for type 'order_by', but found an enum value 'sideways'",
                "$.selectionSet.orders.args.order_by[1].status");
    }

    @Test
    void aNullForARequiredArgumentIsRefused() {
        assertError(engine.gql("{ orders_by_pk(id: null) { id } }"), "validation-failed",
                "expected a non-null value for type 'Int!', but found null", "$.selectionSet.orders_by_pk.args.id");
    }

    @Test
    void aMissingRequiredInputFieldNamesIt() {
        assertError(engine.gql("mutation { update_orders_by_pk(pk_columns: {}, _set: {note: \"x\"}) { id } }"),
                "validation-failed", "missing required field 'id'", "$.selectionSet.update_orders_by_pk.args.pk_columns");
    }

    @Test
    void anUndefinedFragmentIsNamed() {
        assertError(engine.gql("{ orders { ...nope } }"), "validation-failed", "reference to undefined fragment \"nope\"",
                "$.selectionSet.orders");
    }

    @Test
    void aVariableOfAnotherTypeSaysBothTypes() {
        assertError(engine.gql("query($v: String) { orders(limit: $v) { id } }", "{}", null), "validation-failed",
                "variable \"v\" is declared as String, but used where Int is expected", "$.selectionSet.orders.args.limit");
    }

    @Test
    void anUndeclaredVariableIsNamed() {
        assertError(engine.gql("{ orders(limit: $n) { id } }"), "validation-failed",
                "variable \"n\" is not defined by the operation", "$.selectionSet.orders.args.limit");
    }

    @Test
    void fragmentsThatSpreadEachOtherFormACycle() {
        JsonNode error = error(engine.gql("{ orders { ...a } } fragment a on orders { ...b } fragment b on orders { ...a }"));
        assertThat(error.at("/extensions/code").asText()).isEqualTo("validation-failed");
        assertThat(error.get("message").asText()).startsWith("the fragment definition(s) \"").endsWith("\" form a cycle");
    }

    @Test
    void twoFragmentsOfOneNameAreAParseFailure() {
        assertError(engine.gql("{ orders { ...a } } fragment a on orders { id } fragment a on orders { id }"),
                "parse-failed", "multiple definitions for fragment \"a\"", "$.query");
    }

    @Test
    void aSyntaxErrorSaysWhereWithoutGraphqlJavaText() {
        assertError(engine.gql("{ orders { id ) }"), "parse-failed",
                "not a valid graphql query: unexpected ')' at line 1, column 15", "$.query");
        assertError(engine.gql("{ orders { id "), "parse-failed",
                "not a valid graphql query: unexpected end of query at line 1, column 15", "$.query");
    }

    @Test
    void aChainOfTwoThousandFragmentsMeetsTheDepthLimit() {
        StringBuilder query = new StringBuilder("{ ...f0 } ");
        for (int i = 0; i < 2000; i++) {
            query.append("fragment f").append(i).append(" on query_root { ...f").append(i + 1).append(" } ");
        }
        query.append("fragment f2000 on query_root { __typename }");
        assertThat(query.length()).isGreaterThan(40_000);
        assertDepthLimit(query.toString());
    }

    @Test
    void fragmentsSpreadingTheNextTwiceMeetALimitWithoutExponentialWork() {
        StringBuilder query = new StringBuilder("{ orders { ...f0 } } ");
        for (int i = 0; i < 2000; i++) {
            query.append("fragment f").append(i).append(" on orders { id ...f").append(i + 1).append(" ...f").append(i + 1)
                    .append(" } ");
        }
        query.append("fragment f2000 on orders { id }");
        assertDepthLimit(query.toString());
    }

    @Test
    void aSelfNestingFanOutIsRefusedWithJson() {
        String query = "{ orders { ...f } } fragment f on orders { id customer { orders { ...f ...f } } }";
        Http.Response r = engine.http.post("/v1/graphql", Json.write(Json.object().put("query", query)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(error(r.json()).at("/extensions/code").asText()).isEqualTo("validation-failed");
    }

    @Test
    void aChainOfTwoThousandUnusedFragmentsIsAnsweredWithJson() {
        StringBuilder query = new StringBuilder("{ __typename } ");
        for (int i = 0; i < 2000; i++) {
            query.append("fragment f").append(i).append(" on query_root { ...f").append(i + 1).append(" } ");
        }
        query.append("fragment f2000 on query_root { __typename }");
        Http.Response r = engine.http.post("/v1/graphql", Json.write(Json.object().put("query", query.toString())));
        assertThat(r.status()).isEqualTo(200);
        assertThat(error(r.json()).at("/extensions/code").asText()).isEqualTo("validation-failed");
    }

    private static void assertDepthLimit(String query) {
        Http.Response r = engine.http.post("/v1/graphql", Json.write(Json.object().put("query", query)));
        assertThat(r.status()).isEqualTo(200);
        assertError(r.json(), "validation-failed", "the query is nested deeper than the limit of 50 levels", "$");
    }
}
