package junction.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.FileSystemHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

/**
 * {@code /console}: the page for every console route, its files under {@code /console/assets/} (from
 * the jar, or from {@code HASURA_GRAPHQL_CONSOLE_ASSETS_DIR}), and the front-end libraries it loads
 * (React, GraphiQL: webjars on the classpath) under {@code /console/lib/}. The console speaks only
 * the public HTTP API, as Hasura's does; nothing here reads or changes the engine.
 */
public final class ConsoleRoutes {
    /** Where the console's own files are in the jar. */
    static final String CLASSPATH_ROOT = "console";
    static final String PATH = "/console";

    private ConsoleRoutes() {
    }

    public static void register(HttpRouting.Builder routing, ConsoleSettings settings, ObjectNode pageConfig) {
        if (!settings.enabled()) {
            return;
        }
        ConsolePage page = ConsolePage.of(settings, pageConfig);
        routing.register(PATH + "/lib", StaticContentFeature.createService(
                ClasspathHandlerConfig.builder().location("META-INF/resources/webjars").build()));
        routing.register(PATH + "/assets", settings.assetsDir()
                .map(dir -> StaticContentFeature.createService(FileSystemHandlerConfig.builder().location(dir).build()))
                .orElseGet(() -> StaticContentFeature.createService(
                        ClasspathHandlerConfig.builder().location(CLASSPATH_ROOT).build())));
        Handler index = (req, res) -> {
            String path = req.path().path();
            if (path.startsWith(PATH + "/assets/") || path.startsWith(PATH + "/lib/")) {
                res.next(); // a missing file: the engine's 404
                return;
            }
            res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            res.send(page.bytes());
        };
        routing.get("/", (req, res) -> {
            res.status(Status.TEMPORARY_REDIRECT_307);
            res.header(HeaderNames.LOCATION, PATH);
            res.send();
        });
        routing.get(PATH, index).get(PATH + "/*", index);
    }
}
