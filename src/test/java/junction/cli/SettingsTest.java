package junction.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import junction.execute.join.RemoteErrorMode;
import junction.remote.RemoteRetry;
import junction.server.ServerConfig;
import org.junit.jupiter.api.Test;

/** {@code junction serve}'s settings: flag, else the given environment's variable, else the default. */
class SettingsTest {

    private static ServeCommand serve(Map<String, String> environment, String... flags) {
        var commandLine = Main.commandLine(environment);
        String[] args = new String[flags.length + 1];
        args[0] = "serve";
        System.arraycopy(flags, 0, args, 1, flags.length);
        commandLine.parseArgs(args);
        return commandLine.getSubcommands().get("serve").getCommand();
    }

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> environment = Map.of(
                "HASURA_GRAPHQL_DATABASE_URL", "postgres://a/env",
                "HASURA_GRAPHQL_SERVER_PORT", "9001",
                "HASURA_GRAPHQL_PG_CONNECTIONS", "7",
                "HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES", "true",
                "JUNCTION_REMOTE_ERRORS", "partial");

        ServerConfig fromFlags = serve(environment, "--database-url", "postgres://b/flag", "--port", "9002",
                "--stringify-numeric-types=false", "--remote-errors", "hasura").settings(Optional.empty());
        ServerConfig fromEnvironment = serve(environment).settings(Optional.empty());
        ServerConfig defaults = serve(Map.of()).settings(Optional.of("postgres://embedded/postgres"));

        assertThat(fromFlags.databaseUrl()).contains("postgres://b/flag");
        assertThat(fromFlags.port()).isEqualTo(9002);
        assertThat(fromFlags.pgConnections()).isEqualTo(7);
        assertThat(fromFlags.stringifyNumericTypes()).isFalse();
        assertThat(fromFlags.remoteErrors()).isEqualTo(RemoteErrorMode.HASURA);

        assertThat(fromEnvironment.databaseUrl()).contains("postgres://a/env");
        assertThat(fromEnvironment.port()).isEqualTo(9001);
        assertThat(fromEnvironment.stringifyNumericTypes()).isTrue();
        assertThat(fromEnvironment.remoteErrors()).isEqualTo(RemoteErrorMode.PARTIAL);

        assertThat(defaults.databaseUrl()).contains("postgres://embedded/postgres");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.pgConnections()).isEqualTo(16);
        assertThat(defaults.maxBodyBytes()).isEqualTo(ServerConfig.DEFAULT_MAX_BODY_BYTES);
        assertThat(defaults.adminInternalErrors()).isTrue();
        assertThat(defaults.devMode()).isFalse();
        assertThat(defaults.remoteErrors()).isEqualTo(RemoteErrorMode.HASURA);
    }

    @Test
    void theConsoleIsOnWithTheEmbeddedDatabaseAndOffWithADatabaseUrlUnlessTold() {
        Map<String, String> url = Map.of("HASURA_GRAPHQL_DATABASE_URL", "postgres://a/db");
        assertThat(serve(Map.of()).settings(Optional.of("postgres://embedded/postgres")).console().enabled()).isTrue();
        assertThat(serve(url).settings(Optional.empty()).console().enabled()).isFalse();
        assertThat(serve(url, "--enable-console").settings(Optional.empty()).console().enabled()).isTrue();
        Map<String, String> urlAndOn = Map.of("HASURA_GRAPHQL_DATABASE_URL", "postgres://a/db", "HASURA_GRAPHQL_ENABLE_CONSOLE", "true");
        assertThat(serve(urlAndOn).settings(Optional.empty()).console().enabled()).isTrue();
        Map<String, String> off = Map.of("HASURA_GRAPHQL_ENABLE_CONSOLE", "false");
        assertThat(serve(off).settings(Optional.of("postgres://embedded/postgres")).console().enabled()).isFalse();
        assertThat(serve(off, "--enable-console=true").settings(Optional.of("postgres://embedded/postgres")).console().enabled()).isTrue();
    }

    @Test
    void aConsoleAssetsDirectoryWithoutIndexHtmlIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> serve(Map.of("HASURA_GRAPHQL_CONSOLE_ASSETS_DIR", dir.toString()))
                        .settings(Optional.empty()))
                .hasMessageContaining("has no index.html");
    }

    @Test
    void thePgDumpPathComesFromTheFlagElseTheEnvironmentElseIsLookedUp() {
        assertThat(serve(Map.of()).settings(Optional.empty()).pgDumpPath()).isEmpty();
        assertThat(serve(Map.of("JUNCTION_PG_DUMP_PATH", "/opt/pg/bin/pg_dump")).settings(Optional.empty()).pgDumpPath())
                .contains(java.nio.file.Path.of("/opt/pg/bin/pg_dump"));
        assertThat(serve(Map.of("JUNCTION_PG_DUMP_PATH", "/opt/pg/bin/pg_dump"), "--pg-dump-path", "/usr/bin/pg_dump")
                .settings(Optional.empty()).pgDumpPath()).contains(java.nio.file.Path.of("/usr/bin/pg_dump"));
    }

    @Test
    void remoteSchemaPermissionsAreOffUnlessTheFlagOrTheEnvironmentTurnsThemOn() {
        Map<String, String> on = Map.of("HASURA_GRAPHQL_ENABLE_REMOTE_SCHEMA_PERMISSIONS", "true");
        assertThat(serve(Map.of()).settings(Optional.empty()).remoteSchemaPermissions()).isFalse();
        assertThat(serve(on).settings(Optional.empty()).remoteSchemaPermissions()).isTrue();
        assertThat(serve(Map.of(), "--enable-remote-schema-permissions").settings(Optional.empty())
                .remoteSchemaPermissions()).isTrue();
        assertThat(serve(on, "--enable-remote-schema-permissions=false").settings(Optional.empty())
                .remoteSchemaPermissions()).isFalse();
    }

    @Test
    void theDefaultNamingConventionAndTheExperimentalFeaturesAreHasurasSettings() {
        ServerConfig defaults = serve(Map.of()).settings(Optional.empty());
        assertThat(defaults.namingConvention()).isEqualTo("hasura-default");
        assertThat(defaults.experimentalFeatures()).isEmpty();
        assertThat(defaults.namingConventions()).isFalse();
        Map<String, String> environment = Map.of("HASURA_GRAPHQL_DEFAULT_NAMING_CONVENTION", "graphql-default",
                "HASURA_GRAPHQL_EXPERIMENTAL_FEATURES", "inherited_roles, Naming_Convention");
        ServerConfig fromEnvironment = serve(environment).settings(Optional.empty());
        assertThat(fromEnvironment.namingConvention()).isEqualTo("graphql-default");
        assertThat(fromEnvironment.experimentalFeatures()).containsExactlyInAnyOrder("inherited_roles", "naming_convention");
        assertThat(fromEnvironment.namingConventions()).isTrue();
        ServerConfig fromFlags = serve(environment, "--default-naming-convention", "hasura-default",
                "--experimental-features", "inherited_roles").settings(Optional.empty());
        assertThat(fromFlags.namingConvention()).isEqualTo("hasura-default");
        assertThat(fromFlags.namingConventions()).isFalse();
        assertThatThrownBy(() -> serve(Map.of("HASURA_GRAPHQL_DEFAULT_NAMING_CONVENTION", "camelCase")).settings(Optional.empty()))
                .hasMessageContaining("naming_convention can either be \"hasura-default\" or \"graphql-default\"");
        assertThatThrownBy(() -> serve(Map.of("HASURA_GRAPHQL_EXPERIMENTAL_FEATURES", "naming_convention,warp")).settings(Optional.empty()))
                .hasMessageContaining("Only expecting list of comma separated experimental features");
    }

    @Test
    void functionPermissionsAreInferredUnlessTheFlagOrTheEnvironmentTurnsThatOff() {
        Map<String, String> off = Map.of("HASURA_GRAPHQL_INFER_FUNCTION_PERMISSIONS", "false");
        assertThat(serve(Map.of()).settings(Optional.empty()).inferFunctionPermissions()).isTrue();
        assertThat(serve(off).settings(Optional.empty()).inferFunctionPermissions()).isFalse();
        assertThat(serve(Map.of(), "--infer-function-permissions=false").settings(Optional.empty())
                .inferFunctionPermissions()).isFalse();
        assertThat(serve(off, "--infer-function-permissions").settings(Optional.empty())
                .inferFunctionPermissions()).isTrue();
    }

    @Test
    void theEmbeddedDatabasePortAndTheGracefulShutdownTimeoutAreSettingsToo() {
        Map<String, String> environment = Map.of("JUNCTION_PG_PORT", "25432", "HASURA_GRAPHQL_GRACEFUL_SHUTDOWN_TIMEOUT", "5");

        assertThat(serve(environment, "--pg-port", "35432").pgPort).isEqualTo(35432);
        assertThat(serve(environment, "--graceful-shutdown-timeout", "9").settings(Optional.empty()).gracefulShutdownSeconds())
                .isEqualTo(9);
        assertThat(serve(environment).pgPort).isEqualTo(25432);
        assertThat(serve(environment).settings(Optional.empty()).gracefulShutdownSeconds()).isEqualTo(5);
        assertThat(serve(Map.of()).pgPort).isEqualTo(15432);
        assertThat(serve(Map.of()).settings(Optional.empty()).gracefulShutdownSeconds()).isEqualTo(60);
    }

    @Test
    void anEmptyVariableIsUnsetAndTheEmbeddedDatabaseStartsOnlyWithoutAnyUrl() {
        assertThat(serve(Map.of("HASURA_GRAPHQL_DATABASE_URL", "")).needsEmbeddedDatabase()).isTrue();
        assertThat(serve(Map.of("HASURA_GRAPHQL_METADATA_DATABASE_URL", "postgres://m/db")).needsEmbeddedDatabase()).isFalse();
        assertThat(serve(Map.of(), "--database-url", "postgres://b/flag").needsEmbeddedDatabase()).isFalse();
    }

    @Test
    void corsAndEnabledApisAreReadAsHasuraReadsThem() {
        ServerConfig settings = serve(Map.of("HASURA_GRAPHQL_CORS_DOMAIN", "https://*.example.com, http://localhost:3000",
                "HASURA_GRAPHQL_ENABLED_APIS", "graphql,config")).settings(Optional.empty());
        assertThat(settings.cors().allows("https://app.example.com")).isTrue();
        assertThat(settings.cors().allows("https://example.com")).isFalse();
        assertThat(settings.enabledApis()).containsExactlyInAnyOrder(ServerConfig.Api.GRAPHQL, ServerConfig.Api.CONFIG);
        assertThat(serve(Map.of()).settings(Optional.empty()).cors()).isEqualTo(junction.server.CorsPolicy.ANY);
        assertThat(serve(Map.of("HASURA_GRAPHQL_DISABLE_CORS", "true")).settings(Optional.empty()).cors().disabled()).isTrue();
        assertThatThrownBy(() -> serve(Map.of("HASURA_GRAPHQL_CORS_DOMAIN", "nope")).settings(Optional.empty()))
                .hasMessageContaining("invalid domain: 'nope'");
    }

    @Test
    void logsAndTheMetricsSecretAreReadAsHasuraReadsThem() {
        ServerConfig settings = serve(Map.of("HASURA_GRAPHQL_ENABLED_LOG_TYPES", "startup, query-log",
                "HASURA_GRAPHQL_LOG_LEVEL", "warn", "HASURA_GRAPHQL_METRICS_SECRET", "s3cret")).settings(Optional.empty());
        assertThat(settings.logTypes()).containsExactlyInAnyOrder("startup", "query-log");
        assertThat(settings.logLevel()).isEqualTo(junction.observe.LogLevel.WARN);
        assertThat(settings.metricsSecret()).contains("s3cret");
        ServerConfig flags = serve(Map.of("HASURA_GRAPHQL_LOG_LEVEL", "warn"), "--log-level", "debug",
                "--enabled-log-types", "http-log").settings(Optional.empty());
        assertThat(flags.logLevel()).isEqualTo(junction.observe.LogLevel.DEBUG);
        assertThat(flags.logTypes()).containsExactly("http-log");
        ServerConfig defaults = serve(Map.of()).settings(Optional.empty());
        assertThat(defaults.logTypes()).containsExactlyInAnyOrder("startup", "http-log", "webhook-log", "websocket-log");
        assertThat(defaults.logLevel()).isEqualTo(junction.observe.LogLevel.INFO);
        assertThat(defaults.metricsSecret()).isEmpty();
        assertThat(defaults.enabledApis()).doesNotContain(ServerConfig.Api.METRICS);
        assertThatThrownBy(() -> serve(Map.of("HASURA_GRAPHQL_LOG_LEVEL", "loud")).settings(Optional.empty()))
                .hasMessageContaining("HASURA_GRAPHQL_LOG_LEVEL");
        assertThatThrownBy(() -> serve(Map.of("HASURA_GRAPHQL_ENABLED_LOG_TYPES", "startup,nope")).settings(Optional.empty()))
                .hasMessageContaining("unknown log type 'nope'");
    }

    @Test
    void thePlanCacheSizeIsASetting() {
        assertThat(serve(Map.of()).settings(Optional.empty()).planCacheSize()).isEqualTo(ServerConfig.DEFAULT_PLAN_CACHE_SIZE);
        assertThat(serve(Map.of("JUNCTION_PLAN_CACHE_SIZE", "500")).settings(Optional.empty()).planCacheSize()).isEqualTo(500);
        assertThat(serve(Map.of("JUNCTION_PLAN_CACHE_SIZE", "500"), "--plan-cache-size", "20").settings(Optional.empty())
                .planCacheSize()).isEqualTo(20);
        assertThatThrownBy(() -> serve(Map.of(), "--plan-cache-size", "0").settings(Optional.empty()))
                .hasMessageContaining("must be at least 1");
    }

    @Test
    void aProjectDirectoryIsReadFromHasurasCliMigrationsVariables() {
        assertThat(serve(Map.of()).settings(Optional.empty()).project().isEmpty()).isTrue();
        ServerConfig fromEnvironment = serve(Map.of("HASURA_GRAPHQL_METADATA_DIR", "/hasura-metadata",
                "HASURA_GRAPHQL_MIGRATIONS_DIR", "/hasura-migrations", "JUNCTION_ALLOW_INCONSISTENT_METADATA", "true"))
                .settings(Optional.empty());
        assertThat(fromEnvironment.project()).isEqualTo(new junction.server.ProjectSettings(Optional.of(java.nio.file.Path.of("/hasura-metadata")),
                Optional.of(java.nio.file.Path.of("/hasura-migrations")), true));
        ServerConfig fromFlags = serve(Map.of("HASURA_GRAPHQL_METADATA_DIR", "/hasura-metadata"),
                "--metadata-dir", "project/metadata", "--allow-inconsistent-metadata=false").settings(Optional.empty());
        assertThat(fromFlags.project().metadataDir()).contains(java.nio.file.Path.of("project/metadata"));
        assertThat(fromFlags.project().migrationsDir()).isEmpty();
        assertThat(fromFlags.project().allowInconsistentMetadata()).isFalse();
    }

    @Test
    void adminSecretsComeFromBothVariables() {
        ServerConfig settings = serve(Map.of("HASURA_GRAPHQL_ADMIN_SECRET", "one",
                "HASURA_GRAPHQL_ADMIN_SECRETS", "[\"two\", \"three\"]")).settings(Optional.empty());
        assertThat(settings.adminSecrets()).containsExactly("one", "two", "three");
    }

    @Test
    void metadataFromEnvSeesTheEnvironmentTheCommandLineWasGiven() {
        ServerConfig settings = serve(Map.of("USERS_URL", "http://users"), "--database-url", "postgres://b/flag")
                .settings(Optional.empty());
        assertThat(settings.env().get("USERS_URL")).contains("http://users");
        assertThat(settings.env().get("PATH")).isEmpty();
    }
    @Test
    void jwtAndWebhookSettingsAreParsedAndCheckedAtStart() {
        String key = "a-very-long-hmac-secret-of-32-characters-or-more!";
        ServerConfig jwt = serve(Map.of("HASURA_GRAPHQL_ADMIN_SECRET", "s",
                "HASURA_GRAPHQL_JWT_SECRET", "{\"type\": \"HS256\", \"key\": \"" + key + "\", \"audience\": \"app\"}",
                "HASURA_GRAPHQL_JWT_SECRETS", "[{\"jwk_url\": \"https://issuer.example/jwks.json\", \"issuer\": \"i2\"}]"))
                .settings(Optional.empty());
        assertThat(jwt.auth().jwtSecrets()).hasSize(2);
        assertThat(jwt.auth().jwtSecrets().get(0).audience()).containsExactly("app");
        assertThat(jwt.auth().jwtSecrets().get(1).jwkUrl()).isPresent();
        assertThat(jwt.auth().authHook()).isEmpty();

        ServerConfig hook = serve(Map.of("HASURA_GRAPHQL_ADMIN_SECRET", "s", "HASURA_GRAPHQL_AUTH_HOOK", "http://hook.local/auth",
                "HASURA_GRAPHQL_AUTH_HOOK_MODE", "post"), "--auth-hook-timeout", "2.5").settings(Optional.empty());
        assertThat(hook.auth().authHook()).get().satisfies(h -> {
            assertThat(h.mode()).isEqualTo(junction.session.AuthHook.Mode.POST);
            assertThat(h.timeout()).isEqualTo(java.time.Duration.ofMillis(2500));
        });
        assertThat(serve(Map.of()).settings(Optional.empty()).auth()).isEqualTo(junction.session.AuthConfig.NONE);

        assertThatThrownBy(() -> serve(Map.of("HASURA_GRAPHQL_ADMIN_SECRET", "s",
                "HASURA_GRAPHQL_JWT_SECRET", "{\"type\": \"HS256\", \"key\": \"too-short-key\"}")).settings(Optional.empty()))
                .hasMessage("--jwt-secret / HASURA_GRAPHQL_JWT_SECRET: Invalid JWK: Key size too small; should be atleast 32 characters")
                .hasMessageNotContaining("too-short-key");
        assertThatThrownBy(() -> serve(Map.of("HASURA_GRAPHQL_JWT_SECRET", "{\"type\": \"HS256\", \"key\": \"" + key + "\"}"))
                .settings(Optional.empty())).hasMessageContaining("Fatal Error : --jwt-secret (HASURA_GRAPHQL_JWT_SECRET) requires --admin-secret");
        assertThatThrownBy(() -> serve(Map.of("HASURA_GRAPHQL_ADMIN_SECRET", "s", "HASURA_GRAPHQL_AUTH_HOOK", "http://hook.local/auth",
                "HASURA_GRAPHQL_JWT_SECRET", "{\"type\": \"HS256\", \"key\": \"" + key + "\"}")).settings(Optional.empty()))
                .hasMessageContaining("Both webhook and JWT mode cannot be enabled at the same time");
        assertThatThrownBy(() -> serve(Map.of("HASURA_GRAPHQL_ADMIN_SECRET", "s", "HASURA_GRAPHQL_AUTH_HOOK", "http://hook.local/auth",
                "HASURA_GRAPHQL_AUTH_HOOK_MODE", "PUT")).settings(Optional.empty())).hasMessageContaining("the mode must be GET or POST");
    }

    @Test
    void remoteSchemaRetriesAreOnByDefaultAndSetInSeconds() {
        assertThat(serve(Map.of()).settings(Optional.empty()).remoteRetry()).isEqualTo(RemoteRetry.DEFAULT);
        assertThat(serve(Map.of("JUNCTION_REMOTE_SCHEMA_RETRY_SECONDS", "2", "JUNCTION_REMOTE_SCHEMA_RETRY_MAX_SECONDS", "30"))
                .settings(Optional.empty()).remoteRetry()).isEqualTo(RemoteRetry.ofSeconds(2, 30));
        assertThat(serve(Map.of("JUNCTION_REMOTE_SCHEMA_RETRY_SECONDS", "2"), "--remote-schema-retry-seconds", "0")
                .settings(Optional.empty()).remoteRetry().enabled()).isFalse();
        assertThatThrownBy(() -> serve(Map.of(), "--remote-schema-retry-seconds", "90").settings(Optional.empty()))
                .hasMessageContaining("JUNCTION_REMOTE_SCHEMA_RETRY_MAX_SECONDS");
    }
}
