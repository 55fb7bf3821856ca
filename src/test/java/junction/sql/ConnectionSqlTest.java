package junction.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import junction.catalog.TableName;
import junction.json.Json;
import junction.plan.ir.BoolExp;
import junction.plan.ir.Connection;
import junction.plan.ir.DbQuery;
import junction.plan.ir.Field;
import junction.plan.ir.OrderItem;
import junction.plan.ir.Permit;
import junction.plan.ir.Select;
import junction.plan.ir.Value;
import org.junit.jupiter.api.Test;

/** The one statement a Relay connection compiles to (golden text), as Hasura nests it. */
class ConnectionSqlTest {
    static final TableName ARTICLES = new TableName("public", "articles");

    static Connection connection(Optional<Value> after, Optional<Value> first, Optional<Value> last) {
        Select rows = new Select(ARTICLES, BoolExp.TRUE, List.of(new OrderItem(new OrderItem.ColumnKey("id"), false, false)),
                List.of(), Optional.empty(), Optional.empty(), List.of(), false, Permit.NONE);
        return new Connection(rows, List.of(new Connection.CursorKey(List.of("id"), "int4")), after, Optional.empty(), first, last,
                List.of(new Connection.Edges("edges", List.of(new Connection.Cursor("cursor"),
                                new Connection.Node("node", List.of(new Field.NodeId("id", ARTICLES, List.of("id")),
                                        new Field.Column("title", "title", "text"))))),
                        new Connection.PageInfo("pageInfo", List.of(
                                new Connection.PageInfoField("hasNextPage", Connection.PageInfoField.Kind.HAS_NEXT_PAGE),
                                new Connection.PageInfoField("hasPreviousPage", Connection.PageInfoField.Kind.HAS_PREVIOUS_PAGE),
                                new Connection.PageInfoField("endCursor", Connection.PageInfoField.Kind.END_CURSOR)))));
    }

    static Rendered compile(Connection connection) {
        return SelectCompiler.compileOne(new DbQuery.Connected(connection), SqlOptions.DEFAULT);
    }

    @Test
    void aConnectionWithAfterAndFirstIsOneStatement() {
        Rendered sql = compile(connection(Optional.of(new Value.Variable("after")),
                Optional.of(new Value.Literal(Json.NODES.numberNode(2))), Optional.empty()));
        assertThat(sql.text()).isEqualTo(GOLDEN);
        assertThat(sql.params()).extracting(p -> p.value()).containsExactly(
                literal("id"), literal("public"), literal("articles"), literal("id"),
                new Value.Variable("after"), new Value.Variable("after"), path("id"), new Value.Variable("after"), path("id"));
    }

    @Test
    void lastTakesTheLastRowsOfWhatIsLeftInTheirOrder() {
        String text = compile(connection(Optional.empty(), Optional.empty(),
                Optional.of(new Value.Literal(Json.NODES.numberNode(3))))).text();
        assertThat(text).contains("from (select * from (select * from (select \"_3\".*, row_number()")
                .contains("order by \"_4\".\"__rn\") as \"_5\" order by \"_5\".\"__rn\" desc limit 3) as \"_6\"")
                .doesNotContain(" where ");
    }

    @Test
    void aFunctionsConnectionReadsTheCallInsteadOfTheTable() {
        junction.plan.ir.FunctionCall call = new junction.plan.ir.FunctionCall(
                new junction.catalog.FunctionName("public", "articles_titled"),
                List.of(new junction.plan.ir.FunctionCall.Argument("prefix", new Value.Variable("p"), "text")));
        Rendered sql = SelectCompiler.compileOne(new DbQuery.FromFunction(call, new DbQuery.Connected(
                connection(Optional.of(new Value.Variable("after")), Optional.of(new Value.Literal(Json.NODES.numberNode(2))),
                        Optional.empty()))), SqlOptions.DEFAULT);
        assertThat(sql.text()).isEqualTo(GOLDEN.replace("from \"public\".\"articles\" as \"_0\"",
                "from \"public\".\"articles_titled\"(\"prefix\" => ?::\"text\") as \"_0\""));
    }

    static Value literal(String text) {
        return new Value.Literal(Json.NODES.textNode(text));
    }

    static Value path(String... steps) {
        return new Value.ListOf(java.util.Arrays.stream(steps).map(ConnectionSqlTest::literal).toList());
    }

    static final String GOLDEN = "select json_build_object('edges', coalesce(json_agg(json_build_object('cursor', replace(encode(convert_to((json_build_object(?::\"text\", \"_5\".\"_1\"))::text, 'UTF8'), 'base64'), chr(10), ''), 'node', (select row_to_json(\"_e\")" +
                " from (select replace(encode(convert_to((json_build_array(1, ?::\"text\", ?::\"text\", \"_5\".\"_1\"))::text, 'UTF8'), 'base64'), chr(10), '') as \"id\", \"_5\".\"_2\" as \"title\") as \"_e\")) order by \"_5\".\"__rn\"), '[]'), 'pageInfo', json_build_object('hasNextPage', coalesce(max(\"_5\".\"__rn\") < max(\"_5\".\"__count\"), false), 'hasPreviousPage', coalesce(min(\"_5\".\"__rn\") > 1, false), 'endCursor', (array_agg(replace(encode(convert_to((json_build_object(?::\"text\", \"_5\".\"_1\"))::text, 'UTF8'), 'base64'), chr(10), '') order by \"_5\".\"__rn\" desc))[1])) as \"v\"" +
                " from (select *" +
                " from (select \"_3\".*, row_number() over (order by \"_3\".\"_1\" asc nulls last) as \"__rn\", count(*) over () as \"__count\"" +
                " from (select \"_0\".\"id\" as \"_1\", \"_0\".\"title\" as \"_2\" from \"public\".\"articles\" as \"_0\" order by \"_1\" asc nulls last) as \"_3\") as \"_4\" where (?::\"text\" is null or ((\"_4\".\"_1\" > cast((convert_from(decode(?::\"text\", 'base64'), 'UTF8')::json #>> ?::\"text\"[]) as \"int4\")) or ((\"_4\".\"_1\" = cast((convert_from(decode(?::\"text\", 'base64'), 'UTF8')::json #>> ?::\"text\"[]) as \"int4\")) and false))) order by \"_4\".\"__rn\" limit 2) as \"_5\"";
}
