package junction.metadata.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.model.RemoteBatch;
import junction.metadata.model.RemoteFieldStep;
import junction.metadata.model.RemoteJoinDefinition;

/**
 * Reads a remote relationship's definition in either of Hasura's formats. The definition itself is
 * stored as written; this gives the interpreted view.
 */
public final class RemoteRelationshipReader {
    private RemoteRelationshipReader() {
    }

    /** True when the definition joins to a remote schema (not to another database source). */
    public static boolean isToRemoteSchema(JsonNode definition) {
        return definition.has("to_remote_schema") || definition.has("remote_schema");
    }

    public static RemoteJoinDefinition read(JsonNode definition, String path) {
        Obj def = Obj.of(definition, path);
        if (def.has("to_remote_schema")) {
            def.only("to_remote_schema");
            Obj to = def.obj("to_remote_schema").only("remote_schema", "lhs_fields", "remote_field", "batch");
            return new RemoteJoinDefinition(to.string("remote_schema"), fields(to, "lhs_fields"), path(to), batch(to));
        }
        if (def.has("to_source")) {
            throw ApiException.of(Code.NOT_SUPPORTED, "remote relationships to another database source are not supported yet")
                    .at(def.pathOf("to_source"));
        }
        def.only("remote_schema", "hasura_fields", "remote_field", "batch", "name", "source", "table");
        return new RemoteJoinDefinition(def.string("remote_schema"), fields(def, "hasura_fields"), path(def), batch(def));
    }

    private static List<String> fields(Obj holder, String key) {
        holder.required(key);
        List<String> fields = holder.strings(key);
        if (fields.isEmpty()) {
            throw ApiException.of(Code.PARSE_FAILED, "expected a non-empty list of fields").at(holder.pathOf(key));
        }
        return fields;
    }

    /** Junction's {@code batch}: {@code {"field", "argument", "key"?, "item"?}}. */
    private static Optional<RemoteBatch> batch(Obj holder) {
        if (!holder.has("batch")) {
            return Optional.empty();
        }
        Obj batch = holder.obj("batch").only("field", "argument", "key", "item");
        return Optional.of(new RemoteBatch(batch.string("field"), batch.string("argument"), batch.optString("key").orElse(null),
                batch.get("item")));
    }

    private static List<RemoteFieldStep> path(Obj holder) {
        List<RemoteFieldStep> steps = new ArrayList<>();
        Obj field = holder.obj("remote_field");
        while (true) {
            Iterator<Map.Entry<String, JsonNode>> entries = field.node().fields();
            if (!entries.hasNext() || field.node().size() != 1) {
                throw ApiException.of(Code.PARSE_FAILED, "remote_field must be an object with exactly one key: the remote field's name")
                        .at(field.path());
            }
            Map.Entry<String, JsonNode> only = entries.next();
            Obj step = Obj.of(only.getValue(), field.pathOf(only.getKey())).only("arguments", "field");
            Map<String, JsonNode> arguments = step.map("arguments", (n, p) -> n);
            steps.add(new RemoteFieldStep(only.getKey(), arguments));
            if (!step.has("field")) {
                return steps;
            }
            field = step.obj("field");
        }
    }
}
