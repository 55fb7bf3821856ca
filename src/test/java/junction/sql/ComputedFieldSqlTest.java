package junction.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import junction.catalog.FunctionName;
import junction.catalog.TableName;
import junction.json.Json;
import junction.plan.ir.BoolExp;
import junction.plan.ir.ComputedCall;
import junction.plan.ir.DbQuery;
import junction.plan.ir.Field;
import junction.plan.ir.OrderItem;
import junction.plan.ir.Select;
import junction.plan.ir.Value;
import org.junit.jupiter.api.Test;

/**
 * The SQL of computed fields: the function called on the base row ({@code "_1".*}) with quoted
 * names and bound values, in one statement — for a scalar, for rows, in where and order by.
 */
class ComputedFieldSqlTest {
    static final TableName AUTHOR = new TableName("public", "author");
    static final TableName ARTICLE = new TableName("public", "article");
    static final ComputedCall FULL_NAME = new ComputedCall(new FunctionName("public", "author_full_name"),
            List.of(new ComputedCall.Row(Optional.empty())));
    static final ComputedCall GREETING = new ComputedCall(new FunctionName("my schema", "greet"), List.of(
            new ComputedCall.Row(Optional.empty()), new ComputedCall.Session(Optional.empty(), "json"),
            new ComputedCall.Given(Optional.of("punct"), new Value.Variable("p"), "text")));

    static Select select(TableName table, BoolExp where, List<OrderItem> order, List<Field> fields) {
        return new Select(table, where, order, List.of(), Optional.empty(), Optional.empty(), fields, false);
    }

    @Test
    void aScalarComputedFieldIsCalledOnTheBaseRow() {
        Rendered sql = SelectCompiler.compileOne(new DbQuery.Rows(select(AUTHOR, BoolExp.TRUE, List.of(), List.of(
                new Field.Column("id", "id", "int4"), new Field.Computed("full_name", FULL_NAME, "text")))),
                SqlOptions.DEFAULT);
        assertThat(sql.text()).isEqualTo("select coalesce(json_agg((select row_to_json(\"_e\") from (select "
                + "\"_0\".\"_2\" as \"id\", \"_0\".\"_3\" as \"full_name\") as \"_e\")), '[]') as \"v\" from (select "
                + "\"_1\".\"id\" as \"_2\", \"public\".\"author_full_name\"(\"_1\".*) as \"_3\" from \"public\".\"author\" "
                + "as \"_1\") as \"_0\"");
        assertThat(sql.params()).isEmpty();
    }

    @Test
    void theSessionAndTheQuerysValuesAreBindParametersAndNamesAreQuoted() {
        Rendered sql = SelectCompiler.compileOne(new DbQuery.Rows(select(AUTHOR, BoolExp.TRUE, List.of(), List.of(
                new Field.Computed("hi", GREETING, "text")))), SqlOptions.DEFAULT);
        assertThat(sql.text()).contains("\"my schema\".\"greet\"(\"_1\".*, ?::\"json\", \"punct\" => ?::\"text\") as \"_2\"");
        assertThat(sql.params()).extracting(p -> p.value()).containsExactly(new Value.Session(), new Value.Variable("p"));
    }

    @Test
    void rowsOfAComputedFieldAreASubqueryOverTheFunctionsRows() {
        Select articles = select(ARTICLE, new BoolExp.Compare("rating", "int4", BoolExp.Op.GT,
                new Value.Literal(Json.NODES.numberNode(3))), List.of(), List.of(new Field.Column("title", "title", "text")));
        ComputedCall call = new ComputedCall(new FunctionName("public", "author_articles"),
                List.of(new ComputedCall.Row(Optional.empty())));
        Rendered sql = SelectCompiler.compileOne(new DbQuery.Rows(select(AUTHOR, BoolExp.TRUE, List.of(), List.of(
                new Field.ComputedRows("articles", call, articles)))), SqlOptions.DEFAULT);
        assertThat(sql.text()).isEqualTo("select coalesce(json_agg((select row_to_json(\"_e\") from (select "
                + "\"_0\".\"_2\" as \"articles\") as \"_e\")), '[]') as \"v\" from (select (select coalesce(json_agg("
                + "(select row_to_json(\"_e\") from (select \"_3\".\"_5\" as \"title\") as \"_e\")), '[]') as \"v\" from "
                + "(select \"_4\".\"title\" as \"_5\" from \"public\".\"author_articles\"(\"_1\".*) as \"_4\" where "
                + "(\"_4\".\"rating\" > ?::\"int4\")) as \"_3\") as \"_2\" from \"public\".\"author\" as \"_1\") as \"_0\"");
    }

    @Test
    void aComputedFieldInWhereAndOrderByIsTheCallOnTheRow() {
        BoolExp where = new BoolExp.OnComputed(FULL_NAME, new BoolExp.Compare("full_name", "text", BoolExp.Op.ILIKE,
                new Value.Literal(Json.NODES.textNode("%a%"))));
        List<OrderItem> order = List.of(new OrderItem(new OrderItem.ComputedKey(FULL_NAME), true, true));
        Rendered sql = SelectCompiler.compileOne(new DbQuery.Rows(select(AUTHOR, where, order, List.of(
                new Field.Column("id", "id", "int4")))), SqlOptions.DEFAULT);
        assertThat(sql.text()).contains("\"public\".\"author_full_name\"(\"_1\".*) as \"_3\" from \"public\".\"author\" as "
                + "\"_1\" where (\"public\".\"author_full_name\"(\"_1\".*) ilike ?::\"text\") order by \"_3\" desc nulls first");
    }

    @Test
    void aComputedFieldReturningRowsInWhereIsAnExistsOverTheFunctionsRows() {
        ComputedCall call = new ComputedCall(new FunctionName("public", "author_articles"),
                List.of(new ComputedCall.Row(Optional.empty())));
        BoolExp where = new BoolExp.OnComputedRows(call, new BoolExp.Compare("rating", "int4", BoolExp.Op.EQ,
                new Value.Literal(Json.NODES.numberNode(4))));
        Rendered sql = SelectCompiler.compileOne(new DbQuery.Rows(select(AUTHOR, where, List.of(), List.of(
                new Field.Column("id", "id", "int4")))), SqlOptions.DEFAULT);
        assertThat(sql.text()).endsWith("from \"public\".\"author\" as \"_1\" where exists (select 1 from "
                + "\"public\".\"author_articles\"(\"_1\".*) as \"_3\" where (\"_3\".\"rating\" = ?::\"int4\"))) as \"_0\"");
    }
}
