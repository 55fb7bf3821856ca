package junction.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /console} over HTTP: served or not as the setting says, one page for every route, its files and libraries. */
class ConsoleRoutesTest {
    @Test
    void disabledConsoleIsNotFound() {
        try (EngineFixture engine = EngineFixture.start("console_off")) {
            Http.Response page = engine.http.get("/console");
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.json().path("code").asText()).isEqualTo("not-found");
            assertThat(engine.http.get("/console/assets/app.js").status()).isEqualTo(404);
        }
    }

    @Test
    void everyConsoleRouteAnswersThePageWithTheServersSettings() {
        try (EngineFixture engine = EngineFixture.start("console_on", c -> c.toBuilder()
                .console(ConsoleSettings.ENABLED).adminSecrets(java.util.List.of("s3cret")).build())) {
            for (String path : new String[] {"/console", "/console/data/default/schema/public", "/console/api/api-explorer"}) {
                Http.Response page = engine.http.get(path);
                assertThat(page.status()).as(path).isEqualTo(200);
                assertThat(page.header("content-type")).startsWith("text/html");
                assertThat(page.body()).contains("window.__junction = {").contains("\"adminSecretSet\":true")
                        .contains("/console/assets/app.js").doesNotContain("s3cret").doesNotContain(ConsolePage.CONFIG_MARK);
            }
            assertThat(engine.http.get("/console/assets/app.js").status()).isEqualTo(200);
            assertThat(engine.http.get("/console/assets/app.js").header("content-type")).contains("javascript");
            assertThat(engine.http.get("/console/assets/missing.js").status()).isEqualTo(404);
            String react = engine.http.get("/console").body().replaceAll("(?s).*<script src=\"(/console/lib/react/[^\"]+)\".*", "$1");
            assertThat(react).startsWith("/console/lib/react/").endsWith("react.production.min.js");
            assertThat(engine.http.get(react).status()).isEqualTo(200);
        }
    }

    @Test
    void anUnchangedAssetIsNotModified() throws Exception {
        try (EngineFixture engine = EngineFixture.start("console_etag", c -> c.toBuilder().console(ConsoleSettings.ENABLED).build())) {
            URI asset = URI.create("http://localhost:" + engine.engine.port() + "/console/assets/console.css");
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(asset).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(200);
            String etag = first.headers().firstValue("etag").orElseThrow();
            HttpResponse<String> again = client.send(HttpRequest.newBuilder(asset).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
    }

    @Test
    void rootRedirectsToTheConsole() throws Exception {
        try (EngineFixture engine = EngineFixture.start("console_root", c -> c.toBuilder().console(ConsoleSettings.ENABLED).build())) {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + engine.engine.port() + "/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(307);
            assertThat(answer.headers().firstValue("location")).contains("/console");
        }
    }

    @Test
    void anAssetsDirectoryReplacesTheConsolesFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.html"), "<html><!--junction-config--><p>custom console</p></html>");
        Files.writeString(dir.resolve("app.js"), "console.log('custom')");
        try (EngineFixture engine = EngineFixture.start("console_dir", c -> c.toBuilder()
                .console(new ConsoleSettings(true, Optional.of(dir))).build())) {
            assertThat(engine.http.get("/console/data").body()).contains("custom console").contains("window.__junction");
            assertThat(engine.http.get("/console/assets/app.js").body()).isEqualTo("console.log('custom')");
        }
    }

    @Test
    void aFileTheBrowserHasAlreadyIsNotModified() throws Exception {
        try (EngineFixture engine = EngineFixture.start("console_etag", c -> c.toBuilder().console(ConsoleSettings.ENABLED).build())) {
            Http.Response first = engine.http.get("/console/assets/app.js");
            String etag = first.header("etag");
            assertThat(etag).isNotEmpty();
            HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + engine.engine.port() + "/console/assets/app.js"))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
    }
}
