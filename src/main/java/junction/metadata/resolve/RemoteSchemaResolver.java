package junction.metadata.resolve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.OperationDefinition.Operation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.metadata.model.RemoteSchema;
import junction.remote.CustomizedSchema;
import junction.remote.RemoteSchemaState;

/**
 * The remote schemas stage: each remote schema of the metadata must have loaded, and its root
 * fields must not collide with another remote schema's (Hasura: {@code unexpected}, "Duplicate
 * remote field 'x'") or with a tracked table's ({@code remote-schema-conflicts}, "Field cannot be
 * overwritten by remote field 'x'"). Remote schemas are checked in metadata order; the later one
 * of a colliding pair is the inconsistent one.
 */
final class RemoteSchemaResolver {
    private RemoteSchemaResolver() {
    }

    /** The states of the metadata's remote schemas (as given), adding the inconsistent ones to {@code issues}. */
    static Map<String, RemoteSchemaState> resolve(List<RemoteSchema> remotes, Map<String, RemoteSchemaState> states,
                                                  TableRootFields tables, List<Inconsistency> issues) {
        Map<String, RemoteSchemaState> out = new LinkedHashMap<>();
        Set<String> query = new HashSet<>();
        Set<String> mutation = new HashSet<>();
        Map<String, String> types = new HashMap<>();
        for (RemoteSchema remote : remotes) {
            RemoteSchemaState state = states.get(remote.name());
            if (state == null || !state.loadedFrom(remote.definition())) {
                issues.add(issue(remote, ApiException.of(Code.REMOTE_SCHEMA_ERROR, "remote schema \"" + remote.name()
                        + "\" has not been loaded")));
                continue;
            }
            out.put(remote.name(), state);
            Map<String, String> shapes = state.ready().map(r -> r.customized().shapes()).orElse(Map.of());
            Optional<ApiException> problem = state.failure().or(() -> collision(state.ready().orElseThrow(), query,
                    mutation, tables)).or(() -> typeClash(shapes, types));
            if (problem.isPresent()) {
                issues.add(issue(remote, problem.get()));
                continue;
            }
            var customized = state.ready().orElseThrow().customized();
            query.addAll(customized.rootFieldNames(Operation.QUERY));
            mutation.addAll(customized.rootFieldNames(Operation.MUTATION));
            shapes.forEach(types::putIfAbsent);
        }
        return out;
    }

    /**
     * Two remote schemas may bring types of the same name only with the same shape (fields,
     * arguments, types); otherwise one needs a type name prefix.
     */
    private static Optional<ApiException> typeClash(Map<String, String> shapes, Map<String, String> taken) {
        List<String> clashes = CustomizedSchema.mismatches(shapes, taken);
        if (clashes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ApiException.of(Code.REMOTE_SCHEMA_CONFLICTS, "types: [ " + String.join(", ", clashes)
                + " ] have mismatch with current graphql schema. HINT: Types must be same."));
    }

    private static Optional<ApiException> collision(RemoteSchemaState.Ready ready, Set<String> query, Set<String> mutation,
                                                    TableRootFields tables) {
        List<String> queryNew = ready.customized().rootFieldNames(Operation.QUERY);
        List<String> mutationNew = ready.customized().rootFieldNames(Operation.MUTATION);
        return clash(queryNew, query, Code.UNEXPECTED, "Duplicate remote field ")
                .or(() -> clash(queryNew, tables.query(), Code.REMOTE_SCHEMA_CONFLICTS, "Field cannot be overwritten by remote field "))
                .or(() -> clash(mutationNew, mutation, Code.UNEXPECTED, "Duplicate remote field "))
                .or(() -> clash(mutationNew, tables.mutation(), Code.REMOTE_SCHEMA_CONFLICTS,
                        "Field cannot be overwritten by remote field "));
    }

    private static Optional<ApiException> clash(List<String> names, Set<String> taken, Code code, String message) {
        return names.stream().filter(taken::contains).findFirst()
                .map(name -> ApiException.of(code, message + "'" + name + "'"));
    }

    private static Inconsistency issue(RemoteSchema remote, ApiException problem) {
        ObjectNode definition = Json.object();
        definition.put("name", remote.name());
        definition.set("definition", remote.definition());
        if (remote.comment() != null) {
            definition.put("comment", remote.comment());
        }
        return new Inconsistency("remote_schema", "remote_schema " + remote.name(), definition,
                "Inconsistent object: " + problem.getMessage(), problem.code(),
                Inconsistency.Location.remoteSchema(remote.name()));
    }
}
