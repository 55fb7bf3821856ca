package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import junction.json.Json;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A generated matrix for mutations: roles with select, insert, update and delete permissions drawn at
 * random (fixed seed) over two tables — columns, presets, {@code backend_only}, no permission — and for
 * each role, in the frontend and the backend scenario, its introspection (mutation root fields, insert
 * and {@code _set} inputs, {@code on_conflict}'s update columns, {@code returning}) compared with what
 * the permissions imply, worked out here; every mutation root field the role lacks is "not found".
 */
class MutationPermissionMatrixTest {
    static final int ROLES = 8;
    static final long SEED = 23;
    static final Map<String, List<String>> TABLES = Map.of("pa", List.of("id", "a", "b", "c"), "pb", List.of("id", "x", "y"));

    /** A mutation permission as written: columns, preset columns, backend_only. */
    record Write(List<String> columns, List<String> presets, boolean backendOnly) {
        List<String> writable() {
            return columns.stream().filter(c -> !presets.contains(c)).sorted().toList();
        }
    }

    /** One role's permissions on one table (absent: none of that kind). */
    record Perms(Optional<List<String>> select, Optional<Write> insert, Optional<Write> update, Optional<Boolean> delete) {
    }

    static EngineFixture f;
    static final Map<String, Map<String, Perms>> PERMS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        f = EngineFixture.start("mutation_permission_matrix");
        f.runSqlOk("create table pa (id serial primary key, a text, b int, c boolean);"
                + " create table pb (id serial primary key, x text, y int);");
        ArrayNode commands = Json.array();
        TABLES.keySet().stream().sorted().forEach(t -> commands.addObject().put("type", "pg_track_table")
                .putObject("args").put("table", t));
        Random random = new Random(SEED);
        for (int r = 0; r < ROLES; r++) {
            String role = "r" + r;
            Map<String, Perms> byTable = new LinkedHashMap<>();
            for (String table : TABLES.keySet().stream().sorted().toList()) {
                List<String> columns = TABLES.get(table);
                Optional<List<String>> select = random.nextInt(3) == 0 ? Optional.empty() : Optional.of(some(random, columns));
                Optional<Write> insert = random.nextInt(3) == 0 ? Optional.empty() : Optional.of(write(random, columns));
                Optional<Write> update = random.nextInt(3) == 0 ? Optional.empty() : Optional.of(write(random, columns));
                Optional<Boolean> delete = random.nextInt(3) == 0 ? Optional.empty() : Optional.of(random.nextInt(3) == 0);
                byTable.put(table, new Perms(select, insert, update, delete));
                select.ifPresent(cs -> permission(commands, "select", table, role).putObject("filter"));
                select.ifPresent(cs -> ((ObjectNode) commands.get(commands.size() - 1).get("args").get("permission"))
                        .set("columns", strings(cs)));
                insert.ifPresent(w -> write(permission(commands, "insert", table, role), w).putObject("check"));
                update.ifPresent(w -> write(permission(commands, "update", table, role), w).putObject("filter"));
                delete.ifPresent(b -> permission(commands, "delete", table, role).put("backend_only", b).putObject("filter"));
            }
            PERMS.put(role, byTable);
        }
        f.metadataOk(Json.write(Json.object().put("type", "bulk").set("args", commands)));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static List<String> some(Random random, List<String> columns) {
        List<String> out = new ArrayList<>();
        columns.forEach(c -> {
            if (random.nextInt(3) < 2) {
                out.add(c);
            }
        });
        return out.isEmpty() ? List.of(columns.get(1)) : out;
    }

    static Write write(Random random, List<String> columns) {
        List<String> cs = some(random, columns.subList(1, columns.size()));
        List<String> presets = new ArrayList<>();
        columns.subList(1, columns.size()).forEach(c -> {
            if (random.nextInt(4) == 0) {
                presets.add(c);
            }
        });
        return new Write(cs, presets, random.nextInt(4) == 0);
    }

    static ObjectNode permission(ArrayNode commands, String kind, String table, String role) {
        ObjectNode args = commands.addObject().put("type", "pg_create_" + kind + "_permission").putObject("args");
        args.put("table", table).put("role", role);
        return args.putObject("permission");
    }

    static ObjectNode write(ObjectNode permission, Write w) {
        permission.set("columns", strings(w.columns()));
        ObjectNode set = permission.putObject("set");
        w.presets().forEach(c -> set.put(c, "X-Hasura-User-Id"));
        return permission.put("backend_only", w.backendOnly());
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode out = Json.array();
        values.forEach(out::add);
        return out;
    }

    static JsonNode ask(String role, boolean backend, String query) {
        Map<String, String> headers = new HashMap<>(Map.of("x-hasura-role", role, "x-hasura-user-id", "1"));
        if (backend) {
            headers.put("x-hasura-use-backend-only-permissions", "true");
        }
        return f.graphql(query, headers).json();
    }

    static Set<String> names(JsonNode items) {
        Set<String> out = new TreeSet<>();
        if (items != null && items.isArray()) {
            items.forEach(i -> out.add(i.get("name").asText()));
        }
        return out;
    }

    static <T> Optional<T> in(Optional<T> permission, boolean backend, java.util.function.Predicate<T> backendOnly) {
        return permission.filter(p -> backend || !backendOnly.test(p));
    }

    /** The mutation root fields, input fields and enum values the permissions imply. */
    static Map<String, Set<String>> expected(String role, boolean backend) {
        Map<String, Set<String>> out = new TreeMapOfSets();
        Set<String> roots = out.computeIfAbsent("mutation_root", k -> new TreeSet<>());
        PERMS.get(role).forEach((table, p) -> {
            boolean selectable = p.select().isPresent();
            boolean byPk = selectable && p.select().get().contains("id");
            Optional<Write> insert = in(p.insert(), backend, Write::backendOnly).filter(w -> !w.writable().isEmpty());
            Optional<Write> update = in(p.update(), backend, Write::backendOnly);
            Optional<Boolean> delete = in(p.delete(), backend, b -> b);
            insert.ifPresent(w -> {
                roots.add("insert_" + table);
                if (selectable) {
                    roots.add("insert_" + table + "_one");
                }
                out.put(table + "_insert_input", new TreeSet<>(w.writable()));
                out.put(table + "_update_column", new TreeSet<>(update.map(Write::writable).filter(u -> !u.isEmpty())
                        .orElse(List.of("_PLACEHOLDER"))));
            });
            update.ifPresent(w -> {
                roots.add("update_" + table);
                roots.add("update_" + table + "_many");
                if (byPk) {
                    roots.add("update_" + table + "_by_pk");
                }
                if (!w.writable().isEmpty()) {
                    out.put(table + "_set_input", new TreeSet<>(w.writable()));
                }
            });
            delete.ifPresent(b -> {
                roots.add("delete_" + table);
                if (byPk) {
                    roots.add("delete_" + table + "_by_pk");
                }
            });
            if (insert.isPresent() || update.isPresent() || delete.isPresent()) {
                out.put(table + "_mutation_response", new TreeSet<>(selectable ? List.of("affected_rows", "returning")
                        : List.of("affected_rows")));
            }
        });
        return out;
    }

    /** A sorted map of sorted sets, printed readably when an assertion fails. */
    static final class TreeMapOfSets extends java.util.TreeMap<String, Set<String>> {
    }

    static Map<String, Set<String>> actual(String role, boolean backend, Set<String> typeNames) {
        Map<String, Set<String>> out = new TreeMapOfSets();
        JsonNode root = ask(role, backend, "{ __schema { mutationType { fields { name } } } }").at("/data/__schema/mutationType");
        out.put("mutation_root", names(root.isNull() ? null : root.get("fields")));
        for (String type : typeNames) {
            if (type.equals("mutation_root")) {
                continue;
            }
            JsonNode t = ask(role, backend, "{ __type(name: \"" + type + "\") { fields { name } inputFields { name }"
                    + " enumValues { name } } }").at("/data/__type");
            if (t.isNull()) {
                continue;
            }
            Set<String> members = new TreeSet<>(names(t.get("fields")));
            members.addAll(names(t.get("inputFields")));
            members.addAll(names(t.get("enumValues")));
            members.removeAll(Set.of("on_conflict")); // not a column: not part of the comparison
            out.put(type, members);
        }
        return out;
    }

    static Set<String> allTypeNames() {
        Set<String> out = new TreeSet<>(Set.of("mutation_root"));
        for (String table : TABLES.keySet()) {
            for (String suffix : List.of("_insert_input", "_update_column", "_set_input", "_mutation_response")) {
                out.add(table + suffix);
            }
        }
        return out;
    }

    static Set<String> allRootFields() {
        Set<String> out = new TreeSet<>();
        for (String t : TABLES.keySet()) {
            out.addAll(List.of("insert_" + t, "insert_" + t + "_one", "update_" + t, "update_" + t + "_many",
                    "update_" + t + "_by_pk", "delete_" + t, "delete_" + t + "_by_pk"));
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    void theDrawCoversTheCasesThatMatter() {
        List<Map<String, Set<String>>> frontends = PERMS.keySet().stream().map(r -> expected(r, false)).toList();
        assertThat(PERMS.keySet()).anyMatch(r -> !expected(r, false).equals(expected(r, true)));
        assertThat(frontends).anyMatch(e -> e.values().stream().anyMatch(v -> v.contains("_PLACEHOLDER")));
        assertThat(frontends).anyMatch(e -> e.get("mutation_root").contains("insert_pa") && !e.get("mutation_root").contains("insert_pa_one")
                || e.get("mutation_root").contains("insert_pb") && !e.get("mutation_root").contains("insert_pb_one"));
        assertThat(frontends).anyMatch(e -> e.get("mutation_root").isEmpty());
        assertThat(frontends).anyMatch(e -> e.get("mutation_root").stream().anyMatch(n -> n.endsWith("_by_pk")));
    }

    @TestFactory
    Stream<DynamicTest> eachRolesMutationSchemaIsWhatItsPermissionsImply() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String role : PERMS.keySet()) {
            for (boolean backend : List.of(false, true)) {
                String name = role + (backend ? " (backend)" : "") + " " + PERMS.get(role);
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Map<String, Set<String>> expected = expected(role, backend);
                    assertThat(actual(role, backend, allTypeNames())).isEqualTo(expected);
                    for (String field : allRootFields()) {
                        if (expected.get("mutation_root").contains(field)) {
                            continue;
                        }
                        JsonNode error = ask(role, backend, "mutation { " + field + " { __typename } }").at("/errors/0");
                        assertThat(error.at("/extensions/code").asText()).as(field).isEqualTo("validation-failed");
                        assertThat(error.at("/message").asText()).as(field).isIn(
                                "field '" + field + "' not found in type: 'mutation_root'", "no mutations exist");
                    }
                }));
            }
        }
        return tests.stream();
    }
}
