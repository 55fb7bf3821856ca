package junction.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.FunctionName;
import junction.catalog.TableName;
import junction.json.Json;
import junction.plan.ir.Aggregate;
import junction.plan.ir.AggregateField;
import junction.plan.ir.AggregateSelection;
import junction.plan.ir.BoolExp;
import junction.plan.ir.DbQuery;
import junction.plan.ir.Field;
import junction.plan.ir.FunctionCall;
import junction.plan.ir.Permit;
import junction.plan.ir.Select;
import junction.plan.ir.Value;
import org.junit.jupiter.api.Test;

/** The SQL of a tracked function's root field: the rows come from the call, the return table's permission applies to them. */
class FunctionSqlTest {
    static final TableName ARTICLE = TableName.of("article");
    static final BoolExp MINE = new BoolExp.Rooted(new BoolExp.Compare("author_id", "int4", BoolExp.Op.EQ,
            new Value.SessionVariable("x-hasura-user-id")));
    static final FunctionCall SEARCH = new FunctionCall(new FunctionName("public", "search_articles"), List.of(
            new FunctionCall.Argument(null, new Value.Variable("q"), "text"),
            new FunctionCall.Argument("hasura_session", new Value.Session(), "json")));

    static Select select(boolean single) {
        return new Select(ARTICLE, MINE, List.of(), List.of(), Optional.of(new Value.Literal(Json.NODES.numberNode(5))),
                Optional.empty(), List.of(new Field.Column("id", "id", "int4"), new Field.Column("title", "title", "text")),
                single, new Permit(Optional.of(3), Map.of()));
    }

    @Test
    void theRowsOfASetReturningFunctionAreReadFromTheCallUnderTheRolesFilterAndCap() {
        Rendered sql = SelectCompiler.compileOne(new DbQuery.FromFunction(SEARCH, new DbQuery.Rows(select(false))),
                SqlOptions.DEFAULT);
        assertThat(sql.text()).isEqualTo("select coalesce(json_agg((select row_to_json(\"_e\") from (select \"_0\".\"_2\" as "
                + "\"id\", \"_0\".\"_3\" as \"title\") as \"_e\")), '[]') as \"v\" from (select \"_1\".\"id\" as \"_2\", "
                + "\"_1\".\"title\" as \"_3\" from \"public\".\"search_articles\"(?::\"text\", \"hasura_session\" => ?::\"json\") "
                + "as \"_1\" where (\"_1\".\"author_id\" = ?::\"int4\") limit 3) as \"_0\"");
        assertThat(sql.params()).extracting(Sql.Param::value).containsExactly(new Value.Variable("q"),
                new Value.Session(), new Value.SessionVariable("x-hasura-user-id"));
    }

    @Test
    void aFunctionReturningOneRowAnswersAnObject() {
        String text = SelectCompiler.compileOne(new DbQuery.FromFunction(new FunctionCall(
                new FunctionName("public", "top_article"), List.of()), new DbQuery.Rows(select(true))), SqlOptions.DEFAULT).text();
        assertThat(text).startsWith("select (select row_to_json(\"_e\")").contains(" from \"public\".\"top_article\"() as \"_1\"")
                .endsWith(" limit 3) as \"_0\"");
    }

    @Test
    void theAggregateOfAFunctionAggregatesTheCallsRows() {
        Aggregate aggregate = new Aggregate(select(false).withFields(List.of()), List.of(new AggregateSelection.Fields("aggregate",
                List.of(new AggregateField.Count("count", List.of(), false)))));
        String text = SelectCompiler.compileOne(new DbQuery.FromFunction(SEARCH, new DbQuery.Aggregated(aggregate)),
                SqlOptions.DEFAULT).text();
        assertThat(text).isEqualTo("select json_build_object('aggregate', json_build_object('count', count(*))) as \"v\" "
                + "from (select 1 from \"public\".\"search_articles\"(?::\"text\", \"hasura_session\" => ?::\"json\") as \"_1\" "
                + "where (\"_1\".\"author_id\" = ?::\"int4\") limit 3) as \"_0\"");
    }
}
