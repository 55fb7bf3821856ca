package junction.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.json.Json;
import org.webjars.WebJarVersionLocator;

/**
 * The front-end libraries the console loads, as URLs under {@code /console/lib/}: React (the page's
 * components) and GraphiQL (the API tab), from the webjars on the classpath, whatever their version.
 */
final class ConsoleLibraries {
    private ConsoleLibraries() {
    }

    static ObjectNode urls() {
        WebJarVersionLocator locator = new WebJarVersionLocator();
        ObjectNode libs = Json.object();
        libs.put("react", url(locator, "react", "umd/react.production.min.js"));
        libs.put("reactDom", url(locator, "react-dom", "umd/react-dom.production.min.js"));
        libs.put("graphiql", url(locator, "graphiql", "graphiql.min.js"));
        libs.put("graphiqlCss", url(locator, "graphiql", "graphiql.min.css"));
        return libs;
    }

    private static String url(WebJarVersionLocator locator, String webjar, String file) {
        String path = locator.path(webjar, file);
        if (path == null) {
            throw new IllegalStateException("the console's library " + webjar + "/" + file + " is missing from the classpath");
        }
        return ConsoleRoutes.PATH + "/lib/" + path;
    }
}
