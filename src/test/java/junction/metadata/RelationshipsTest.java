package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Object and array relationships in every form Hasura accepts, and their errors, over HTTP. */
class RelationshipsTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("relationships");
        f.runSqlOk("""
            create table authors (id int primary key, name text);
            create table articles (id int primary key, title text, author_id int references authors(id));
            create table profiles (author_id int primary key references authors(id), bio text);
            create table pairs (a int, b int, note text, primary key (a, b));
            create table pair_refs (id int primary key, pa int, pb int, foreign key (pa, pb) references pairs(a, b));
            create table loose (id int primary key, author_ref int);
            create table untracked (id int primary key);
            """);
        f.metadataOk("""
            {"type": "pg_track_tables", "args": {"tables": [{"table": "authors"}, {"table": "articles"},
              {"table": "profiles"}, {"table": "pairs"}, {"table": "pair_refs"}, {"table": "loose"}]}}""");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static String create(String kind, String table, String name, String using) {
        return """
            {"type": "pg_create_%s_relationship", "args": {"source": "default", "table": "%s", "name": "%s", "using": %s}}
            """.formatted(kind, table, name, using);
    }

    /** The exported relationship of that name on that table. */
    static JsonNode relationship(String table, String name) {
        for (JsonNode t : f.export().at("/sources/0/tables")) {
            if (!t.at("/table/name").asText().equals(table)) {
                continue;
            }
            for (String kind : new String[] {"object_relationships", "array_relationships"}) {
                for (JsonNode r : t.path(kind)) {
                    if (r.path("name").asText().equals(name)) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    static boolean consistent() {
        return f.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").path("is_consistent").asBoolean();
    }

    @Test
    void anObjectRelationshipThroughAForeignKeyColumnIsStoredAsWritten() {
        f.metadataOk(create("object", "articles", "author", "{\"foreign_key_constraint_on\": \"author_id\"}"));
        assertThat(relationship("articles", "author").path("using"))
                .isEqualTo(Json.parse("{\"foreign_key_constraint_on\": \"author_id\"}"));
        assertThat(consistent()).isTrue();
    }

    @Test
    void anObjectRelationshipThroughAListOfColumnsUsesTheCompositeKey() {
        f.metadataOk(create("object", "pair_refs", "pair", "{\"foreign_key_constraint_on\": [\"pb\", \"pa\"]}"));
        assertThat(relationship("pair_refs", "pair").path("using"))
                .isEqualTo(Json.parse("{\"foreign_key_constraint_on\": [\"pb\", \"pa\"]}"));
        assertThat(consistent()).isTrue();
    }

    @Test
    void anObjectRelationshipFromTheReferencedSideAcceptsColumnAndColumns() {
        f.metadataOk(create("object", "authors", "profile",
                "{\"foreign_key_constraint_on\": {\"table\": \"profiles\", \"column\": \"author_id\"}}"));
        f.metadataOk(create("object", "authors", "profile_too",
                "{\"foreign_key_constraint_on\": {\"table\": {\"schema\": \"public\", \"name\": \"profiles\"}, \"columns\": [\"author_id\"]}}"));

        assertThat(relationship("authors", "profile").path("using")).isEqualTo(Json.parse(
                "{\"foreign_key_constraint_on\": {\"column\": \"author_id\", \"table\": {\"name\": \"profiles\", \"schema\": \"public\"}}}"));
        assertThat(relationship("authors", "profile_too").path("using")).isEqualTo(Json.parse(
                "{\"foreign_key_constraint_on\": {\"columns\": [\"author_id\"], \"table\": {\"name\": \"profiles\", \"schema\": \"public\"}}}"));
        assertThat(consistent()).isTrue();
    }

    @Test
    void anArrayRelationshipUsesTheForeignKeyOfTheOtherTable() {
        f.metadataOk(create("array", "authors", "articles",
                "{\"foreign_key_constraint_on\": {\"table\": \"articles\", \"columns\": [\"author_id\"]}}"));
        f.metadataOk(create("array", "pairs", "refs",
                "{\"foreign_key_constraint_on\": {\"table\": \"pair_refs\", \"columns\": [\"pa\", \"pb\"]}}"));
        assertThat(relationship("authors", "articles")).isNotNull();
        assertThat(relationship("pairs", "refs")).isNotNull();
        assertThat(consistent()).isTrue();
    }

    @Test
    void manualRelationshipsMapColumnsWithoutAForeignKey() {
        f.metadataOk(create("object", "loose", "author",
                "{\"manual_configuration\": {\"remote_table\": \"authors\", \"column_mapping\": {\"author_ref\": \"id\"}}}"));
        f.metadataOk(create("array", "authors", "loose_refs",
                "{\"manual_configuration\": {\"remote_table\": {\"schema\": \"public\", \"name\": \"loose\"}, \"column_mapping\": {\"id\": \"author_ref\"}}}"));

        assertThat(relationship("loose", "author").path("using")).isEqualTo(Json.parse("""
            {"manual_configuration": {"remote_table": {"name": "authors", "schema": "public"},
              "column_mapping": {"author_ref": "id"}}}"""));
        assertThat(consistent()).isTrue();
    }

    @Test
    void aRelationshipNamedLikeAColumnIsRefused() {
        f.refused(create("object", "articles", "title", "{\"foreign_key_constraint_on\": \"author_id\"}"))
                .expect(400, "already-exists", "$.args.name", "field with name \"title\" already exists in table \"articles\"");
    }

    @Test
    void aForeignKeyThatDoesNotExistIsRefused() {
        var error = f.refused(create("object", "articles", "bad", "{\"foreign_key_constraint_on\": \"title\"}"))
                .expect(400, "invalid-configuration", "$.args",
                        "Inconsistent object: in table \"articles\": in relationship \"bad\": no foreign constraint exists on the given column(s)");
        assertThat(error.internal().get(0).path("type").asText()).isEqualTo("object_relation");
        assertThat(error.internal().get(0).path("name").asText())
                .isEqualTo("object_relation bad in table articles in source default");

        f.refused(create("array", "authors", "bad", "{\"foreign_key_constraint_on\": {\"table\": \"articles\", \"column\": \"title\"}}"))
                .expect(400, "invalid-configuration", "$.args",
                        "Inconsistent object: in table \"authors\": in relationship \"bad\": no foreign constraint exists on the given column(s)");
    }

    @Test
    void aRelationshipToAColumnOrTableThatIsMissingOrUntrackedIsRefused() {
        f.refused(create("object", "articles", "bad", "{\"foreign_key_constraint_on\": \"nope\"}"))
                .expect(400, "invalid-configuration", "$.args",
                        "Inconsistent object: in table \"articles\": in relationship \"bad\": column \"nope\" does not exist in table \"articles\"");
        f.refused(create("object", "loose", "bad",
                "{\"manual_configuration\": {\"remote_table\": \"untracked\", \"column_mapping\": {\"author_ref\": \"id\"}}}"))
                .expect(400, "invalid-configuration", "$.args",
                        "Inconsistent object: in table \"loose\": in relationship \"bad\": table \"untracked\" is not tracked");
        f.refused(create("object", "untracked", "bad", "{\"foreign_key_constraint_on\": \"id\"}"))
                .expect(400, "not-exists", "$.args.table", "table \"untracked\" does not exist in source: default");
        f.refused("""
            {"type": "pg_create_object_relationship", "args": {"source": "nope", "table": "articles", "name": "x",
              "using": {"foreign_key_constraint_on": "author_id"}}}""")
                .expect(400, "not-exists", "$.args.source", "source with name \"nope\" does not exist");
    }

    @Test
    void aRelationshipIsRenamedAndDropped() {
        f.metadataOk(create("object", "profiles", "writer", "{\"foreign_key_constraint_on\": \"author_id\"}"));
        f.metadataOk("""
            {"type": "pg_rename_relationship", "args": {"table": "profiles", "name": "writer", "new_name": "owner"}}""");
        assertThat(relationship("profiles", "writer")).isNull();
        assertThat(relationship("profiles", "owner")).isNotNull();

        f.refused("""
            {"type": "pg_rename_relationship", "args": {"table": "profiles", "name": "owner", "new_name": "bio"}}""")
                .expect(400, "already-exists", "$.args.new_name",
                        "cannot rename relationship \"owner\" to \"bio\" in table \"profiles\" as a column/relationship with the name already exists");
        f.refused("""
            {"type": "pg_rename_relationship", "args": {"table": "profiles", "name": "nope", "new_name": "x"}}""")
                .expect(400, "not-exists", "$.args.name", "relationship \"nope\" does not exist");

        f.metadataOk("""
            {"type": "pg_set_relationship_comment", "args": {"table": "profiles", "relationship": "owner", "comment": "who"}}""");
        assertThat(relationship("profiles", "owner").path("comment").asText()).isEqualTo("who");

        f.metadataOk("""
            {"type": "pg_drop_relationship", "args": {"table": "profiles", "relationship": "owner"}}""");
        assertThat(relationship("profiles", "owner")).isNull();
        f.refused("""
            {"type": "pg_drop_relationship", "args": {"table": "profiles", "relationship": "owner"}}""")
                .expect(400, "not-exists", "$.args.relationship", "relationship \"owner\" does not exist");
        f.refused("""
            {"type": "pg_drop_relationship", "args": {"table": "profiles", "relationship": "bio"}}""")
                .expect(400, "unexpected-payload", "$.args.relationship",
                        "expecting a relationship; but, \"bio\" is a postgres column; ");
    }
}
