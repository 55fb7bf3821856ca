package junction.execute;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.plan.ir.Plan;
import junction.plan.ir.RootNode;
import junction.remote.RemoteQueryBuilder;
import junction.remote.RemoteSchemaState;
import junction.schema.RoleSchema;

/**
 * The requests to send for a plan's remote root fields: its fields grouped per remote schema, in
 * selection order, each group one request (one per namespace field's response key when the remote
 * sits under a namespace), built by {@link RemoteQueryBuilder}.
 */
final class RemoteRootCompiler {
    private static final RemoteQueryBuilder BUILDER = new RemoteQueryBuilder();

    private RemoteRootCompiler() {
    }

    static List<RemoteRoot> compile(RoleSchema schema, Document document, OperationDefinition operation, Plan plan) {
        Map<String, List<Field>> bySchema = new LinkedHashMap<>();
        for (RootNode root : plan.roots()) {
            if (root instanceof RootNode.Remote remote) {
                bySchema.computeIfAbsent(remote.remoteSchema(), s -> new ArrayList<>()).addAll(remote.fields());
            }
        }
        if (bySchema.isEmpty()) {
            return List.of();
        }
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        for (RootNode root : plan.roots()) {
            if (root instanceof RootNode.Remote remote) {
                fragments.putAll(remote.fragments());
            }
        }
        List<RemoteRoot> out = new ArrayList<>();
        bySchema.forEach((name, fields) -> {
            RemoteSchemaState.Ready remote = schema.remote(name).orElseThrow(() ->
                    ApiException.of(Code.UNEXPECTED, "remote schema " + name + " is not in the schema of role " + schema.role()));
            BUILDER.build(name, remote.customized(), operation.getOperation(), fields, fragments,
                    operation.getVariableDefinitions()).forEach(query -> out.add(new RemoteRoot(remote.endpoint(), query)));
        });
        return out;
    }
}
