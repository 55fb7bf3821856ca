package junction.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.TableName;
import junction.json.Json;
import junction.plan.ir.BoolExp;
import junction.plan.ir.DbQuery;
import junction.plan.ir.Field;
import junction.plan.ir.Permit;
import junction.plan.ir.Select;
import junction.plan.ir.Value;
import org.junit.jupiter.api.Test;

/** The SQL of what a select permission adds besides its filter: the row cap and per-row column filters. */
class PermitSqlTest {
    static final TableName ORDERS = new TableName("public", "orders");
    static final BoolExp MINE = new BoolExp.Rooted(new BoolExp.Compare("user_id", "int4", BoolExp.Op.EQ,
            new Value.SessionVariable("x-hasura-user-id")));

    static Rendered compile(Optional<Value> limit, boolean single, Permit permit) {
        Select select = new Select(ORDERS, MINE, List.of(), List.of(), limit, Optional.empty(),
                List.of(new Field.Column("id", "id", "int4"), new Field.Column("total", "total", "numeric")), single, permit);
        return SelectCompiler.compileOne(new DbQuery.Rows(select), SqlOptions.DEFAULT);
    }

    static Optional<Value> literal(int n) {
        return Optional.of(new Value.Literal(Json.NODES.numberNode(n)));
    }

    @Test
    void withoutAPermitTheStatementIsUnchanged() {
        String text = compile(literal(5), false, Permit.NONE).text();
        assertThat(text).endsWith("where (\"_1\".\"user_id\" = ?::\"int4\") limit 5) as \"_0\"").doesNotContain("least");
    }

    @Test
    void theCapIsTheSmallerOfTheQuerysLimitAndThePermissions() {
        Permit cap = new Permit(Optional.of(3), Map.of());
        assertThat(compile(literal(5), false, cap).text()).contains(" limit 3)");
        assertThat(compile(literal(2), false, cap).text()).contains(" limit 2)");
        assertThat(compile(Optional.empty(), false, cap).text()).contains(" limit 3)");
        assertThat(compile(Optional.empty(), true, cap).text()).contains(" limit 1)");
        Rendered variable = compile(Optional.of(new Value.Variable("n")), false, cap);
        assertThat(variable.text()).contains(" limit least(?::\"int8\", 3))");
        assertThat(variable.params()).hasSize(2);
        assertThat(compile(Optional.empty(), true, new Permit(Optional.of(0), Map.of())).text()).contains(" limit 0)");
    }

    @Test
    void aColumnShownOnlyOnSomeRowsIsNullElsewhere() {
        BoolExp paid = new BoolExp.Rooted(new BoolExp.Compare("status", "text", BoolExp.Op.EQ,
                new Value.Literal(Json.NODES.textNode("paid"))));
        String text = compile(Optional.empty(), false, new Permit(Optional.empty(), Map.of("total", paid))).text();
        assertThat(text).contains("\"_1\".\"id\" as \"_2\"")
                .contains("case when (\"_1\".\"status\" = ?::\"text\") then \"_1\".\"total\" else null end as \"_3\"");
    }
}
