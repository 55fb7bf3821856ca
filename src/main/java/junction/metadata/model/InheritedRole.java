package junction.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import junction.json.Json;
import junction.json.Obj;

/**
 * An inherited role ({@code inherited_roles} in metadata): a role whose permissions are the union
 * of those of {@code roleSet}, its parent roles (which may be inherited roles themselves).
 */
public record InheritedRole(String roleName, List<String> roleSet) {
    public InheritedRole {
        roleSet = List.copyOf(roleSet);
    }

    /** {@code {"role_name": …, "role_set": […]}}; failures are {@code parse-failed} at the key. */
    public static InheritedRole read(JsonNode node, String path) {
        Obj role = Obj.of(node, path);
        return new InheritedRole(role.string("role_name"), role.strings("role_set"));
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("role_name", roleName);
        var set = node.putArray("role_set");
        roleSet.forEach(set::add);
        return node;
    }

    /** The inherited roles of a metadata document's {@code inherited_roles} value (null: none). */
    public static List<InheritedRole> readAll(JsonNode list, String path) {
        List<InheritedRole> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw junction.error.ApiException.of(junction.error.Code.PARSE_FAILED,
                    "parsing [InheritedRole] failed, expected Array, but encountered " + Obj.kind(list)).at(path);
        }
        for (int i = 0; i < list.size(); i++) {
            out.add(read(list.get(i), path + "[" + i + "]"));
        }
        return out;
    }
}
