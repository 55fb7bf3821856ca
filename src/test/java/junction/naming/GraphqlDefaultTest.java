package junction.naming;

import static junction.naming.Names.assertData;
import static junction.naming.Names.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A source in the graphql-default naming convention (with the naming_convention experimental
 * feature): camelCase root fields, fields and arguments, PascalCase types, upper-case enum values —
 * for queries, aggregates, mutations and introspection, per role, custom names kept as given.
 */
class GraphqlDefaultTest {
    static GraphqlTestServer users;
    static EngineFixture f;

    @BeforeAll
    static void start() {
        users = UserService.start();
        f = EngineFixture.start("naming_graphql", c -> c.toBuilder().experimentalFeatures(Set.of("naming_convention")).build());
        f.runSqlOk(Names.SQL);
        f.metadataOk("""
            {"type": "pg_update_source", "args": {"name": "default", "customization": {"naming_convention": "graphql-default"}}}""");
        f.metadataOk(Names.METADATA);
        f.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"users\", \"definition\": {\"url\": \""
                + users.url() + "\"}}}");
        f.metadataOk("""
            {"type": "pg_create_remote_relationship", "args": {"table": "author_local", "name": "account_user",
             "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["author_id"],
               "remote_field": {"user": {"arguments": {"id": "$author_id"}}}}}}}""");
    }

    @AfterAll
    static void stop() {
        f.close();
        users.close();
    }

    @Test
    void extensionAndArrayOperatorsAreCamelCaseAndRead() {
        f.runSqlOk("""
            create extension if not exists ltree;
            create table shelf (id int primary key, path ltree, tags text[]);
            insert into shelf values (1, 'books.science.physics', '{a,b}'), (2, 'books.art', '{c}');
            """);
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"shelf\"}}");
        assertData(f.gql("""
            { a: shelf(where: {path: {_descendantAny: ["books.science"]}}) { id }
              b: shelf(where: {tags: {_containedIn: ["a", "b", "x"]}}) { id }
              c: shelf(where: {path: {_matchesFulltext: "art"}}) { id } }
            """), """
            {"a": [{"id": 1}], "b": [{"id": 1}], "c": [{"id": 2}]}
            """);
        f.runSqlOk("drop table shelf");
    }

    @Test
    void anEnumTablesTypesArePascalCase() {
        f.runSqlOk("""
            create table shelf_kind (value text primary key);
            insert into shelf_kind values ('open'), ('closed');
            create table rack (id int primary key, kind text references shelf_kind);
            insert into rack values (1, 'open'), (2, 'closed');
            """);
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"shelf_kind\", \"is_enum\": true}}");
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"rack\"}}");
        assertData(f.gql("""
            { rack(where: {kind: {_eq: closed}}) { id kind }
              t: __type(name: "ShelfKindEnum") { kind }
              c: __type(name: "ShelfKindEnumComparisonExp") { inputFields { name } } }
            """), """
            {"rack": [{"id": 2, "kind": "closed"}], "t": {"kind": "ENUM"},
             "c": {"inputFields": [{"name": "_eq"}, {"name": "_in"}, {"name": "_isNull"}, {"name": "_neq"}, {"name": "_nin"}]}}
            """);
        f.runSqlOk("drop table rack; drop table shelf_kind");
    }

    @Test
    void aTrackedFunctionsRootFieldsAndArgsTypeFollowTheConvention() {
        f.runSqlOk("""
            create table crate (crate_id int primary key, label text);
            insert into crate values (1, 'apples'), (2, 'pears');
            create function find_crates(needle text) returns setof crate language sql stable
              as $$ select * from crate where label like '%' || needle || '%' $$;
            """);
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"crate\"}}");
        f.metadataOk("{\"type\": \"pg_track_function\", \"args\": {\"function\": \"find_crates\"}}");
        assertData(f.gql("""
            { findCrates(args: {needle: "pear"}) { crateId label }
              findCratesAggregate(args: {needle: "p"}) { aggregate { count } }
              t: __type(name: "FindCratesArgs") { kind } }
            """), """
            {"findCrates": [{"crateId": 2, "label": "pears"}], "findCratesAggregate": {"aggregate": {"count": 2}},
             "t": {"kind": "INPUT_OBJECT"}}
            """);
        f.runSqlOk("drop function find_crates; drop table crate");
    }

    @Test
    void aComputedFieldsArgsTypeFollowsTheConvention() {
        f.runSqlOk("""
            create table bin (bin_id int primary key, label text);
            insert into bin values (1, 'glass');
            create function bin_label_with(bin, suffix text) returns text language sql stable
              as $$ select $1.label || suffix $$;
            """);
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"bin\"}}");
        f.metadataOk("""
            {"type": "pg_add_computed_field", "args": {"table": "bin", "name": "labelWith",
              "definition": {"function": "bin_label_with"}}}""");
        try {
            assertData(f.gql("""
                { bin { binId labelWith(args: {suffix: "!"}) }
                  t: __type(name: "BinLabelWithArgs") { kind } }
                """), """
                {"bin": [{"binId": 1, "labelWith": "glass!"}], "t": {"kind": "INPUT_OBJECT"}}
                """);
        } finally {
            f.metadataOk("{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"bin\", \"cascade\": true}}");
            f.runSqlOk("drop function bin_label_with; drop table bin");
        }
    }

    @Test
    void remoteSchemasKeepTheirOwnNamesAndRemoteRelationshipsJoinOnTheColumns() {
        assertData(f.gql("""
            { user(id: 2) { name __typename }
              authorLocal(orderBy: {authorId: ASC}) { fullName account_user { name } } }
            """), """
            {"user": {"name": "user2", "__typename": "User"},
             "authorLocal": [{"fullName": "Ada", "account_user": {"name": "user1"}},
                             {"fullName": "Bob", "account_user": {"name": "user2"}}]}
            """);
    }

    @Test
    void queriesUseCamelCaseRootFieldsFieldsAndArgumentsAndUpperCaseOrderValues() {
        assertData(f.gql("""
            { authorLocal(orderBy: {authorId: DESC}, where: {fullName: {_isNull: false}}) {
                authorId fullName __typename
                articles(orderBy: {rating: ASC_NULLS_FIRST}) { title }
                articlesAggregate { aggregate { count max { rating } } } }
              authorLocalByPk(authorId: 1) { fullName }
              vip: authorLocal(where: {meta: {_hasKey: "vip"}}) { fullName }
              byArticles: authorLocal(orderBy: {articlesAggregate: {count: DESC}}, limit: 1) { fullName }
              articleLocal(distinctOn: [authorId], orderBy: [{authorId: ASC}, {rating: DESC}]) { title author { fullName } } }
            """), """
            {"authorLocal": [
               {"authorId": 2, "fullName": "Bob", "__typename": "AuthorLocal", "articles": [{"title": "B1"}],
                "articlesAggregate": {"aggregate": {"count": 1, "max": {"rating": 4}}}},
               {"authorId": 1, "fullName": "Ada", "__typename": "AuthorLocal", "articles": [{"title": "A2"}, {"title": "A1"}],
                "articlesAggregate": {"aggregate": {"count": 2, "max": {"rating": 5}}}}],
             "authorLocalByPk": {"fullName": "Ada"},
             "vip": [{"fullName": "Ada"}],
             "byArticles": [{"fullName": "Ada"}],
             "articleLocal": [{"title": "A1", "author": {"fullName": "Ada"}}, {"title": "B1", "author": {"fullName": "Bob"}}]}
            """);
    }

    @Test
    void aggregatesUsePascalCaseTypesAndCamelCaseOperations() {
        assertData(f.gql("""
            { authorLocalAggregate(where: {articlesAggregate: {count: {predicate: {_gt: 1}}}}) {
                __typename aggregate { __typename count stddevPop { authorId } sum { authorId } } } }
            """), """
            {"authorLocalAggregate": {"__typename": "AuthorLocalAggregate",
              "aggregate": {"__typename": "AuthorLocalAggregateFields", "count": 1, "stddevPop": {"authorId": 0},
                            "sum": {"authorId": 1}}}}
            """);
    }

    @Test
    void mutationsUseCamelCaseRootFieldsAndArguments() {
        JsonNode inserted = f.gql("""
            mutation {
              insertAuthorLocal(objects: [{fullName: "Cy"}],
                                onConflict: {constraint: author_local_full_name_key, updateColumns: [fullName]}) {
                __typename affectedRows returning { fullName __typename } }
              insertAuthorLocalOne(object: {fullName: "Di", articles: {data: [{title: "D1", rating: 1}]}}) {
                authorId fullName articles { title } } }
            """);
        assertThat(inserted.has("errors")).as("errors: %s", inserted).isFalse();
        assertThat(inserted.at("/data/insertAuthorLocal/__typename").asText()).isEqualTo("AuthorLocalMutationResponse");
        assertThat(inserted.at("/data/insertAuthorLocal/affectedRows").asInt()).isEqualTo(1);
        assertThat(inserted.at("/data/insertAuthorLocal/returning/0/__typename").asText()).isEqualTo("AuthorLocal");
        assertThat(inserted.at("/data/insertAuthorLocalOne/articles/0/title").asText()).isEqualTo("D1");
        int di = inserted.at("/data/insertAuthorLocalOne/authorId").asInt();

        assertData(f.gql("""
            mutation ($di: Int!) {
              updateAuthorLocal(where: {fullName: {_eq: "Cy"}}, _set: {fullName: "Cy2"}) { affectedRows }
              updateAuthorLocalByPk(pkColumns: {authorId: $di}, _set: {fullName: "Di2"}) { fullName }
              updateArticleLocal(where: {title: {_eq: "D1"}}, _inc: {rating: 1}) { returning { rating } }
              updateArticleLocalMany(updates: [{where: {title: {_eq: "D1"}}, _set: {rating: 7}}]) { affectedRows }
              deleteArticleLocal(where: {title: {_eq: "D1"}}) { affectedRows }
              deleteAuthorLocalByPk(authorId: $di) { fullName }
              deleteAuthorLocal(where: {fullName: {_eq: "Cy2"}}) { affectedRows } }
            """, "{\"di\": " + di + "}", null), """
            {"updateAuthorLocal": {"affectedRows": 1},
             "updateAuthorLocalByPk": {"fullName": "Di2"},
             "updateArticleLocal": {"returning": [{"rating": 2}]},
             "updateArticleLocalMany": [{"affectedRows": 1}],
             "deleteArticleLocal": {"affectedRows": 1},
             "deleteAuthorLocalByPk": {"fullName": "Di2"},
             "deleteAuthorLocal": {"affectedRows": 1}}
            """);
    }

    @Test
    void introspectionShowsHasurasGraphqlDefaultNames() {
        JsonNode data = f.gql("""
            { boolExp: __type(name: "AuthorLocalBoolExp") { inputFields { name } }
              orderBy: __type(name: "OrderBy") { enumValues { name } }
              intComparison: __type(name: "IntComparisonExp") { inputFields { name } }
              jsonbComparison: __type(name: "JsonbComparisonExp") { inputFields { name } }
              selectColumn: __type(name: "AuthorLocalSelectColumn") { enumValues { name } }
              onConflict: __type(name: "AuthorLocalOnConflict") { inputFields { name } }
              response: __type(name: "AuthorLocalMutationResponse") { fields { name } }
              snake: __type(name: "author_local") { name }
              query: __type(name: "query_root") { fields { name args { name } } }
              mutation: __type(name: "mutation_root") { fields { name } } }
            """).get("data");
        assertThat(names(data.at("/boolExp/inputFields"))).containsExactly("_and", "_not", "_or", "articles",
                "articlesAggregate", "authorId", "fullName", "meta");
        assertThat(names(data.at("/orderBy/enumValues"))).containsExactly("ASC", "ASC_NULLS_FIRST", "ASC_NULLS_LAST",
                "DESC", "DESC_NULLS_FIRST", "DESC_NULLS_LAST");
        assertThat(names(data.at("/intComparison/inputFields"))).containsExactly("_eq", "_gt", "_gte", "_in", "_isNull",
                "_lt", "_lte", "_neq", "_nin");
        assertThat(names(data.at("/jsonbComparison/inputFields"))).contains("_containedIn", "_contains", "_hasKey",
                "_hasKeysAll", "_hasKeysAny", "_isNull");
        assertThat(names(data.at("/selectColumn/enumValues"))).containsExactly("authorId", "fullName", "meta");
        assertThat(names(data.at("/onConflict/inputFields"))).containsExactly("constraint", "updateColumns", "where");
        assertThat(names(data.at("/response/fields"))).containsExactly("affectedRows", "returning");
        assertThat(data.get("snake").isNull()).isTrue();
        assertThat(names(data.at("/query/fields"))).containsExactly("articleLocal", "articleLocalAggregate",
                "articleLocalByPk", "authorLocal", "authorLocalAggregate", "authorLocalByPk", "tagItemAggregate", "tagItemByPk", "tags", "user", "users");
        assertThat(names(data.at("/query/fields/3/args"))).containsExactly("distinctOn", "limit", "offset", "orderBy", "where");
        assertThat(names(data.at("/mutation/fields"))).contains("deleteAuthorLocalByPk", "insertAuthorLocalOne",
                "updateAuthorLocalMany", "updateArticleLocalByPk");
    }

    @Test
    void givenNamesAreKeptAsGiven() {
        assertData(f.gql("{ tags { itemId label_text __typename } tagItemByPk(itemId: 1) { label_text } }"), """
            {"tags": [{"itemId": 1, "label_text": "red", "__typename": "TagItem"}], "tagItemByPk": {"label_text": "red"}}
            """);
    }

    @Test
    void aRoleSeesOnlyWhatItsPermissionsGiveInTheConvention() {
        JsonNode data = f.graphql("""
            { type: __type(name: "AuthorLocal") { fields { name } }
              query: __type(name: "query_root") { fields { name } }
              authorLocal(orderBy: {authorId: ASC}) { fullName } }
            """, Map.of("x-hasura-role", "reader")).json().get("data");
        assertThat(names(data.at("/type/fields"))).containsExactly("account_user", "authorId", "fullName");
        assertThat(names(data.at("/query/fields"))).containsExactly("authorLocal", "authorLocalByPk", "user", "users");
        assertThat(data.at("/authorLocal/0/fullName").asText()).isEqualTo("Ada");
    }
}
