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
 * A generated matrix: several roles with select permissions drawn at random (fixed seed) over the
 * blog's tables — columns, {@code allow_aggregations}, {@code query_root_fields}, no permission at
 * all — and for each role its introspection (root fields, the tables' object types and their
 * fields, aggregate types) compared with what the permissions imply, worked out here from the
 * metadata the test wrote; then every root field of every table asked for, as each role.
 */
class PermissionMatrixTest {
    static final int ROLES = 8;
    static final long SEED = 17;

    /** A table of the blog: its columns (the primary key is {@code id}). */
    record Table(String name, List<String> columns) {
    }

    /** A relationship of the blog: from a table, its name, array or object, to a table. */
    record Rel(String from, String name, boolean array, String to) {
    }

    /** One role's select permission on one table, as written in the metadata. */
    record Perm(List<String> columns, boolean aggregations, Set<String> rootFields) {
    }

    static final List<Table> TABLES = List.of(
            new Table("orgs", List.of("id", "name")),
            new Table("users", List.of("id", "name", "email", "org_id")),
            new Table("articles", List.of("id", "author_id", "title", "published", "secret")),
            new Table("comments", List.of("id", "article_id", "user_id", "body")));

    static final List<Rel> RELS = List.of(
            new Rel("users", "org", false, "orgs"), new Rel("orgs", "members", true, "users"),
            new Rel("articles", "author", false, "users"), new Rel("users", "articles", true, "articles"),
            new Rel("articles", "comments", true, "comments"), new Rel("comments", "article", false, "articles"),
            new Rel("comments", "user", false, "users"));

    static final List<String> ROOT_KINDS = List.of("select", "select_by_pk", "select_aggregate");

    static EngineFixture f;
    static final Map<String, Map<String, Perm>> PERMS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        f = Blog.start("permission_matrix");
        Random random = new Random(SEED);
        for (int r = 0; r < ROLES; r++) {
            Map<String, Perm> byTable = new LinkedHashMap<>();
            for (Table table : TABLES) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                List<String> columns = new ArrayList<>();
                table.columns().forEach(c -> {
                    if (random.nextInt(5) < 3) {
                        columns.add(c);
                    }
                });
                if (columns.isEmpty()) {
                    columns.add(table.columns().get(random.nextInt(table.columns().size())));
                }
                Set<String> roots = null;
                if (random.nextBoolean()) {
                    roots = new TreeSet<>();
                    for (String kind : ROOT_KINDS) {
                        if (random.nextBoolean()) {
                            roots.add(kind);
                        }
                    }
                }
                byTable.put(table.name(), new Perm(columns, random.nextBoolean(), roots));
            }
            PERMS.put("role" + r, byTable);
        }
        // Two roles written out, for the cases a draw rarely gives: a selectable table no root field or
        // relationship leads to (orgs: no root fields, users not selectable), and no permission at all.
        Map<String, Perm> unreachable = new LinkedHashMap<>();
        unreachable.put("orgs", new Perm(List.of("id", "name"), true, Set.of()));
        unreachable.put("articles", new Perm(List.of("id", "title"), false, null));
        PERMS.put("unreachable", unreachable);
        PERMS.put("nothing", Map.of());
        Map<String, String> metadata = new HashMap<>();
        for (Table table : TABLES) {
            ArrayNode list = Json.array();
            PERMS.forEach((role, byTable) -> {
                Perm p = byTable.get(table.name());
                if (p == null) {
                    return;
                }
                ObjectNode permission = Json.object().put("allow_aggregations", p.aggregations());
                ArrayNode columns = permission.putArray("columns");
                p.columns().forEach(columns::add);
                permission.set("filter", Json.object());
                if (p.rootFields() != null) {
                    ArrayNode roots = permission.putArray("query_root_fields");
                    p.rootFields().forEach(roots::add);
                }
                list.addObject().put("role", role).set("permission", permission);
            });
            metadata.put(table.name(), Json.write(list));
        }
        Blog.selectPermissions(f, metadata);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @org.junit.jupiter.api.Test
    void theDrawnPermissionsCoverEveryCase() {
        List<String> cases = new ArrayList<>();
        PERMS.forEach((role, byTable) -> TABLES.forEach(t -> {
            Perm p = byTable.get(t.name());
            if (p == null) {
                cases.add("no permission");
                return;
            }
            cases.add(p.aggregations() ? "aggregations" : "no aggregations");
            cases.add(p.columns().contains("id") ? "key selectable" : "key hidden");
            cases.add(p.rootFields() == null ? "all root fields" : p.rootFields().isEmpty() ? "no root fields" : "some root fields");
            cases.add(expectedObjectTypes(role).contains(t.name()) ? "reachable" : "selectable but unreachable");
        }));
        assertThat(cases).contains("no permission", "aggregations", "no aggregations", "key selectable", "key hidden",
                "all root fields", "no root fields", "some root fields", "reachable", "selectable but unreachable");
    }

    @TestFactory
    Stream<DynamicTest> eachRolesIntrospectionIsWhatItsPermissionsImply() {
        return PERMS.keySet().stream().map(role -> DynamicTest.dynamicTest(role + " " + PERMS.get(role),
                () -> checkIntrospection(role)));
    }

    @TestFactory
    Stream<DynamicTest> everyRootFieldAnswersOrIsNotFoundAsThePermissionsImply() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String role : PERMS.keySet()) {
            for (Table table : TABLES) {
                for (String kind : ROOT_KINDS) {
                    tests.add(DynamicTest.dynamicTest(role + " " + table.name() + " " + kind,
                            () -> checkRootField(role, table, kind)));
                }
            }
        }
        return tests.stream();
    }

    // What the permissions imply, worked out from PERMS alone.

    static Perm perm(String role, String table) {
        return PERMS.get(role).get(table);
    }

    static boolean aggregatable(String role, String table) {
        Perm p = perm(role, table);
        return p != null && p.aggregations();
    }

    static boolean rootAllowed(String role, String table, String kind) {
        Perm p = perm(role, table);
        if (p == null || p.rootFields() != null && !p.rootFields().contains(kind)) {
            return false;
        }
        return switch (kind) {
            case "select_by_pk" -> p.columns().contains("id");
            case "select_aggregate" -> p.aggregations();
            default -> true;
        };
    }

    static String rootName(String table, String kind) {
        return switch (kind) {
            case "select_by_pk" -> table + "_by_pk";
            case "select_aggregate" -> table + "_aggregate";
            default -> table;
        };
    }

    static Set<String> expectedRoots(String role) {
        Set<String> out = new TreeSet<>();
        for (Table table : TABLES) {
            for (String kind : ROOT_KINDS) {
                if (rootAllowed(role, table.name(), kind)) {
                    out.add(rootName(table.name(), kind));
                }
            }
        }
        return out.isEmpty() ? Set.of("no_queries_available") : out;
    }

    static Set<String> expectedFields(String role, String table) {
        Set<String> out = new TreeSet<>(perm(role, table).columns());
        for (Rel rel : RELS) {
            if (rel.from().equals(table) && perm(role, rel.to()) != null) {
                out.add(rel.name());
                if (rel.array() && aggregatable(role, rel.to())) {
                    out.add(rel.name() + "_aggregate");
                }
            }
        }
        return out;
    }

    /** The object types reachable from the role's root fields, through relationships. */
    static Set<String> expectedObjectTypes(String role) {
        Set<String> reached = new TreeSet<>();
        List<String> todo = new ArrayList<>();
        for (Table table : TABLES) {
            if (ROOT_KINDS.stream().anyMatch(k -> rootAllowed(role, table.name(), k))) {
                todo.add(table.name());
            }
        }
        while (!todo.isEmpty()) {
            String table = todo.removeLast();
            if (!reached.add(table)) {
                continue;
            }
            RELS.stream().filter(r -> r.from().equals(table) && perm(role, r.to()) != null).forEach(r -> todo.add(r.to()));
        }
        return reached;
    }

    /** {@code T_aggregate} exists when a root field or a reachable array relationship aggregates T. */
    static Set<String> expectedAggregateTypes(String role) {
        Set<String> out = new TreeSet<>();
        Set<String> objects = expectedObjectTypes(role);
        for (Table table : TABLES) {
            if (rootAllowed(role, table.name(), "select_aggregate")) {
                out.add(table.name() + "_aggregate");
            }
        }
        for (Rel rel : RELS) {
            if (rel.array() && objects.contains(rel.from()) && aggregatable(role, rel.to())) {
                out.add(rel.to() + "_aggregate");
            }
        }
        return out;
    }

    // What the engine says.

    static void checkIntrospection(String role) {
        JsonNode schema = f.graphql("{ __schema { queryType { fields { name } } types { name fields { name } } } }",
                Map.of("x-hasura-role", role)).json().at("/data/__schema");
        Set<String> roots = new TreeSet<>();
        schema.at("/queryType/fields").forEach(n -> roots.add(n.get("name").asText()));
        assertThat(roots).as("root fields of %s", role).isEqualTo(expectedRoots(role));

        Map<String, Set<String>> types = new HashMap<>();
        for (JsonNode type : schema.get("types")) {
            Set<String> fields = new TreeSet<>();
            if (type.get("fields").isArray()) {
                type.get("fields").forEach(n -> fields.add(n.get("name").asText()));
            }
            types.put(type.get("name").asText(), fields);
        }
        Set<String> objects = expectedObjectTypes(role);
        Set<String> aggregates = expectedAggregateTypes(role);
        for (Table table : TABLES) {
            String name = table.name();
            assertThat(types.containsKey(name)).as("%s sees type %s", role, name).isEqualTo(objects.contains(name));
            if (objects.contains(name)) {
                assertThat(types.get(name)).as("fields of %s for %s", name, role).isEqualTo(expectedFields(role, name));
            }
            assertThat(types.containsKey(name + "_aggregate")).as("%s sees type %s_aggregate", role, name)
                    .isEqualTo(aggregates.contains(name + "_aggregate"));
            assertThat(types.containsKey(name + "_aggregate_fields")).isEqualTo(aggregates.contains(name + "_aggregate"));
        }
    }

    static void checkRootField(String role, Table table, String kind) {
        String field = rootName(table.name(), kind);
        Perm p = perm(role, table.name());
        String columns = p == null ? "__typename" : String.join(" ", p.columns());
        String query = switch (kind) {
            case "select_by_pk" -> "{ " + field + "(id: 1) { " + columns + " } }";
            case "select_aggregate" -> "{ " + field + " { aggregate { count } nodes { " + columns + " } } }";
            default -> "{ " + field + "(limit: 2) { " + columns + " } }";
        };
        JsonNode answer = f.graphql(query, Map.of("x-hasura-role", role)).json();
        if (rootAllowed(role, table.name(), kind)) {
            assertThat(answer.has("errors")).as("%s: %s", query, answer).isFalse();
            assertThat(answer.at("/data").has(field)).isTrue();
        } else {
            assertThat(answer.at("/errors/0/message").asText()).as("%s: %s", query, answer)
                    .isEqualTo("field '" + field + "' not found in type: 'query_root'");
        }
    }
}
