package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import junction.json.Json;
import junction.server.ServerConfig;
import junction.test.ApiError;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every HTTP call Hasura's own CLI (v2, config v3) makes for start-up, {@code metadata}, {@code migrate},
 * {@code seed} and {@code deploy}, replayed byte for byte as the CLI sends it (its headers, Go's JSON
 * encoding with sorted map keys and a trailing newline), and the answer fields the CLI reads. The list
 * and where each call comes from: {@code docs/hasura-cli-calls.md}.
 */
class HasuraCliCallsTest {
    static final String SECRET = "cli-secret";
    static final String MIGRATION_UP = "CREATE TABLE author (id serial PRIMARY KEY, name text NOT NULL);\n"
            + "CREATE TABLE article (id serial PRIMARY KEY, title text, author_id int REFERENCES author(id));\n"
            + "CREATE FUNCTION author_upper(a author) RETURNS text AS $$ SELECT upper(a.name) $$ LANGUAGE sql STABLE;\n";
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("hasura_cli_calls",
                c -> c.withAdminSecret(SECRET).withEnv("PG_DATABASE_URL", c.databaseUrl().orElseThrow()));
        ok(cli(f, "POST", "/v2/query", runSql(MIGRATION_UP, true)));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void applyTheProject() {
        ok(cli(f, "POST", "/v1/metadata", replaceMetadata(true, projectMetadata(false))));
    }

    // ---------------------------------------------------------------- start-up (cli.go ExecutionContext.Validate)

    @Test
    void theVersionCallsAtStartUpAnswerAVersionTheCliParsesAsSemver() {
        Http.Response status = cli(f, "GET", "/v1/version", null, Map.of());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        // version.FetchServerVersion reads "version"; Masterminds/semver must parse it, or the CLI treats
        // the server as an untagged build and warns on every command
        assertThat(status.json().path("version").asText()).matches("v2\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    }

    @Test
    void theConfigCallAnswersHasurasShapeToTheAdmin() {
        Http.Response r = cli(f, "GET", "/v1alpha1/config", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode config = r.json();
        assertThat(config.path("version").asText()).isEqualTo(f.http.get("/v1/version").json().path("version").asText());
        // GetHasuraInternalServerConfig reads console_assets_dir: present, null when unset
        assertThat(config.has("console_assets_dir")).isTrue();
        assertThat(config.get("console_assets_dir").isNull()).isTrue();
        assertThat(fieldNames(config)).containsExactly("version", "is_function_permissions_inferred",
                "is_remote_schema_permissions_enabled", "is_admin_secret_set", "is_auth_hook_set", "is_jwt_set", "jwt",
                "is_allow_list_enabled", "live_queries", "streaming_queries", "console_assets_dir", "experimental_features",
                "is_prometheus_metrics_enabled", "default_naming_convention", "feature_flags",
                "is_apollo_federation_enabled");
        assertThat(config.path("is_admin_secret_set").asBoolean()).isTrue();
        assertThat(config.path("is_auth_hook_set").asBoolean()).isFalse();
        assertThat(config.path("is_jwt_set").asBoolean()).isFalse();
        assertThat(config.path("jwt").isArray()).isTrue();
        assertThat(config.path("jwt")).isEmpty();
        assertThat(config.path("is_function_permissions_inferred").asBoolean()).isTrue();
        assertThat(config.path("is_remote_schema_permissions_enabled").isBoolean()).isTrue();
        assertThat(config.path("is_allow_list_enabled").asBoolean()).isFalse();
        assertThat(config.path("live_queries")).isEqualTo(Json.parse("{\"batch_size\":100,\"refetch_delay\":1}"));
        assertThat(config.path("streaming_queries")).isEqualTo(Json.parse("{\"batch_size\":100,\"refetch_delay\":1}"));
        assertThat(config.path("experimental_features").isArray()).isTrue();
        assertThat(config.path("is_prometheus_metrics_enabled").asBoolean()).isFalse();
        assertThat(config.path("default_naming_convention").asText()).isEqualTo("hasura-default");
        assertThat(config.path("feature_flags").isArray()).isTrue();
        assertThat(config.path("is_apollo_federation_enabled").asBoolean()).isFalse();
    }

    @Test
    void theConfigCallIsForTheAdminOnly() {
        ApiError.of(cli(f, "GET", "/v1alpha1/config", null, Map.of())).expect(401, "access-denied", "$",
                "x-hasura-admin-secret/x-hasura-access-key required, but not found");
        ApiError.of(cli(f, "GET", "/v1alpha1/config", null, Map.of("X-Hasura-Admin-Secret", "wrong")))
                .expect(401, "access-denied", "$", "invalid x-hasura-admin-secret/x-hasura-access-key");
        ApiError.of(cli(f, "GET", "/v1alpha1/config", null,
                Map.of("X-Hasura-Admin-Secret", SECRET, "X-Hasura-Role", "user")))
                .expect(400, "access-denied", "$", "You have to be an admin to access this endpoint");
    }

    @Test
    void theConfigCallReportsJwtModeAndMetricsAndAnswers404WhenItsApiGroupIsOff() {
        String jwt = "{\"type\":\"HS256\",\"key\":\"" + "k".repeat(32) + "\",\"claims_namespace_path\":\"$.hasura.claims\","
                + "\"claims_format\":\"stringified_json\"}";
        String mapped = "{\"type\":\"HS256\",\"key\":\"" + "m".repeat(32) + "\",\"claims_map\":{"
                + "\"x-hasura-user-id\":\"42\",\"x-hasura-default-role\":{\"path\":\"$.role\",\"default\":\"user\"},"
                + "\"x-hasura-allowed-roles\":{\"path\":\"$.roles\"}}}";
        try (EngineFixture e = EngineFixture.start("hasura_cli_config", c -> c.withAdminSecret(SECRET)
                .withJwtSecret(junction.session.JwtConfig.parse(jwt)).withJwtSecret(junction.session.JwtConfig.parse(mapped))
                .withEnabledApis(java.util.Set.of(ServerConfig.Api.METADATA, ServerConfig.Api.CONFIG,
                        ServerConfig.Api.METRICS)))) {
            JsonNode config = cli(e, "GET", "/v1alpha1/config", null).json();
            assertThat(config.path("is_jwt_set").asBoolean()).isTrue();
            Http.Response answer = cli(e, "GET", "/v1alpha1/config", null);
            assertThat(answer.body()).doesNotContain("kkkk").doesNotContain("mmmm");
            assertThat(config.path("jwt")).isEqualTo(Json.parse(
                    "[{\"claims_namespace\":\"$.hasura.claims\",\"claims_format\":\"stringified_json\",\"claims_map\":null},"
                    + "{\"claims_namespace\":\"https://hasura.io/jwt/claims\",\"claims_format\":\"json\",\"claims_map\":{"
                    + "\"x-hasura-allowed-roles\":{\"path\":\"$.roles\"},"
                    + "\"x-hasura-default-role\":{\"path\":\"$.role\",\"default\":\"user\"},"
                    + "\"x-hasura-user-id\":\"42\"}}]"));
            assertThat(config.path("is_prometheus_metrics_enabled").asBoolean()).isTrue();
        }
        try (EngineFixture e = EngineFixture.start("hasura_cli_noconfig", c -> c.withAdminSecret(SECRET)
                .withEnabledApis(java.util.Set.of(ServerConfig.Api.METADATA)))) {
            // the CLI logs this at debug level and goes on
            ApiError.of(cli(e, "GET", "/v1alpha1/config", null)).expect(404, "not-found", "$", "resource does not exist");
        }
    }

    @Test
    void theStartUpExportThroughV1QueryShowsMetadataVersion3() {
        // cli.go: "check if server is using metadata v3" -- config v3 refuses a server that answers another version
        JsonNode doc = ok(cli(f, "POST", "/v1/query", "{\"type\":\"export_metadata\",\"args\":{}}"));
        assertThat(doc.path("version").asInt()).isEqualTo(3);
        assertThat(doc.path("sources").get(0).path("name").asText()).isEqualTo("default");
    }

    @Test
    void theStartUpCatalogStateCallAnswersTheServerId() {
        // util.GetServerState: a map body, so Go writes its keys sorted; reads "id"
        JsonNode state = ok(cli(f, "POST", "/v1/metadata", "{\"args\":{},\"type\":\"get_catalog_state\"}"));
        assertThat(state.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        // statestore.CLICatalogState.Get dereferences cli_state: it must be an object, never null
        assertThat(state.path("cli_state").isObject()).isTrue();
        assertThat(state.path("console_state").isObject()).isTrue();
    }

    @Test
    void anEmptyAdminSecretHeaderIsTheAdminWhenTheServerHasNoSecret() {
        // with no admin secret configured the CLI still sends "X-Hasura-Admin-Secret:" with an empty value
        try (EngineFixture open = EngineFixture.start("hasura_cli_open")) {
            Map<String, String> empty = Map.of("X-Hasura-Admin-Secret", "");
            JsonNode config = ok(cli(open, "GET", "/v1alpha1/config", null, empty));
            assertThat(config.path("is_admin_secret_set").asBoolean()).isFalse();
            assertThat(ok(cli(open, "POST", "/v1/query", "{\"type\":\"export_metadata\",\"args\":{}}", empty))
                    .path("version").asInt()).isEqualTo(3);
            assertThat(ok(cli(open, "POST", "/v1/metadata", "{\"args\":{},\"type\":\"get_catalog_state\"}", empty))
                    .has("id")).isTrue();
        }
    }

    // ---------------------------------------------------------------- metadata export | diff | apply

    @Test
    void metadataExportAndDiffReadTheVersion1DocumentWithEachSourcesKind() {
        JsonNode doc = ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"export_metadata\",\"args\":{}}"));
        assertThat(doc.path("version").asInt()).isEqualTo(3);
        assertThat(doc.has("resource_version")).isFalse();
        // metadatautil.GetSourcesAndKind: migrate and seed pick the database by name and kind
        assertThat(doc.path("sources").get(0).path("kind").asText()).isEqualTo("postgres");
        // the export keeps what a project holds, and not the empty top-level keys the CLI sent
        assertThat(fieldNames(doc)).containsExactly("version", "sources");
        assertThat(doc.path("sources").get(0).path("tables")).hasSize(2);
    }

    @Test
    void theExportWritesTopLevelKeysInHasurasOrderWhateverOrderTheyWereAppliedIn() {
        // the CLI applies them sorted; in metadata_file mode it diffs its file with the export as text
        String sorted = projectMetadata(false)
                .replace("\"allowlist\":[]", "\"allowlist\":[{\"collection\":\"c\",\"scope\":{\"global\":true}}]")
                .replace("\"api_limits\":{}", "\"api_limits\":{\"disabled\":true}")
                .replace("\"network\":{}", "\"network\":{\"tls_allowlist\":[{\"host\":\"example.com\"}]}")
                .replace("\"query_collections\":[]", "\"query_collections\":[{\"definition\":{\"queries\":"
                        + "[{\"name\":\"q\",\"query\":\"query q { author { id } }\"}]},\"name\":\"c\"}]");
        ok(cli(f, "POST", "/v1/metadata", replaceMetadata(true, sorted)));
        assertThat(fieldNames(export())).containsExactly("version", "sources", "query_collections", "allowlist",
                "api_limits", "network");
    }

    @Test
    void theExportWritesATablesKeysInHasurasOrder() {
        // metadataToOrdJSON: table, is_enum, configuration, relationships, remote relationships, then
        // insert, select, update, delete permissions — what Hasura's CLI writes into a table's file
        ok(cli(f, "POST", "/v2/query", "{\"type\":\"run_sql\",\"args\":{\"sql\":\"create table ordered_keys (id int primary key)\"}}"));
        ok(cli(f, "POST", "/v1/metadata", """
            {"type": "bulk", "args": [
              {"type": "pg_track_table", "args": {"table": "ordered_keys", "configuration": {"custom_name": "orderedKeys"}}},
              {"type": "pg_create_select_permission", "args": {"table": "ordered_keys", "role": "user",
                "permission": {"columns": ["id"], "filter": {}}}},
              {"type": "pg_create_insert_permission", "args": {"table": "ordered_keys", "role": "user",
                "permission": {"columns": ["id"], "check": {}}}}]}
            """));
        JsonNode table = null;
        for (JsonNode t : export().path("sources").get(0).path("tables")) {
            if (t.path("table").path("name").asText().equals("ordered_keys")) {
                table = t;
            }
        }
        assertThat(table).isNotNull();
        assertThat(fieldNames(table)).containsExactly("table", "configuration", "insert_permissions", "select_permissions");
    }

    @Test
    void metadataApplySendsReplaceMetadataVersion2AndReadsIsConsistent() {
        JsonNode answer = ok(cli(f, "POST", "/v1/metadata", replaceMetadata(true, projectMetadata(true))));
        // projectmetadata.V2ApplyMetadata decodes {is_consistent, inconsistent_objects}; a missing
        // is_consistent reads as false and the CLI would warn "Metadata is inconsistent"
        assertThat(answer).isEqualTo(Json.parse("{\"is_consistent\":true,\"inconsistent_objects\":[]}"));
        JsonNode tables = export().path("sources").get(0).path("tables");
        assertThat(tables.toString()).contains("\"articles\"");
    }

    @Test
    void metadataApplyAllowingInconsistenciesStoresTheMetadataAndListsThem() {
        JsonNode answer = ok(cli(f, "POST", "/v1/metadata", replaceMetadata(true, withMissingTable())));
        assertThat(answer.path("is_consistent").asBoolean()).isFalse();
        JsonNode object = answer.path("inconsistent_objects").get(0);
        assertThat(object.path("type").asText()).isEqualTo("table");
        assertThat(object.path("reason").asText()).isNotEmpty();
        assertThat(object.has("definition")).isTrue();
        assertThat(export().toString()).contains("\"no_such_table\"");
    }

    @Test
    void metadataApplyWithDisallowInconsistentMetadataIsRefusedAndChangesNothing() {
        ApiError error = refused(() -> cli(f, "POST", "/v1/metadata", replaceMetadata(false, withMissingTable())));
        // the CLI prints the body as it is: Hasura's envelope (throwOnInconsistencies) with the objects under "internal"
        error.expect(400, "unexpected", "$.args", "cannot continue due to inconsistent metadata");
        assertThat(error.internal().isArray()).isTrue();
        assertThat(error.internal().get(0).path("type").asText()).isEqualTo("table");
    }

    // ---------------------------------------------------------------- metadata reload | clear | inconsistency

    @Test
    void metadataReloadThenReadsTheInconsistencyStatus() {
        JsonNode reloaded = ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"reload_metadata\",\"args\":{}}"));
        assertThat(reloaded.path("message").asText()).isEqualTo("success");
        JsonNode status = ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"get_inconsistent_metadata\",\"args\":{}}"));
        assertThat(status).isEqualTo(Json.parse("{\"is_consistent\":true,\"inconsistent_objects\":[]}"));
    }

    @Test
    void metadataInconsistencyListAndDropReadTypeNameDefinitionAndReason() {
        ok(cli(f, "POST", "/v1/metadata", replaceMetadata(true, withMissingTable())));
        JsonNode list = ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"get_inconsistent_metadata\",\"args\":{}}"));
        assertThat(list.path("is_consistent").asBoolean()).isFalse();
        JsonNode object = list.path("inconsistent_objects").get(0);
        // InconsistentMetadataObject: type, reason (a string, or JSON), definition (its "name" shown as the name)
        assertThat(object.path("type").isTextual()).isTrue();
        assertThat(object.path("reason").isTextual()).isTrue();
        assertThat(object.has("definition")).isTrue();

        assertThat(ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"drop_inconsistent_metadata\",\"args\":{}}"))
                .path("message").asText()).isEqualTo("success");
        assertThat(ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"get_inconsistent_metadata\",\"args\":{}}"))
                .path("is_consistent").asBoolean()).isTrue();
        assertThat(export().toString()).doesNotContain("no_such_table");
    }

    @Test
    void metadataClearLeavesAVersion3DocumentTheCliCanExport() {
        assertThat(ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"clear_metadata\",\"args\":{}}"))
                .path("message").asText()).isEqualTo("success");
        JsonNode doc = ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"export_metadata\",\"args\":{}}"));
        assertThat(doc.path("version").asInt()).isEqualTo(3);
        // clear_metadata keeps the default source, as Hasura does
        assertThat(doc.path("sources").get(0).path("name").asText()).isEqualTo("default");
        assertThat(doc.path("sources").get(0).path("tables")).isEmpty();
    }

    // ---------------------------------------------------------------- migrate

    @Test
    void migrateStartUpPreparesTheSettingsAndChecksForAnOldStateTable() {
        JsonNode state = ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"get_catalog_state\",\"args\":{}}"));
        assertThat(state.path("cli_state").isObject()).isTrue();
        // settings.StateStoreCatalog.setDefaults: the CLIState struct, migrations omitted while empty
        ok(cli(f, "POST", "/v1/metadata", setCliState("{\"settings\":{\"migration_mode\":\"true\"},"
                + "\"isStateCopyCompleted\":false}")));
        // copyStateToCatalogStateAPIIfRequired reads result_type and result[1][0]
        JsonNode count = ok(cli(f, "POST", "/v2/query", "{\"type\":\"run_sql\",\"args\":{\"sql\":\"SELECT COUNT(1) FROM "
                + "information_schema.tables WHERE table_name = 'schema_migrations' AND table_schema = 'hdb_catalog' LIMIT 1\","
                + "\"source\":\"default\"}}"));
        assertThat(count).isEqualTo(Json.parse("{\"result_type\":\"TuplesOk\",\"result\":[[\"count\"],[\"0\"]]}"));
        ok(cli(f, "POST", "/v1/metadata", setCliState("{\"settings\":{\"migration_mode\":\"true\"},"
                + "\"isStateCopyCompleted\":true}")));
        JsonNode after = ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"get_catalog_state\",\"args\":{}}"));
        assertThat(after.path("cli_state")).isEqualTo(Json.parse(
                "{\"settings\":{\"migration_mode\":\"true\"},\"isStateCopyCompleted\":true}"));
    }

    @Test
    void migrateApplyRunsEachUpSqlWithoutTheConsistencyCheckThenStoresItsVersion() {
        // hasuradb.Run: one run_sql per up.sql on /v2/query, check_metadata_consistency false (config v2+)
        JsonNode ran = ok(cli(f, "POST", "/v2/query", runSql("CREATE TABLE migrated (id int PRIMARY KEY);\n", false)));
        assertThat(ran).isEqualTo(Json.parse("{\"result_type\":\"CommandOk\",\"result\":null}"));
        // CatalogStateStore.SetVersion / InsertVersion: get, then set the whole CLIState
        ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"get_catalog_state\",\"args\":{}}"));
        ok(cli(f, "POST", "/v1/metadata", setCliState("{\"migrations\":{\"default\":{\"1700000000001\":false}},"
                + "\"settings\":{\"migration_mode\":\"true\"},\"isStateCopyCompleted\":true}")));
        // migrate status: GetVersions reads cli_state.migrations[database] as version -> dirty
        JsonNode status = ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"get_catalog_state\",\"args\":{}}"));
        assertThat(status.path("cli_state").path("migrations").path("default").path("1700000000001").isBoolean())
                .isTrue();
        // migrate delete: RemoveVersion writes the state back without the version
        ok(cli(f, "POST", "/v1/metadata", setCliState("{\"migrations\":{\"default\":{}},"
                + "\"settings\":{\"migration_mode\":\"true\"},\"isStateCopyCompleted\":true}")));
        assertThat(ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"get_catalog_state\",\"args\":{}}"))
                .path("cli_state").path("migrations").path("default")).isEmpty();
        ok(cli(f, "POST", "/v2/query", runSql("DROP TABLE migrated;\n", false)));
    }

    @Test
    void aMigrationDroppingATrackedTableWithoutTheCheckKeepsTheMetadataUntilItIsApplied() {
        ok(cli(f, "POST", "/v2/query", runSql("CREATE TABLE scratch (id int PRIMARY KEY);\n", false)));
        ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"pg_track_table\",\"args\":{\"source\":\"default\","
                + "\"table\":{\"schema\":\"public\",\"name\":\"scratch\"}}}"));
        ok(cli(f, "POST", "/v2/query", runSql("DROP TABLE scratch;\n", false)));
        // as in Hasura: with check_metadata_consistency false the metadata is not rewritten by the DDL
        assertThat(export().toString()).contains("\"scratch\"");
        // and the next metadata apply (deploy: apply, migrate, apply, reload) puts it right
        ok(cli(f, "POST", "/v1/metadata", replaceMetadata(true, projectMetadata(false))));
        assertThat(export().toString()).doesNotContain("scratch");
    }

    @Test
    void aFailingMigrationAnswersTheErrorTheCliPrintsAndChangesNothing() {
        ApiError error = refused(() -> cli(f, "POST", "/v2/query",
                runSql("CREATE TABLE half (id int);\nSELECT * FROM no_such_relation;\n", false)));
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.code()).isEqualTo("postgres-error");
        assertThat(error.path()).isEqualTo("$");
        // hasuradb.SQLInternalError, which the CLI prints as the database's message (and hint)
        JsonNode internal = error.internal();
        assertThat(internal.path("error").path("status_code").asText()).isEqualTo("42P01");
        assertThat(internal.path("error").path("exec_status").asText()).isEqualTo("FatalError");
        assertThat(internal.path("error").path("message").asText()).contains("no_such_relation");
        assertThat(internal.path("arguments").isArray()).isTrue();
        assertThat(internal.path("prepared").isBoolean()).isTrue();
        assertThat(internal.path("statement").asText()).contains("no_such_relation");
        // the run_sql of a migration runs in one transaction: the first statement is rolled back too
        JsonNode exists = ok(cli(f, "POST", "/v2/query", runSql("SELECT to_regclass('public.half') IS NULL AS gone", false)));
        assertThat(exists.path("result").get(1).get(0).asText()).isEqualTo("t");
    }

    @Test
    void metadataMigrationsGoAsBulksToV2QueryAndV1Metadata() {
        // hasuradb.sendMetadataMigrations (up.yaml): run_sql-like types in one bulk on /v2/query, the rest
        // in one bulk on /v1/metadata; a split bulk can leave an empty bulk on either side
        JsonNode query = ok(cli(f, "POST", "/v2/query", "{\"type\":\"bulk\",\"args\":[{\"args\":{\"sql\":"
                + "\"CREATE TABLE from_yaml (id int PRIMARY KEY);\"},\"type\":\"run_sql\"}]}"));
        assertThat(query.isArray()).isTrue();
        assertThat(query.get(0).path("result_type").asText()).isEqualTo("CommandOk");
        JsonNode metadata = ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"bulk\",\"args\":[{\"args\":{\"source\":"
                + "\"default\",\"table\":{\"name\":\"from_yaml\",\"schema\":\"public\"}},\"type\":\"pg_track_table\"}]}"));
        assertThat(metadata).isEqualTo(Json.parse("[{\"message\":\"success\"}]"));
        assertThat(ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"bulk\",\"args\":[]}"))).isEqualTo(Json.parse("[]"));
        assertThat(ok(cli(f, "POST", "/v2/query", "{\"type\":\"bulk\",\"args\":[]}"))).isEqualTo(Json.parse("[]"));
        ok(cli(f, "POST", "/v2/query", "{\"type\":\"run_sql\",\"args\":{\"sql\":\"DROP TABLE from_yaml\",\"cascade\":true}}"));
    }

    @Test
    void setCatalogStateRefusesAnUnknownStateType() {
        ApiError error = refused(() -> cli(f, "POST", "/v1/metadata",
                "{\"type\":\"set_catalog_state\",\"args\":{\"state\":{},\"type\":\"migrations\"}}"));
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.code()).isEqualTo("parse-failed");
    }

    // ---------------------------------------------------------------- seed apply

    @Test
    void seedApplySendsOneBulkOfRunSqlToV2Query() {
        // seed.Driver.ApplySeedsToDatabase: one run_sql per file (source set, no other key), in a bulk
        String bulk = "{\"type\":\"bulk\",\"args\":[{\"type\":\"run_sql\",\"args\":{\"sql\":"
                + "\"INSERT INTO author (name) VALUES ('seeded');\\n\",\"source\":\"default\"}},{\"type\":\"run_sql\","
                + "\"args\":{\"sql\":\"INSERT INTO article (title) VALUES ('seeded');\\n\",\"source\":\"default\"}}]}";
        JsonNode answer = ok(cli(f, "POST", "/v2/query", bulk));
        assertThat(answer).isEqualTo(Json.parse("[{\"result_type\":\"CommandOk\",\"result\":null},"
                + "{\"result_type\":\"CommandOk\",\"result\":null}]"));
        ok(cli(f, "POST", "/v2/query", runSql("DELETE FROM article; DELETE FROM author;", false)));
    }

    @Test
    void aFailingSeedFileRollsBackTheWholeBulk() {
        String bulk = "{\"type\":\"bulk\",\"args\":[{\"type\":\"run_sql\",\"args\":{\"sql\":"
                + "\"INSERT INTO author (name) VALUES ('kept?');\",\"source\":\"default\"}},{\"type\":\"run_sql\","
                + "\"args\":{\"sql\":\"INSERT INTO author (name) VALUES (NULL);\",\"source\":\"default\"}}]}";
        ApiError error = refused(() -> cli(f, "POST", "/v2/query", bulk));
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.path()).isEqualTo("$.args[1]");
        JsonNode count = ok(cli(f, "POST", "/v2/query", runSql("SELECT count(*) FROM author", false)));
        assertThat(count.path("result").get(1).get(0).asText()).isEqualTo("0");
    }

    // ---------------------------------------------------------------- the request as Hasura's CLI sends it

    /**
     * The request of {@code httpc.Client} over Go's transport: JSON + newline, Content-Type only with a
     * body, the admin secret header. The answer is read as text: an engine that gzipped it would fail here.
     */
    static Http.Response cli(EngineFixture engine, String method, String path, String body) {
        return cli(engine, method, path, body, Map.of("X-Hasura-Admin-Secret", SECRET));
    }

    static Http.Response cli(EngineFixture engine, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + engine.engine.port() + path))
                .header("User-Agent", "Go-http-client/1.1")
                .header("Accept-Encoding", "gzip") // Go's transport asks for it (and would unzip an answer)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body + "\n"));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture's {@code refused}, asking with the admin secret: an error that changed neither metadata nor its version. */
    static ApiError refused(java.util.function.Supplier<Http.Response> call) {
        String export = "{\"type\":\"export_metadata\",\"version\":2,\"args\":{}}";
        JsonNode before = ok(cli(f, "POST", "/v1/metadata", export));
        Http.Response r = call.get();
        assertThat(r.status()).as("refused, but answered %s", r.body()).isNotEqualTo(200);
        assertThat(ok(cli(f, "POST", "/v1/metadata", export))).as("metadata after a refused call").isEqualTo(before);
        return ApiError.of(r);
    }

    static JsonNode ok(Http.Response r) {
        if (r.status() != 200) {
            throw new AssertionError("expected 200 but got " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    static JsonNode export() {
        return ok(cli(f, "POST", "/v1/metadata", "{\"type\":\"export_metadata\",\"args\":{}}"));
    }

    /** {@code hasura.RequestBody{Type, Version: 2, Args: V2ReplaceMetadataArgs}}. */
    static String replaceMetadata(boolean allowInconsistent, String metadata) {
        return "{\"type\":\"replace_metadata\",\"version\":2,\"args\":{\"allow_inconsistent_metadata\":"
                + allowInconsistent + ",\"metadata\":" + metadata + "}}";
    }

    /** {@code hasura.RequestBody{Type: "run_sql", Args: PGRunSQLInput}} with the migrate driver's fields. */
    static String runSql(String sql, boolean check) {
        return "{\"type\":\"run_sql\",\"args\":{\"sql\":" + Json.write(Json.NODES.textNode(sql))
                + ",\"source\":\"default\",\"check_metadata_consistency\":" + check + "}}";
    }

    /** {@code catalogstate.ClientCatalogState.Set("cli", state)}: a map of args, so "state" before "type". */
    static String setCliState(String state) {
        return "{\"type\":\"set_catalog_state\",\"args\":{\"state\":" + state + ",\"type\":\"cli\"}}";
    }

    /**
     * The document {@code hasura metadata apply} builds from a fresh {@code hasura init} project plus two
     * tables: every metadata file, empty ones included, and keys sorted (Go re-encodes it from a map).
     */
    static String projectMetadata(boolean withRelationships) {
        String relationships = withRelationships
                ? ",\"array_relationships\":[{\"name\":\"articles\",\"using\":{\"foreign_key_constraint_on\":"
                + "{\"column\":\"author_id\",\"table\":{\"name\":\"article\",\"schema\":\"public\"}}}}]"
                : "";
        return "{\"actions\":[],\"allowlist\":[],\"api_limits\":{},\"backend_configs\":{},\"cron_triggers\":[],"
                + "\"custom_types\":{\"enums\":[],\"input_objects\":[],\"objects\":[],\"scalars\":[]},"
                + "\"graphql_schema_introspection\":{},\"inherited_roles\":[],\"metrics_config\":{},\"network\":{},"
                + "\"opentelemetry\":{},\"query_collections\":[],\"remote_schemas\":[],\"rest_endpoints\":[],"
                + "\"sources\":[{\"configuration\":{\"connection_info\":{\"database_url\":{\"from_env\":\"PG_DATABASE_URL\"},"
                + "\"isolation_level\":\"read-committed\",\"pool_settings\":{\"connection_lifetime\":600,\"idle_timeout\":180,"
                + "\"max_connections\":50,\"retries\":1},\"use_prepared_statements\":true}},\"kind\":\"postgres\","
                + "\"name\":\"default\",\"tables\":[{\"table\":{\"name\":\"article\",\"schema\":\"public\"}},"
                + "{" + (withRelationships ? relationships.substring(1) + "," : "")
                + "\"table\":{\"name\":\"author\",\"schema\":\"public\"}}]}],\"version\":3}";
    }

    static String withMissingTable() {
        return projectMetadata(false).replace("{\"table\":{\"name\":\"article\",\"schema\":\"public\"}}",
                "{\"table\":{\"name\":\"article\",\"schema\":\"public\"}},"
                        + "{\"table\":{\"name\":\"no_such_table\",\"schema\":\"public\"}}");
    }

    static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
