package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.catalog.TableName;
import junction.error.Code;
import junction.json.Json;

/**
 * A metadata object that does not fit the database or remote schemas, in the shape of
 * {@code get_inconsistent_metadata}: type, name, definition and reason.
 */
public record Inconsistency(String type, String name, JsonNode definition, String reason, Code code, Location at) {

    /**
     * Where the object sits in metadata, so that {@code drop_inconsistent_metadata} can remove it:
     * a source ({@code table} null), a tracked table ({@code object} null), an object of a table,
     * or (no source, no table) the remote schema {@code object}, or the permission of {@code role} on it.
     */
    public record Location(String source, TableName table, String object) {
        private static final String INHERITED_ROLE = "inherited_role:";
        private static final String INHERITED_PERMISSION = "inherited_permission:";
        private static final String REMOTE_SCHEMA_PERMISSION = "remote_schema_permission:";
        private static final String FUNCTION = "function:";
        private static final String REMOTE_SCHEMA_RELATIONSHIP = "remote_schema_relationship:";
        private static final String SEPARATOR = "\u0000";

        public static Location ofSource(String source) {
            return new Location(source, null, null);
        }

        public static Location ofTable(String source, TableName table) {
            return new Location(source, table, null);
        }

        /** A tracked function of a source: dropping the inconsistency untracks it. */
        public static Location ofFunction(String source, junction.catalog.FunctionName function) {
            return new Location(source, null, FUNCTION + function.schema() + SEPARATOR + function.name());
        }

        public boolean isFunction() {
            return source != null && table == null && object != null && object.startsWith(FUNCTION);
        }

        /** The function a {@link #ofFunction} location names. */
        public junction.catalog.FunctionName function() {
            String rest = object.substring(FUNCTION.length());
            int at = rest.indexOf(SEPARATOR);
            return new junction.catalog.FunctionName(rest.substring(0, at), rest.substring(at + 1));
        }

        public static Location remoteSchema(String name) {
            return new Location(null, null, name);
        }

        /** An inherited role ({@code add_inherited_role}): dropping the inconsistency drops the role. */
        public static Location inheritedRole(String name) {
            return new Location(null, null, INHERITED_ROLE + name);
        }

        /**
         * A permission an inherited role could not inherit because its parents' differ: purely
         * informational in Hasura — it blocks no change and nothing can be dropped to clear it.
         */
        public static Location inheritedPermission(String role) {
            return new Location(null, null, INHERITED_PERMISSION + role);
        }

        /** The permission of {@code role} on the remote schema {@code name}. */
        public static Location remoteSchemaPermission(String name, String role) {
            return new Location(null, null, REMOTE_SCHEMA_PERMISSION + name + SEPARATOR + role);
        }

        public boolean isRemoteSchema() {
            return source == null && table == null && !isInheritedRole() && !isInheritedPermission()
                    && !isRemoteSchemaPermission() && !isRemoteSchemaRelationship();
        }

        /** The relationship {@code name} on type {@code type} of the remote schema {@code remote}. */
        public static Location remoteSchemaRelationship(String remote, String type, String name) {
            return new Location(null, null, REMOTE_SCHEMA_RELATIONSHIP + remote + SEPARATOR + type + SEPARATOR + name);
        }

        public boolean isRemoteSchemaRelationship() {
            return source == null && table == null && object != null && object.startsWith(REMOTE_SCHEMA_RELATIONSHIP);
        }

        /** Remote schema, type and name of a {@link #remoteSchemaRelationship} location. */
        public String[] relationshipParts() {
            return object.substring(REMOTE_SCHEMA_RELATIONSHIP.length()).split(SEPARATOR, 3);
        }

        public boolean isRemoteSchemaPermission() {
            return source == null && table == null && object != null && object.startsWith(REMOTE_SCHEMA_PERMISSION);
        }

        /** The remote schema a {@link #remoteSchemaPermission} location names. */
        public String permissionRemoteSchema() {
            return object.substring(REMOTE_SCHEMA_PERMISSION.length(), object.indexOf(SEPARATOR));
        }

        /** The role a {@link #remoteSchemaPermission} location names. */
        public String permissionRole() {
            return object.substring(object.indexOf(SEPARATOR) + 1);
        }

        public boolean isInheritedRole() {
            return source == null && table == null && object != null && object.startsWith(INHERITED_ROLE);
        }

        public boolean isInheritedPermission() {
            return source == null && table == null && object != null && object.startsWith(INHERITED_PERMISSION);
        }

        /** The role an {@link #inheritedRole} or {@link #inheritedPermission} location names. */
        public String role() {
            return object.substring(object.indexOf(':') + 1);
        }

        public boolean isRemoteSchema(String name) {
            return isRemoteSchema() && name.equals(object);
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.set(at.isInheritedPermission() ? "entity" : "definition", definition);
        node.put("name", name);
        node.put("reason", reason);
        node.put("type", type);
        return node;
    }

    /** A table permission ({@code select_permission}, …), located as {@code permission:<kind>:<role>}. */
    public boolean isPermission() {
        return at.object() != null && at.object().startsWith("permission:");
    }

    /** Two reports are of the same object when type and name agree (the reason may change). */
    public boolean sameObject(Inconsistency other) {
        return type.equals(other.type) && name.equals(other.name);
    }

    /**
     * The object as Hasura names it in a dependency error, e.g.
     * {@code relationship article.author in source "default"}.
     */
    public String dependentName() {
        if (at.isFunction()) {
            return "function " + at.function() + " in source \"" + at.source() + "\"";
        }
        if (at.isRemoteSchemaRelationship()) {
            String[] parts = at.relationshipParts();
            return "remote_relationship " + parts[2] + " on type " + parts[1] + " in remote schema " + parts[0];
        }
        if (at.table() == null) {
            return "source " + at.source();
        }
        String inSource = " in source \"" + at.source() + "\"";
        if (at.object() == null) {
            return "table " + at.table() + inSource;
        }
        if (isPermission()) {
            String[] parts = at.object().split(":", 3);
            return "permission " + at.table() + "." + parts[2] + "." + parts[1] + inSource;
        }
        String kind = switch (type) {
            case "remote_relationship" -> "remote relationship ";
            case "computed_field" -> "computed field ";
            default -> "relationship ";
        };
        return kind + at.table() + "." + at.object() + inSource;
    }
}
