package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import junction.db.SqlErrors;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.resolve.Snapshot;
import junction.metadata.resolve.SourceSnapshot;
import junction.plan.DmlPlanner;
import junction.plan.ir.DbQuery;
import junction.plan.ir.Mutation;
import junction.session.Session;
import junction.sql.MutationCompiler;
import junction.sql.Rendered;
import junction.sql.SelectCompiler;
import junction.sql.SqlOptions;

/**
 * Runs the JSON DML queries of {@code /v1/query} as admin: {@link DmlPlanner} → the GraphQL
 * compilers ({@link SelectCompiler}, {@link MutationCompiler}) → the statement on the request's
 * transaction (the {@code DmlQueries} of {@code /v1/query}, wired by the server). Answers as Hasura: {@code select} the array of rows, {@code count} {@code {"count"}},
 * the mutations {@code {"affected_rows", "returning"?}}.
 */
public final class DmlExecutor {
    private static final Bindings ADMIN = new Bindings(Json.object(), Session.admin());

    private final SqlOptions options;

    public DmlExecutor(SqlOptions options) {
        this.options = options;
    }

    /** Answers {@code type} with {@code args} on {@code connection} (the admin API's transaction). */
    public JsonNode run(String type, Obj args, Snapshot snapshot, Connection connection) {
        String sourceName = args.optString("source").orElse("default");
        SourceSnapshot source = snapshot.source(sourceName).orElseThrow(() -> ApiException.of(Code.NOT_EXISTS,
                "source with name \"" + sourceName + "\" is inconsistent or does not exist").at(args.path()));
        DbQuery query;
        try {
            query = DmlPlanner.plan(type, args, source);
        } catch (ApiException e) {
            throw e.path().equals("$") ? e.at(args.path()) : e;
        }
        if (query instanceof Mutation.Insert insert && insert.rows().isEmpty()) {
            return nothingInserted(insert);
        }
        List<Rendered> statements = query instanceof Mutation m ? MutationCompiler.compile(m, options)
                : List.of(SelectCompiler.compileOne(query, options));
        JsonNode answer = Json.NODES.nullNode();
        for (Rendered statement : statements) {
            try {
                answer = Json.parse(StatementRunner.run(connection, statement, ADMIN));
            } catch (SQLException e) {
                throw SqlErrors.translate(e, statement.numbered(), ParamBinder.describe(statement.params(), ADMIN))
                        .at(args.path());
            }
        }
        return type.equals("count") ? Json.object().set("count", answer.path("aggregate").path("count")) : answer;
    }

    private static JsonNode nothingInserted(Mutation.Insert insert) {
        ObjectNode out = Json.object().put("affected_rows", 0);
        if (insert.output() instanceof Mutation.Response r && r.fields().stream().anyMatch(f -> f instanceof Mutation.Returning)) {
            out.set("returning", Json.array());
        }
        return out;
    }
}
