package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.TableName;
import junction.json.Json;
import junction.metadata.resolve.Filter;
import junction.metadata.resolve.SelectPermission;
import junction.metadata.resolve.TablePermissions;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inherited roles: the commands over HTTP with Hasura's errors, and what the resolver derives for
 * them (read from the engine's snapshot, since the GraphQL side is built elsewhere).
 */
class InheritedRolesTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("inherited-roles");
        f.runSqlOk("create table docs (id int primary key, title text, secret text, owner_id int, published boolean)");
        f.metadataOk("""
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "docs"}},
              {"type": "pg_create_select_permission", "args": {"table": "docs", "role": "reader", "permission": {
                "columns": ["id", "title"], "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}}, "limit": 5,
                "query_root_fields": ["select"]}}},
              {"type": "pg_create_select_permission", "args": {"table": "docs", "role": "editor", "permission": {
                "columns": ["id", "title", "secret"], "filter": {"published": {"_eq": true}}, "allow_aggregations": true}}},
              {"type": "pg_create_select_permission", "args": {"table": "docs", "role": "guest", "permission": {
                "columns": ["id"], "filter": {}}}},
              {"type": "pg_create_insert_permission", "args": {"table": "docs", "role": "reader", "permission": {
                "check": {"owner_id": "X-Hasura-User-Id"}, "columns": ["title"]}}},
              {"type": "pg_create_update_permission", "args": {"table": "docs", "role": "reader", "permission": {
                "columns": ["title"], "filter": {"owner_id": "X-Hasura-User-Id"}}}},
              {"type": "pg_create_update_permission", "args": {"table": "docs", "role": "editor", "permission": {
                "columns": ["title", "secret"], "filter": {}}}}]}""");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @AfterEach
    void dropInheritedRoles() {
        JsonNode roles = f.export().path("inherited_roles");
        for (int i = roles.size() - 1; i >= 0; i--) {
            f.metadataOk("{\"type\": \"drop_inherited_role\", \"args\": {\"role_name\": \"" + roles.get(i).path("role_name").asText() + "\"}}");
        }
    }

    static String add(String name, String... parents) {
        return "{\"type\": \"add_inherited_role\", \"args\": {\"role_name\": \"" + name + "\", \"role_set\": "
                + Json.write(Json.parse(List.of(parents).stream().map(p -> "\"" + p + "\"").toList().toString())) + "}}";
    }

    static TablePermissions permissions(String role) {
        return f.engine.metadata().snapshot().source("default").orElseThrow().tables().get(TableName.of("docs"))
                .permissions(role);
    }

    static Filter filterOf(String role) {
        return permissions(role).select().orElseThrow().filter();
    }

    @Test
    void selectIsTheUnionOfTheParents() {
        f.metadataOk(add("staff", "reader", "editor"));

        SelectPermission staff = permissions("staff").select().orElseThrow();
        assertThat(staff.columns()).containsExactly("id", "title", "secret");
        assertThat(staff.filter()).isEqualTo(new Filter.Or(List.of(filterOf("reader"), filterOf("editor"))));
        // secret comes from editor only: shown only on the rows editor sees; id and title every parent grants
        assertThat(staff.columnFilters()).isEqualTo(Map.of("secret", filterOf("editor")));
        // Hasura takes the largest of the limits that are set (Maybe's Max semigroup)
        assertThat(staff.limit()).isEqualTo(Optional.of(5));
        assertThat(staff.allowAggregations()).isTrue();
        assertThat(staff.queryRootFields()).isEqualTo(SelectPermission.ROOT_FIELDS);
    }

    @Test
    void nestedInheritedRolesInheritTheDerivedPermission() {
        f.metadataOk(add("staff", "reader", "editor"));
        f.metadataOk(add("boss", "staff", "guest"));

        SelectPermission boss = permissions("boss").select().orElseThrow();
        assertThat(boss.columns()).containsExactly("id", "title", "secret");
        assertThat(boss.filter()).isEqualTo(Filter.TRUE);
        // title: only staff grants it; secret: staff shows it only on editor's rows, and so does boss
        assertThat(boss.columnFilters()).isEqualTo(Map.of("title", filterOf("staff"), "secret", filterOf("editor")));
        assertThat(boss.limit()).isEqualTo(Optional.of(5));
        assertThat(f.engine.metadata().snapshot().roles()).containsExactly("boss", "editor", "guest", "reader", "staff");
    }

    @Test
    void mutationsAreInheritedWhenTheParentsThatHaveOneAgree() {
        f.metadataOk(add("staff", "reader", "editor"));
        assertThat(permissions("staff").insert()).isEqualTo(permissions("reader").insert());
        assertThat(permissions("staff").insert()).isPresent();
        assertThat(permissions("staff").delete()).isEmpty();
        // reader and editor differ on update: none, reported as Hasura does, and the change is not refused
        assertThat(permissions("staff").update()).isEmpty();
        JsonNode issues = f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
        assertThat(issues.path("is_consistent").asBoolean()).isFalse();
        assertThat(issues.path("inconsistent_objects")).contains(Json.parse("""
            {"name": "staff", "type": "inherited role permission inconsistency",
             "entity": {"table": "docs", "source": "default", "permission_type": "update"},
             "reason": "Could not inherit permission for the role 'staff' for the entity: 'update permission, table: docs, source: 'default''"}"""));
    }

    @Test
    void aPermissionDefinedForTheInheritedRoleOverridesTheDerivedOne() {
        f.metadataOk(add("staff", "reader", "editor"));
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "docs", "role": "staff", "permission": {
              "columns": ["title"], "filter": {}}}}""");
        f.metadataOk("""
            {"type": "pg_create_update_permission", "args": {"table": "docs", "role": "staff", "permission": {
              "columns": ["title"], "filter": {}}}}""");
        try {
            assertThat(permissions("staff").select().orElseThrow().columns()).containsExactly("title");
            assertThat(permissions("staff").select().orElseThrow().columnFilters()).isEmpty();
            assertThat(permissions("staff").update().orElseThrow().columns()).containsExactly("title");
            assertThat(f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent")
                    .asBoolean()).isTrue();
        } finally {
            f.metadataOk("{\"type\": \"pg_drop_select_permission\", \"args\": {\"table\": \"docs\", \"role\": \"staff\"}}");
            f.metadataOk("{\"type\": \"pg_drop_update_permission\", \"args\": {\"table\": \"docs\", \"role\": \"staff\"}}");
        }
    }

    @Test
    void inheritedRolesAreExportedReplacedAndReAddedInPlace() {
        f.metadataOk(add("staff", "reader"));
        f.metadataOk(add("viewer", "guest"));
        f.metadataOk(add("staff", "reader", "guest"));
        JsonNode exported = f.export();
        assertThat(exported.path("inherited_roles")).isEqualTo(Json.parse("""
            [{"role_name": "staff", "role_set": ["reader", "guest"]}, {"role_name": "viewer", "role_set": ["guest"]}]"""));
        f.metadataOk(add("staff", "guest"));
        f.metadataOk(Json.write(Json.object().put("type", "replace_metadata").set("args", exported)));
        assertThat(f.export()).isEqualTo(exported);
        assertThat(permissions("staff").select().orElseThrow().columns()).containsExactly("id", "title");
    }

    @Test
    void aDocumentWhoseInheritedRoleCannotInheritAMutationIsRefusedUnlessAllowed() {
        JsonNode document = f.export();
        ((com.fasterxml.jackson.databind.node.ObjectNode) document).set("inherited_roles", Json.parse("""
            [{"role_name": "staff", "role_set": ["reader", "editor"]}]"""));
        f.refused(Json.write(Json.object().put("type", "replace_metadata").set("args", document)))
                .expect(400, "unexpected", "$.args", "cannot continue due to inconsistent metadata");
    }

    @Test
    void hasurasRefusals() {
        f.refused(add("staff", "reader", "staff"))
                .expect(400, "invalid-params", "$.args", "an inherited role name cannot be in the role combination");
        var error = f.refused(add("staff", "reader", "ghost", "phantom")).expect(400, "invalid-configuration", "$.args",
                "Inconsistent object: the following parent role(s) are not found: ghost, phantom which are required to "
                        + "construct the inherited role: \"staff\"");
        assertThat(error.internal().get(0)).isEqualTo(Json.parse("""
            {"definition": {"role_name": "staff", "role_set": ["reader", "ghost", "phantom"]},
             "name": "inherited_role inherited role staff", "type": "inherited_role",
             "reason": "Inconsistent object: the following parent role(s) are not found: ghost, phantom which are required to construct the inherited role: \\"staff\\""}"""));
        f.refused("{\"type\": \"drop_inherited_role\", \"args\": {\"role_name\": \"nope\"}}")
                .expect(400, "not-exists", "$.args", "\"nope\" inherited role doesn't exist");

        f.metadataOk(add("a", "reader"));
        f.metadataOk(add("b", "a"));
        f.refused(add("a", "b")).expect(400, "cyclic-dependency", "$.args", "found cycle(s) in roles: [\"a\",\"b\",\"a\"]");
        f.refused("{\"type\": \"drop_inherited_role\", \"args\": {\"role_name\": \"a\"}}")
                .expect(400, "unexpected", "$.args", "cannot continue due to new inconsistent metadata");
    }

    @Test
    void anInheritedRoleWithAMissingParentIsListedAndDroppedAsInconsistent() {
        JsonNode document = f.export();
        ((com.fasterxml.jackson.databind.node.ObjectNode) document).set("inherited_roles", Json.parse("""
            [{"role_name": "orphan", "role_set": ["ghost"]}, {"role_name": "staff", "role_set": ["reader"]}]"""));
        f.metadataOk(Json.write(Json.object().put("type", "replace_metadata").set("args", Json.object()
                .put("allow_inconsistent_metadata", true).set("metadata", document))));
        JsonNode issues = f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
        assertThat(issues.at("/inconsistent_objects/0/type").asText()).isEqualTo("inherited_role");
        assertThat(issues.at("/inconsistent_objects/0/name").asText()).isEqualTo("inherited_role inherited role orphan");
        f.metadataOk("{\"type\": \"drop_inconsistent_metadata\", \"args\": {}}");
        assertThat(f.export().path("inherited_roles")).isEqualTo(Json.parse("""
            [{"role_name": "staff", "role_set": ["reader"]}]"""));
    }
}
