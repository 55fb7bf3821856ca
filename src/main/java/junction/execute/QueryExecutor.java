package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import junction.error.ApiException;
import junction.json.Json;
import junction.plan.ir.RootNode;
import junction.plan.ir.Typename;
import junction.schema.RoleSchema;

/**
 * Answers a query whose response is not one statement's bytes. The requests for remote root fields
 * start on virtual threads; meanwhile the SQL of each source runs on the caller's thread (with no
 * SQL, the last remote request does). Answers are then taken in selection order, and the first
 * failure in that order is the request's answer, as Hasura runs root fields one after the other: an
 * {@link ApiException}, or a remote's own {@code errors} ({@code {"data": null, "errors": …}}).
 * Otherwise every root field's value goes into {@code data} in selection order (remote joins then
 * apply to the database fields' rows only).
 */
final class QueryExecutor {
    private final RemoteForwarder forwarder;

    QueryExecutor(RemoteForwarder forwarder) {
        this.forwarder = forwarder;
    }

    /** @param respond writes the response for the spliced {@code data} (remote joins may still go into it) */
    GraphqlResponse execute(Compiled compiled, Function<String, DataSource> pools, RoleSchema schema, Prepared prepared,
                            ObjectNode variables, RequestContext context, Function<ObjectNode, byte[]> respond) {
        List<Forked<RemoteAnswer>> remotes = fork(compiled.remotes(), variables, context, compiled.queries().isEmpty());
        try {
            Map<String, Forked<JsonNode>> sources = new LinkedHashMap<>();
            compiled.queries().forEach((source, statement) -> sources.put(source,
                    Forked.now(() -> ResponseBytes.parseDatabase(StatementRunner.query(pools.apply(source), statement, new Bindings(variables, context.session()))))));
            Map<String, Forked<RemoteAnswer>> byKey = byRootKey(compiled.remotes(), remotes);
            ObjectNode data = Json.object();
            ObjectNode introspection = null;
            for (RootNode root : compiled.plan().roots()) {
                switch (root) {
                    case Typename t -> data.put(t.key(), t.typeName());
                    case RootNode.Database d -> data.set(d.key(), sources.get(d.source()).join().get(d.key()));
                    case RootNode.Introspection i -> {
                        if (introspection == null) {
                            introspection = introspect(compiled, schema, prepared, variables);
                        }
                        data.set(i.key(), introspection.get(i.key()));
                    }
                    case RootNode.Remote r -> {
                        RemoteAnswer answer = byKey.get(r.key()).join();
                        if (answer.hasErrors()) {
                            return ResponseBytes.remoteErrors(answer.errors());
                        }
                        data.set(r.key(), answer.value(r.key()));
                    }
                }
            }
            List<String> cookies = new ArrayList<>();
            remotes.forEach(remote -> cookies.addAll(remote.join().setCookies()));
            return new GraphqlResponse(respond.apply(data), cookies);
        } finally {
            remotes.forEach(Forked::cancel);
        }
    }

    private List<Forked<RemoteAnswer>> fork(List<RemoteRoot> roots, ObjectNode variables, RequestContext context,
                                            boolean lastHere) {
        List<Forked<RemoteAnswer>> out = new ArrayList<>(roots.size());
        for (int i = 0; i < roots.size(); i++) {
            RemoteRoot root = roots.get(i);
            if (lastHere && i == roots.size() - 1) {
                out.add(Forked.now(() -> forwarder.forward(root, variables, context)));
            } else {
                out.add(Forked.start("remote-" + root.query().remoteSchema(), () -> forwarder.forward(root, variables, context)));
            }
        }
        return out;
    }

    private static Map<String, Forked<RemoteAnswer>> byRootKey(List<RemoteRoot> roots, List<Forked<RemoteAnswer>> answers) {
        Map<String, Forked<RemoteAnswer>> out = new HashMap<>();
        for (int i = 0; i < roots.size(); i++) {
            for (String key : roots.get(i).query().rootKeys()) {
                out.put(key, answers.get(i));
            }
        }
        return out;
    }

    private static ObjectNode introspect(Compiled compiled, RoleSchema schema, Prepared prepared, ObjectNode variables) {
        List<RootNode.Introspection> fields = new ArrayList<>();
        compiled.plan().roots().forEach(r -> {
            if (r instanceof RootNode.Introspection i) {
                fields.add(i);
            }
        });
        return Introspection.run(schema, prepared.document, prepared.operation, fields, variables);
    }
}
