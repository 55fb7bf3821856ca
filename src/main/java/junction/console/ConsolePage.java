package junction.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import junction.json.Json;

/**
 * The console's one HTML page, answered for every {@code /console/...} route (the front end routes
 * by path), with the server's settings the page needs (is an admin secret set, the version, …)
 * written into it as {@code window.__junction}. No settings value is ever a secret.
 */
final class ConsolePage {
    static final String CONFIG_MARK = "<!--junction-config-->";
    private final byte[] bytes;

    private ConsolePage(byte[] bytes) {
        this.bytes = bytes;
    }

    static ConsolePage of(ConsoleSettings settings, ObjectNode pageConfig) {
        String template = template(settings);
        if (!template.contains(CONFIG_MARK)) {
            throw new IllegalStateException("the console's index.html has no " + CONFIG_MARK + " line");
        }
        ObjectNode config = pageConfig.deepCopy();
        ObjectNode libs = ConsoleLibraries.urls();
        config.set("libs", libs);
        // "<" escaped so that no value can close the script element
        String json = Json.write(config).replace("<", "\\u003c");
        String head = "<script>window.__junction = " + json + ";</script>\n"
                + "<script src=\"" + libs.get("react").asText() + "\"></script>\n"
                + "<script src=\"" + libs.get("reactDom").asText() + "\"></script>";
        String page = template.replace(CONFIG_MARK, head);
        return new ConsolePage(page.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        return bytes;
    }

    private static String template(ConsoleSettings settings) {
        try {
            Optional<java.nio.file.Path> dir = settings.assetsDir();
            if (dir.isPresent()) {
                return Files.readString(dir.get().resolve("index.html"), StandardCharsets.UTF_8);
            }
            try (InputStream in = ConsolePage.class.getResourceAsStream("/" + ConsoleRoutes.CLASSPATH_ROOT + "/index.html")) {
                if (in == null) {
                    throw new IllegalStateException("the console's index.html is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's index.html: " + e.getMessage(), e);
        }
    }
}
