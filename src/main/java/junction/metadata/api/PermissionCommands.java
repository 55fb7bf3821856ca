package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.model.Permission;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.Inconsistency;
import junction.metadata.resolve.TablePermissions;

/**
 * Table permissions: {@code pg_create_<kind>_permission}, {@code pg_drop_<kind>_permission} and
 * {@code pg_set_permission_comment}, with Hasura's errors. What a permission says is checked by
 * the resolver: one that does not fit the table is refused with its inconsistency.
 */
final class PermissionCommands {
    static final List<String> KINDS = List.of("select", "insert", "update", "delete");
    private static final List<String> QUERY_ROOT_FIELDS = List.of("select", "select_by_pk", "select_aggregate");
    private static final List<String> SUBSCRIPTION_ROOT_FIELDS = List.of("select", "select_by_pk", "select_aggregate",
            "select_stream");

    /** The keys Hasura's decoding of each kind of permission requires. */
    private static final Map<String, List<String>> REQUIRED = Map.of("select", List.of("columns", "filter"),
            "insert", List.of("check"), "update", List.of("columns", "filter"), "delete", List.of("filter"));

    private PermissionCommands() {
    }

    static void register(Map<String, Command> commands) {
        for (String kind : KINDS) {
            commands.put("pg_create_" + kind + "_permission", (c, a) -> create(c, a, kind));
            commands.put("pg_drop_" + kind + "_permission", (c, a) -> drop(c, a, kind));
        }
        commands.put("pg_set_permission_comment", PermissionCommands::comment);
    }

    /**
     * Hasura refuses a permission the metadata already has for the role, and any for {@code admin}
     * (which has every permission implicitly), with the same {@code already-exists} error.
     */
    static Outcome create(CommandContext context, Obj args, String kind) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String role = role(args);
        Obj permission = args.obj("permission");
        REQUIRED.get(kind).forEach(permission::required);
        if (kind.equals("select")) {
            checkSelectShape(permission);
        }
        if (role.equals(TablePermissions.ADMIN) || find(entry, kind, role) != null) {
            throw ApiException.of(Code.ALREADY_EXISTS, kind + " permission already defined on table \"" + entry.table()
                    + "\" with role \"" + role + "\"");
        }
        Permission created = new Permission(role, permission.node(), args.optString("comment").orElse(null));
        List<Permission> list = new ArrayList<>(of(entry, kind));
        list.add(created);
        String source = Lookup.sourceName(args);
        return Outcome.success(context.metadata().updateSource(source,
                s -> s.updateTable(entry.table(), t -> with(t, kind, list))), location(source, entry, kind, role));
    }

    /** What Hasura's JSON decoding of a select permission refuses before any check against the table. */
    private static void checkSelectShape(Obj permission) {
        JsonNode limit = permission.get("limit");
        if (limit != null && !limit.isNull() && !limit.canConvertToInt()) {
            throw ApiException.of(Code.PARSE_FAILED, "parsing Int failed, expected Number, but encountered "
                    + Obj.kind(limit)).at(permission.pathOf("limit"));
        }
        rootFields(permission, "query_root_fields", "QueryRootFieldType", QUERY_ROOT_FIELDS);
        rootFields(permission, "subscription_root_fields", "SubscriptionRootFieldType", SUBSCRIPTION_ROOT_FIELDS);
    }

    /** Aeson's error for a tag its enumeration does not have. */
    private static void rootFields(Obj permission, String key, String type, List<String> allowed) {
        JsonNode fields = permission.get(key);
        if (fields == null || !fields.isArray()) {
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).asText();
            if (!allowed.contains(name)) {
                String tags = allowed.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",", "[", "]"));
                throw ApiException.of(Code.PARSE_FAILED, "parsing Hasura.RQL.Types.Permission." + type
                        + " failed, expected one of the tags " + tags + ", but found tag \"" + name + "\"")
                        .at(permission.pathOf(key) + "[" + i + "]");
            }
        }
    }

    /** A role name: any non-empty text (Hasura's {@code NonEmptyText}). */
    static String role(Obj args) {
        return nonEmpty(args, "role");
    }

    static String nonEmpty(Obj args, String key) {
        String name = args.string(key);
        if (name.isEmpty()) {
            throw ApiException.of(Code.PARSE_FAILED, "empty string not allowed").at(args.pathOf(key));
        }
        return name;
    }

    static Outcome drop(CommandContext context, Obj args, String kind) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String role = role(args);
        if (find(entry, kind, role) == null) {
            throw ApiException.of(Code.BAD_REQUEST, kind + " permission on \"" + entry.table() + "\" for role \"" + role
                    + "\" does not exist");
        }
        return Outcome.success(context.metadata().updateSource(Lookup.sourceName(args),
                s -> s.updateTable(entry.table(), t -> t.withoutPermission(kind, role))));
    }

    /** {@code {table, role, type, comment}}: a missing or empty comment removes it. */
    static Outcome comment(CommandContext context, Obj args) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String role = role(args);
        String kind = args.string("type");
        if (!KINDS.contains(kind)) {
            throw ApiException.of(Code.PARSE_FAILED, "perm_type should be one of 'insert', 'select', 'update', 'delete'")
                    .at(args.pathOf("type"));
        }
        Permission existing = find(entry, kind, role);
        if (existing == null) {
            throw ApiException.of(Code.PERMISSION_DENIED, "'" + kind + "' permission on \"" + entry.table()
                    + "\" for role \"" + role + "\" does not exist");
        }
        String comment = args.optString("comment").orElse(null);
        List<Permission> list = of(entry, kind).stream()
                .map(p -> p.role().equals(role) ? new Permission(role, p.permission(), comment) : p).toList();
        String source = Lookup.sourceName(args);
        return Outcome.success(context.metadata().updateSource(source,
                s -> s.updateTable(entry.table(), t -> with(t, kind, list))), location(source, entry, kind, role));
    }

    private static Inconsistency.Location location(String source, TableEntry entry, String kind, String role) {
        return new Inconsistency.Location(source, entry.table(), "permission:" + kind + ":" + role);
    }

    private static Permission find(TableEntry entry, String kind, String role) {
        return of(entry, kind).stream().filter(p -> p.role().equals(role)).findFirst().orElse(null);
    }

    static List<Permission> of(TableEntry entry, String kind) {
        return switch (kind) {
            case "select" -> entry.selectPermissions();
            case "insert" -> entry.insertPermissions();
            case "update" -> entry.updatePermissions();
            default -> entry.deletePermissions();
        };
    }

    private static TableEntry with(TableEntry entry, String kind, List<Permission> list) {
        return entry.withPermissions(kind.equals("select") ? list : entry.selectPermissions(),
                kind.equals("insert") ? list : entry.insertPermissions(),
                kind.equals("update") ? list : entry.updatePermissions(),
                kind.equals("delete") ? list : entry.deletePermissions());
    }
}
