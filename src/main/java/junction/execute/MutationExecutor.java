package junction.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.plan.ir.RootNode;
import junction.plan.ir.Typename;
import junction.sql.Rendered;

/**
 * Runs a mutation: all database mutation root fields in one transaction (their answers spliced as
 * Postgres wrote them), and each remote schema's mutation root fields forwarded in one request.
 * Mutations run one after the other, in the order their first root field is selected; the first
 * failure stops the rest and is the answer (what ran before it stays done).
 */
final class MutationExecutor {
    private static final byte[] COMMA = {','};

    private final RemoteForwarder forwarder;

    MutationExecutor(RemoteForwarder forwarder) {
        this.forwarder = forwarder;
    }

    /** @param joinAnswers joins the relationships of remote types into a remote's answer ({@code data} by root key) */
    GraphqlResponse execute(Compiled compiled, Function<String, DataSource> pools, ObjectNode variables,
                            RequestContext context, java.util.function.Consumer<ObjectNode> joinAnswers) {
        Map<String, RemoteRoot> remoteByKey = new HashMap<>();
        compiled.remotes().forEach(r -> r.query().rootKeys().forEach(k -> remoteByKey.put(k, r)));
        Map<RemoteRoot, RemoteAnswer> answers = new HashMap<>();
        List<byte[]> database = null;
        List<String> cookies = new ArrayList<>();
        for (RootNode root : compiled.plan().roots()) {
            if (root instanceof RootNode.Database && database == null) {
                database = transaction(compiled, pools, new Bindings(variables, context.session()));
            } else if (root instanceof RootNode.Remote r && !answers.containsKey(remoteByKey.get(r.key()))) {
                RemoteAnswer answer = forwarder.forward(remoteByKey.get(r.key()), variables, context);
                if (answer.hasErrors()) {
                    return ResponseBytes.remoteErrors(answer.errors());
                }
                if (answer.data() != null) {
                    joinAnswers.accept(answer.data());
                }
                answers.put(remoteByKey.get(r.key()), answer);
                cookies.addAll(answer.setCookies());
            }
        }
        return new GraphqlResponse(write(compiled, database, remoteByKey, answers), cookies);
    }

    private static List<byte[]> transaction(Compiled compiled, Function<String, DataSource> pools, Bindings variables) {
        List<Rendered> statements = new ArrayList<>();
        List<java.util.Optional<String>> checks = new ArrayList<>();
        compiled.mutations().forEach(m -> {
            statements.addAll(m.statements());
            checks.addAll(m.checks());
        });
        String source = compiled.mutations().getFirst().root().source();
        return StatementRunner.transaction(pools.apply(source), statements, checks, variables);
    }

    /** {@code {"data": {…}}} in selection order, database answers as bytes from Postgres. */
    private static byte[] write(Compiled compiled, List<byte[]> database, Map<String, RemoteRoot> remoteByKey,
                                Map<RemoteRoot, RemoteAnswer> answers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ResponseBytes.DATA_OPEN);
        out.write('{');
        int next = 0;
        int mutation = 0;
        boolean first = true;
        for (RootNode root : compiled.plan().roots()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.writeBytes(Json.bytes(Json.NODES.textNode(root.key())));
            out.write(':');
            switch (root) {
                case Typename t -> out.writeBytes(Json.bytes(Json.NODES.textNode(t.typeName())));
                case RootNode.Remote r -> out.writeBytes(Json.bytes(answers.get(remoteByKey.get(r.key())).value(r.key())));
                case RootNode.Database d -> {
                    Compiled.Mutation m = compiled.mutations().get(mutation++);
                    if (m.many()) {
                        out.write('[');
                        for (int i = 0; i < m.statements().size(); i++) {
                            out.writeBytes(i > 0 ? COMMA : new byte[0]);
                            out.writeBytes(database.get(next++));
                        }
                        out.write(']');
                    } else {
                        out.writeBytes(database.get(next++));
                    }
                }
                case RootNode.Introspection i -> throw ApiException.of(Code.UNEXPECTED,
                        "introspection is not a mutation root field").at("$.selectionSet." + i.key());
            }
        }
        out.write('}');
        out.write('}');
        return out.toByteArray();
    }
}
