package junction.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import junction.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The exact text export writes for a table with every kind of entry and for remote_schemas.yaml,
 * whatever order the engine's document has its keys in: Hasura's CLI order (the server's field by
 * field order, everything else sorted as aeson 2 writes it).
 */
class HasuraOrderTest {
    private static final JsonNode DOCUMENT = Json.parse("""
            {"version": 3,
             "sources": [{"tables": [{
                 "delete_permissions": [{"permission": {"backend_only": true, "filter": {"id": {"_eq": "X-Hasura-User-Id"}}}, "role": "user"}],
                 "update_permissions": [{"permission": {"check": null, "set": {"updated_by": "x-hasura-user-id"},
                   "filter": {"user_id": {"_eq": "X-Hasura-User-Id"}}, "columns": ["title"]}, "role": "user", "comment": "own rows"}],
                 "select_permissions": [{"role": "user", "permission": {"allow_aggregations": true, "limit": 10,
                   "filter": {"_or": [{"user_id": {"_eq": "X-Hasura-User-Id"}}, {"author": {"name": {"_like": "A%"}}}]}, "columns": "*"}}],
                 "insert_permissions": [{"role": "user", "permission": {"columns": ["id", "title"], "set": {"user_id": "x-hasura-user-id"},
                   "check": {"user_id": {"_eq": "X-Hasura-User-Id"}}}}],
                 "remote_relationships": [
                   {"name": "writer", "definition": {"to_remote_schema": {"remote_schema": "users", "remote_field": {"user": {"arguments": {"id": "$user_id"}}},
                     "lhs_fields": ["user_id"]}}},
                   {"name": "user", "definition": {"remote_schema": "users", "remote_field": {"user": {"arguments": {"id": "$user_id"}}},
                     "hasura_fields": ["user_id"]}}],
                 "array_relationships": [{"using": {"manual_configuration": {"remote_table": {"schema": "public", "name": "comment"},
                   "column_mapping": {"id": "article_id"}}}, "name": "comments"}],
                 "object_relationships": [{"using": {"foreign_key_constraint_on": "author_id"}, "name": "author", "comment": "who wrote it"}],
                 "configuration": {"custom_root_fields": {"select": "articles"}, "custom_name": "Article",
                   "column_config": {"user_id": {"custom_name": "userId"}}},
                 "table": {"schema": "public", "name": "article"}}],
               "configuration": {"connection_info": {"use_prepared_statements": true, "database_url": {"from_env": "HASURA_GRAPHQL_DATABASE_URL"},
                 "pool_settings": {"retries": 1, "max_connections": 50}}},
               "kind": "postgres", "name": "default"}],
             "remote_schemas": [{"remote_relationships": [{"type_name": "User", "relationships": [{"name": "articles",
                 "definition": {"to_source": {"source": "default", "table": {"schema": "public", "name": "article"}, "relationship_type": "array",
                   "field_mapping": {"id": "user_id"}}}}]}],
               "permissions": [{"definition": {"schema": "type Query { user(id: Int!): User }\\ntype User { id: Int }\\n"}, "role": "user"}],
               "comment": "the user service",
               "definition": {"forward_client_headers": true, "headers": [{"value_from_env": "USERS_TOKEN", "name": "Authorization"}],
                 "timeout_seconds": 60, "customization": {"root_fields_namespace": "users"}, "url": "{{USERS_URL}}/graphql"},
               "name": "users"}]}
            """);

    @Test
    void aTableFileHasHasurasKeyOrder() {
        Map<String, String> files = MetadataFiles.of(DOCUMENT);

        assertThat(files.get("databases/default/tables/public_article.yaml")).isEqualTo("""
                table:
                  name: article
                  schema: public
                configuration:
                  column_config:
                    user_id:
                      custom_name: userId
                  custom_name: Article
                  custom_root_fields:
                    select: articles
                object_relationships:
                  - name: author
                    using:
                      foreign_key_constraint_on: author_id
                    comment: who wrote it
                array_relationships:
                  - name: comments
                    using:
                      manual_configuration:
                        column_mapping:
                          id: article_id
                        remote_table:
                          name: comment
                          schema: public
                remote_relationships:
                  - definition:
                      to_remote_schema:
                        lhs_fields:
                          - user_id
                        remote_field:
                          user:
                            arguments:
                              id: $user_id
                        remote_schema: users
                    name: writer
                  - definition:
                      hasura_fields:
                        - user_id
                      remote_field:
                        user:
                          arguments:
                            id: $user_id
                      remote_schema: users
                    name: user
                insert_permissions:
                  - role: user
                    permission:
                      check:
                        user_id:
                          _eq: X-Hasura-User-Id
                      set:
                        user_id: x-hasura-user-id
                      columns:
                        - id
                        - title
                select_permissions:
                  - role: user
                    permission:
                      columns: '*'
                      filter:
                        _or:
                          - user_id:
                              _eq: X-Hasura-User-Id
                          - author:
                              name:
                                _like: A%
                      limit: 10
                      allow_aggregations: true
                update_permissions:
                  - role: user
                    permission:
                      columns:
                        - title
                      filter:
                        user_id:
                          _eq: X-Hasura-User-Id
                      check: null
                      set:
                        updated_by: x-hasura-user-id
                    comment: own rows
                delete_permissions:
                  - role: user
                    permission:
                      filter:
                        id:
                          _eq: X-Hasura-User-Id
                      backend_only: true
                """);
        assertThat(files.get("databases/databases.yaml")).isEqualTo("""
                - name: default
                  kind: postgres
                  configuration:
                    connection_info:
                      database_url:
                        from_env: HASURA_GRAPHQL_DATABASE_URL
                      pool_settings:
                        max_connections: 50
                        retries: 1
                      use_prepared_statements: true
                  tables: "!include default/tables/tables.yaml"
                """);
    }

    @Test
    void remoteSchemasYamlHasHasurasKeyOrder() {
        assertThat(MetadataFiles.of(DOCUMENT).get("remote_schemas.yaml")).isEqualTo("""
                - name: users
                  definition:
                    url: '{{USERS_URL}}/graphql'
                    timeout_seconds: 60
                    customization:
                      root_fields_namespace: users
                    headers:
                      - name: Authorization
                        value_from_env: USERS_TOKEN
                    forward_client_headers: true
                  comment: the user service
                  permissions:
                    - role: user
                      definition:
                        schema: |
                          type Query { user(id: Int!): User }
                          type User { id: Int }
                  remote_relationships:
                    - relationships:
                        - definition:
                            to_source:
                              field_mapping:
                                id: user_id
                              relationship_type: array
                              source: default
                              table:
                                name: article
                                schema: public
                          name: articles
                      type_name: User
                """);
    }

    @Test
    void computedFieldsComeAsNameDefinitionCommentWithTheDefinitionSorted() {
        JsonNode document = Json.parse("""
                {"version": 3, "sources": [{"name": "default", "kind": "postgres",
                  "configuration": {"connection_info": {"database_url": "postgres://x"}},
                  "tables": [{"computed_fields": [{"comment": "full", "definition": {"table_argument": "a",
                      "session_argument": "s", "function": {"schema": "public", "name": "author_full_name"}}, "name": "full_name"}],
                    "table": {"schema": "public", "name": "author"}}]}]}
                """);
        assertThat(MetadataFiles.of(document).get("databases/default/tables/public_author.yaml")).isEqualTo("""
                table:
                  name: author
                  schema: public
                computed_fields:
                  - name: full_name
                    definition:
                      function:
                        name: author_full_name
                        schema: public
                      session_argument: s
                      table_argument: a
                    comment: full
                """);
    }
}
