package junction.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.TableName;
import junction.json.Json;
import junction.plan.ir.BoolExp;
import junction.plan.ir.Field;
import junction.plan.ir.Mutation;
import junction.plan.ir.Value;
import org.junit.jupiter.api.Test;

/**
 * The SQL of a checked insert and update: the check is a column of the changed rows
 * ({@code check__constraint}, against the new row; for an upserted row the update check) and one
 * {@code bool_and} over them is the statement's second column — the whole verification is in the one
 * statement. Unchecked mutations (admin) keep their one-column shape.
 */
class MutationCheckSqlTest {
    static final TableName ARTICLES = new TableName("public", "articles");
    static final BoolExp OWN = new BoolExp.Rooted(new BoolExp.Compare("author_id", "int4", BoolExp.Op.EQ,
            new Value.SessionVariable("x-hasura-user-id")));
    static final BoolExp UNPUBLISHED = new BoolExp.Rooted(new BoolExp.Compare("published", "bool", BoolExp.Op.EQ,
            new Value.Literal(Json.NODES.booleanNode(false))));

    static Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("id", "int4");
        types.put("title", "text");
        types.put("author_id", "int4");
        types.put("published", "bool");
        return types;
    }

    static Mutation.Insert insert(BoolExp check, Optional<Mutation.OnConflict> conflict) {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("title", new Value.Variable("t"));
        values.put("author_id", new Value.SessionVariable("x-hasura-user-id"));
        return new Mutation.Insert(ARTICLES, types(), List.of(new Mutation.InsertRow(values, List.of(), List.of())),
                conflict, new Mutation.Response(List.of(new Mutation.AffectedRows("affected_rows"))), check);
    }

    static String sql(Mutation mutation) {
        return MutationCompiler.compile(mutation, SqlOptions.DEFAULT).getFirst().text();
    }

    @Test
    void aCheckedInsertReturnsEachRowsCheckAndTheirConjunction() {
        String sql = sql(insert(UNPUBLISHED, Optional.empty()));
        assertThat(sql).isEqualTo("with \"_m\" as (insert into \"public\".\"articles\" as \"_0\" (\"title\", \"author_id\")"
                + " values (?::\"text\", ?::\"int4\") returning *, coalesce(((\"_0\".\"published\" = ?::\"bool\")), false)"
                + " as \"check__constraint\") select json_build_object('affected_rows', (select count(*) from \"_m\")),"
                + " (coalesce((select bool_and(\"check__constraint\") from \"_m\"), true))");
        assertThat(MutationCompiler.checked(insert(UNPUBLISHED, Optional.empty()))).isTrue();
    }

    @Test
    void anUpsertChecksInsertedRowsWithTheInsertCheckAndUpdatedOnesWithTheUpdateCheck() {
        Mutation.OnConflict conflict = new Mutation.OnConflict("articles_title_key", List.of("title"), OWN,
                Map.of("published", new Value.Literal(Json.NODES.booleanNode(false))), OWN);
        String sql = sql(insert(UNPUBLISHED, Optional.of(conflict)));
        assertThat(sql).contains(" on conflict on constraint \"articles_title_key\" do update set \"title\" = excluded.\"title\","
                + " \"published\" = ?::\"bool\" where (\"_0\".\"author_id\" = ?::\"int4\") returning *, coalesce((case when"
                + " \"_0\".\"xmax\" = 0 then ((\"_0\".\"published\" = ?::\"bool\")) else ((\"_0\".\"author_id\" = ?::\"int4\"))"
                + " end), false) as \"check__constraint\")");
    }

    @Test
    void aCheckedUpdateVerifiesTheNewRows() {
        Mutation.Update update = new Mutation.Update(ARTICLES, OWN, List.of(new Mutation.Assignment("title", "text", "_set",
                new Value.Variable("t"))), new Mutation.Row(List.of(new Field.Column("id", "id", "int4")), OWN,
                junction.plan.ir.Permit.NONE), UNPUBLISHED);
        String sql = sql(update);
        assertThat(sql).startsWith("with \"_m\" as (update \"public\".\"articles\" as \"_0\" set \"title\" = ?::\"text\""
                + " where (\"_0\".\"author_id\" = ?::\"int4\") returning *, coalesce(((\"_0\".\"published\" = ?::\"bool\")),"
                + " false) as \"check__constraint\") select ");
        assertThat(sql).endsWith(", (coalesce((select bool_and(\"check__constraint\") from \"_m\"), true))");
        // the returned row is one the role may select
        assertThat(sql).contains("from \"_m\" as \"_2\" where (\"_2\".\"author_id\" = ?::\"int4\") limit 1");
    }

    @Test
    void eachUpdateOfUpdateManyAnswersItsOwnCheckOnlyWhenItChangesSomething() {
        Mutation.Update nothing = new Mutation.Update(ARTICLES, OWN, List.of(), new Mutation.Response(List.of()), UNPUBLISHED);
        Mutation.Update title = new Mutation.Update(ARTICLES, OWN, List.of(new Mutation.Assignment("title", "text", "_set",
                new Value.Variable("t"))), new Mutation.Response(List.of()), UNPUBLISHED);
        Mutation.UpdateMany many = new Mutation.UpdateMany("u", List.of(nothing, title));
        assertThat(MutationCompiler.checkedStatements(many)).containsExactly(false, true);
        List<Rendered> statements = MutationCompiler.compile(many, SqlOptions.DEFAULT);
        assertThat(statements.get(0).text()).doesNotContain("check__constraint");
        assertThat(statements.get(1).text()).contains("bool_and(\"check__constraint\")");
    }

    @Test
    void anInsertOfNoRowsWritesNothingAndChecksNothing() {
        Mutation.Insert none = new Mutation.Insert(ARTICLES, types(), List.of(), Optional.empty(),
                new Mutation.Response(List.of(new Mutation.AffectedRows("affected_rows"))), UNPUBLISHED);
        assertThat(MutationCompiler.checked(none)).isFalse();
        assertThat(sql(none)).isEqualTo("with \"_m\" as (select * from \"public\".\"articles\" as \"_0\" where false)"
                + " select json_build_object('affected_rows', (select count(*) from \"_m\"))");
    }

    @Test
    void uncheckedMutationsAnswerOneColumn() {
        String sql = sql(insert(BoolExp.TRUE, Optional.empty()));
        assertThat(sql).doesNotContain("check__constraint");
        assertThat(MutationCompiler.checked(insert(BoolExp.TRUE, Optional.empty()))).isFalse();
    }
}
