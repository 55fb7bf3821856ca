package junction.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.console.ConsoleRoutes;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.ErrorEnvelope;
import junction.json.Json;
import junction.server.ServerConfig.Api;

/** Every route of the engine, shared by {@code junction serve} and the tests. */
final class Routes {
    static final String VERSION = "v2.48.0-junction";

    private Routes() {
    }

    static void register(HttpRouting.Builder routing, Engine engine) {
        ServerConfig config = engine.config();
        routing.addFilter(new AccessLog(engine.log(), engine.metrics()));
        routing.addFilter(new Cors(config.cors()));
        HealthHandler health = new HealthHandler(engine);
        routing.get("/healthz", health)
                .get("/hasura/healthz", health)
                .get("/v1/version", (req, res) -> {
                    res.header(HeaderNames.CONTENT_TYPE, "application/json");
                    res.send(Json.bytes(Json.object().put("version", VERSION)));
                });
        if (config.enabledApis().contains(Api.METRICS)) {
            routing.get("/v1/metrics", new MetricsHandler(engine.metrics(), config.metricsSecret()));
        }
        if (config.enabledApis().contains(Api.CONFIG)) {
            routing.get("/v1alpha1/config", new AdminHandler(engine.sessions(), config, new ConfigHandler(config)));
        }
        if (config.enabledApis().contains(Api.GRAPHQL)) {
            routing.post("/v1/graphql", engine.graphql()::graphql)
                    .post("/v1beta1/relay", engine.graphql()::relay);
        }
        if (config.enabledApis().contains(Api.METADATA)) {
            routing.post("/v1/graphql/explain", engine.graphql()::explain)
                    .post("/v1/metadata", AdminHandler.json(engine.sessions(), config, engine.metadata()::execute))
                    .post("/v2/query", AdminHandler.json(engine.sessions(), config, engine.runSql()::execute))
                    .post("/v1/query", AdminHandler.json(engine.sessions(), config, engine.legacyQuery()::execute));
        }
        if (config.enabledApis().contains(Api.PGDUMP)) {
            routing.post("/v1alpha1/pg_dump", new AdminHandler(engine.sessions(), config, new PgDumpHandler(engine)));
        }
        ConsoleRoutes.register(routing, config.console(), consolePageConfig(config));
        routing.any((req, res) -> Exchange.json(res, 404, ErrorEnvelope.metadataBytes(
                        ApiException.of(Code.NOT_FOUND, "resource does not exist").withStatus(404), false)))
                .error(Throwable.class, Failures.lastResort(config));
    }

    /** What the console's page is told of the server: nothing secret, only what changes its screens. */
    private static ObjectNode consolePageConfig(ServerConfig config) {
        ObjectNode page = Json.object();
        page.put("version", VERSION);
        page.put("adminSecretSet", !config.adminSecrets().isEmpty());
        page.put("remoteSchemaPermissions", config.remoteSchemaPermissions());
        return page;
    }
}
