package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import junction.catalog.Column;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.metadata.model.InheritedRole;
import junction.metadata.model.Metadata;
import junction.metadata.model.Permission;
import junction.metadata.model.Source;
import junction.metadata.model.TableEntry;

/**
 * The inherited roles stage, as Hasura builds them: each inherited role whose parents all exist is
 * ordered after its parents, and on every table gets, for each kind of permission, the one defined
 * for it in metadata if any, else the one derived from its parents' — for select the union
 * ({@link #union}), for insert, update and delete the parents' permission if those that have one
 * all have the same (else none, reported as a conflict that blocks nothing).
 */
final class InheritedRoleResolver {
    static final String CONFLICT_TYPE = "inherited role permission inconsistency";

    private final List<InheritedRole> ordered;

    private InheritedRoleResolver(List<InheritedRole> ordered) {
        this.ordered = ordered;
    }

    /**
     * The inherited roles whose parent roles exist, parents first; the others are reported.
     *
     * @throws ApiException {@code cyclic-dependency} when inherited roles form a cycle (Hasura
     *                      refuses such metadata as a whole)
     */
    static InheritedRoleResolver of(Metadata metadata, List<Inconsistency> issues) {
        List<InheritedRole> roles = metadata.inheritedRoles();
        Set<String> known = roles(metadata);
        List<InheritedRole> consistent = new ArrayList<>();
        for (InheritedRole role : roles) {
            List<String> missing = role.roleSet().stream().filter(p -> !known.contains(p)).distinct().toList();
            if (missing.isEmpty()) {
                consistent.add(role);
            } else {
                issues.add(new Inconsistency("inherited_role", "inherited_role inherited role " + role.roleName(),
                        role.toJson(), "Inconsistent object: the following parent role(s) are not found: "
                        + String.join(", ", missing) + " which are required to construct the inherited role: \""
                        + role.roleName() + "\"", Code.NOT_EXISTS, Inconsistency.Location.inheritedRole(role.roleName())));
            }
        }
        return new InheritedRoleResolver(order(consistent));
    }

    /**
     * Every role the metadata knows, as Hasura counts them for inherited roles' parents: those with
     * a table, function, remote schema or action permission (consistent or not), and the inherited
     * roles.
     */
    static Set<String> roles(Metadata metadata) {
        Set<String> out = new TreeSet<>();
        for (Source source : metadata.sources()) {
            for (TableEntry table : source.tables()) {
                for (List<Permission> list : List.of(table.selectPermissions(), table.insertPermissions(),
                        table.updatePermissions(), table.deletePermissions())) {
                    list.forEach(p -> out.add(p.role()));
                }
            }
        }
        metadata.sources().forEach(s -> s.functions().forEach(f -> out.addAll(f.permissions())));
        metadata.remoteSchemas().forEach(r -> r.permissions().forEach(p -> addRole(p, out)));
        JsonNode actions = metadata.other().get("actions");
        if (actions != null && actions.isArray()) {
            actions.forEach(a -> addRoles(a.get("permissions"), out));
        }
        metadata.inheritedRoles().forEach(r -> out.add(r.roleName()));
        return out;
    }

    private static void addRoles(JsonNode permissions, Set<String> out) {
        if (permissions != null && permissions.isArray()) {
            permissions.forEach(p -> addRole(p, out));
        }
    }

    private static void addRole(JsonNode permission, Set<String> out) {
        JsonNode role = permission.get("role");
        if (role != null && role.isTextual()) {
            out.add(role.textValue());
        }
    }

    /** Parents before the roles that inherit from them; Hasura's error when they form a cycle. */
    private static List<InheritedRole> order(List<InheritedRole> roles) {
        Map<String, InheritedRole> byName = new LinkedHashMap<>();
        roles.forEach(r -> byName.put(r.roleName(), r));
        List<InheritedRole> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (InheritedRole role : roles) {
            visit(role, byName, done, new ArrayList<>(), out);
        }
        return out;
    }

    private static void visit(InheritedRole role, Map<String, InheritedRole> byName, Set<String> done,
                              List<String> path, List<InheritedRole> out) {
        if (done.contains(role.roleName())) {
            return;
        }
        int at = path.indexOf(role.roleName());
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(role.roleName());
            throw ApiException.of(Code.CYCLIC_DEPENDENCY, "found cycle(s) in roles: "
                    + cycle.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",", "[", "]")));
        }
        path.add(role.roleName());
        for (String parent : role.roleSet()) {
            InheritedRole inherited = byName.get(parent);
            if (inherited != null) {
                visit(inherited, byName, done, path, out);
            }
        }
        path.removeLast();
        done.add(role.roleName());
        out.add(role);
    }

    /** {@code explicit} (each role's own permissions on the table) with the inherited roles' added. */
    Map<String, TablePermissions> derive(String source, TrackedTable table, Map<String, TablePermissions> explicit,
                                         List<Inconsistency> issues) {
        Map<String, TablePermissions> out = new LinkedHashMap<>(explicit);
        for (InheritedRole role : ordered) {
            List<TablePermissions> parents = role.roleSet().stream()
                    .map(p -> out.getOrDefault(p, TablePermissions.NONE)).toList();
            TablePermissions own = explicit.getOrDefault(role.roleName(), TablePermissions.NONE);
            Conflicts conflicts = new Conflicts(source, table, role.roleName(), issues);
            TablePermissions derived = new TablePermissions(
                    own.select().or(() -> union(table, parents.stream().flatMap(p -> p.select().stream()).toList())),
                    own.insert().or(() -> conflicts.same("insert", parents, TablePermissions::insert)),
                    own.update().or(() -> conflicts.same("update", parents, TablePermissions::update)),
                    own.delete().or(() -> conflicts.same("delete", parents, TablePermissions::delete)));
            if (derived.isEmpty()) {
                out.remove(role.roleName());
            } else {
                out.put(role.roleName(), derived);
            }
        }
        return out;
    }

    /**
     * The select permission of a role that inherits {@code selects} (Hasura's combination): the
     * columns any parent may read; rows any parent may read (OR of the filters); a column that not
     * every parent grants is shown only on rows of the parents that grant it ({@code columnFilters}),
     * and a column a parent itself shows only on some rows keeps that condition (the nested-role
     * propagation Hasura fixed in v2.45.3);
     * the largest limit of those that have one; aggregations if any parent allows them; the union
     * of the root fields and computed fields (a computed field, as a column, shown only on the rows of
     * the parents that grant it: {@code computedFieldFilters}).
     */
    static Optional<SelectPermission> union(TrackedTable table, List<SelectPermission> selects) {
        if (selects.isEmpty()) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        Map<String, Filter> columnFilters = new LinkedHashMap<>();
        for (Column column : table.table().columns()) {
            List<SelectPermission> granting = selects.stream().filter(s -> s.allowsColumn(column.name())).toList();
            if (granting.isEmpty()) {
                continue;
            }
            columns.add(column.name());
            boolean nested = granting.stream().anyMatch(s -> s.columnFilters().containsKey(column.name()));
            if (granting.size() < selects.size() || nested) {
                columnFilters.put(column.name(), or(granting.stream()
                        .map(s -> s.columnFilters().getOrDefault(column.name(), s.filter())).toList()));
            }
        }
        Optional<Integer> limit = selects.stream().flatMap(s -> s.limit().stream()).max(Integer::compare);
        Set<String> queryRoots = new LinkedHashSet<>();
        Set<String> subscriptionRoots = new LinkedHashSet<>();
        Set<String> computed = new LinkedHashSet<>();
        selects.forEach(s -> {
            queryRoots.addAll(s.queryRootFields());
            subscriptionRoots.addAll(s.subscriptionRootFields());
            computed.addAll(s.computedFields());
        });
        Map<String, Filter> computedFilters = new LinkedHashMap<>();
        for (String name : computed) {
            List<SelectPermission> granting = selects.stream().filter(s -> s.computedFields().contains(name)).toList();
            boolean nested = granting.stream().anyMatch(s -> s.computedFieldFilters().containsKey(name));
            if (granting.size() < selects.size() || nested) {
                computedFilters.put(name, or(granting.stream()
                        .map(s -> s.computedFieldFilters().getOrDefault(name, s.filter())).toList()));
            }
        }
        return Optional.of(new SelectPermission(columns, or(selects.stream().map(SelectPermission::filter).toList()),
                limit, selects.stream().anyMatch(SelectPermission::allowAggregations), queryRoots, subscriptionRoots,
                List.copyOf(computed), columnFilters, computedFilters));
    }

    /** OR of the filters: one filter as itself, every row if any of them is every row. */
    private static Filter or(List<Filter> filters) {
        if (filters.stream().anyMatch(Filter::isTrue)) {
            return Filter.TRUE;
        }
        List<Filter> distinct = filters.stream().distinct().toList();
        return distinct.size() == 1 ? distinct.getFirst() : new Filter.Or(distinct);
    }

    /** Reports a mutation permission the parents disagree on. */
    private record Conflicts(String source, TrackedTable table, String role, List<Inconsistency> issues) {
        <T> Optional<T> same(String kind, List<TablePermissions> parents, Function<TablePermissions, Optional<T>> get) {
            List<T> defined = parents.stream().flatMap(p -> get.apply(p).stream()).distinct().toList();
            if (defined.size() <= 1) {
                return defined.stream().findFirst();
            }
            var entity = Json.object();
            entity.put("table", table.name().toString());
            entity.put("source", source);
            entity.put("permission_type", kind);
            issues.add(new Inconsistency(CONFLICT_TYPE, role, entity, "Could not inherit permission for the role '" + role
                    + "' for the entity: '" + kind + " permission, table: " + table.name() + ", source: '" + source + "''",
                    Code.INVALID_CONFIGURATION, Inconsistency.Location.inheritedPermission(role)));
            return Optional.empty();
        }
    }
}
