package junction.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.server.ServerConfig.Api;
import junction.session.JwtInfo;
import junction.session.Session;

/**
 * {@code GET /v1alpha1/config} (API group {@code config}): the server's settings as Hasura's
 * {@code ServerConfig} answer, for the admin only. Hasura's CLI reads {@code console_assets_dir} at
 * start-up; the console reads the rest. Junction has no allow list, live or streaming subscriptions
 * options or feature flags to set: it answers Hasura's defaults for them.
 */
final class ConfigHandler implements AdminHandler.Call {
    private final ServerConfig config;

    ConfigHandler(ServerConfig config) {
        this.config = config;
    }

    @Override
    public void answer(ServerRequest request, ServerResponse response, Session session) {
        if (!session.isAdmin()) {
            throw ApiException.of(Code.ACCESS_DENIED, "You have to be an admin to access this endpoint");
        }
        Exchange.json(response, 200, Json.bytes(answer()));
    }

    ObjectNode answer() {
        ObjectNode out = Json.object();
        out.put("version", Routes.VERSION);
        out.put("is_function_permissions_inferred", true);
        out.put("is_remote_schema_permissions_enabled", config.remoteSchemaPermissions());
        out.put("is_admin_secret_set", !config.adminSecrets().isEmpty());
        out.put("is_auth_hook_set", config.auth().authHook().isPresent());
        out.put("is_jwt_set", !config.auth().jwtSecrets().isEmpty());
        ArrayNode jwt = out.putArray("jwt");
        config.auth().jwtSecrets().forEach(secret -> jwt.add(JwtInfo.of(secret)));
        out.put("is_allow_list_enabled", false);
        out.set("live_queries", subscriptionDefaults());
        out.set("streaming_queries", subscriptionDefaults());
        config.console().assetsDir().ifPresentOrElse(dir -> out.put("console_assets_dir", dir.toString()),
                () -> out.putNull("console_assets_dir"));
        ArrayNode experimental = out.putArray("experimental_features");
        config.experimentalFeatures().stream().sorted().forEach(experimental::add);
        out.put("is_prometheus_metrics_enabled", config.enabledApis().contains(Api.METRICS));
        out.put("default_naming_convention", config.namingConvention());
        out.putArray("feature_flags");
        out.put("is_apollo_federation_enabled", false);
        return out;
    }

    /** Hasura's defaults: 100 cohorts a batch, refetched every second. */
    private static ObjectNode subscriptionDefaults() {
        return Json.object().put("batch_size", 100).put("refetch_delay", 1);
    }
}
