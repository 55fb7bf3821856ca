package junction.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Settings in a real Chromium: an unreachable remote schema shown in the banner and the inconsistent
 * objects list, then dropped; export (a downloaded file), import (replace_metadata, its error shown),
 * reload and clear.
 */
class ConsoleSettingsBrowserTest {
    static final String DEAD_REMOTE = """
            {"type": "replace_metadata", "args": {"allow_inconsistent_metadata": true, "metadata": {"version": 3,
              "sources": [{"name": "default", "kind": "postgres", "tables": [{"table": {"schema": "public", "name": "book"}}],
                "configuration": {"connection_info": {"database_url": {"from_env": "HASURA_GRAPHQL_DATABASE_URL"}}}}],
              "remote_schemas": [{"name": "gone", "definition": {"url": "http://127.0.0.1:9/graphql", "timeout_seconds": 3}}]}}}""";
    static EngineFixture engine;
    static Browser browser;
    static Path downloads;

    @BeforeAll
    static void start() throws IOException {
        engine = EngineFixture.start("console_settings", c -> c.toBuilder().console(ConsoleSettings.ENABLED).build());
        engine.runSqlOk("CREATE TABLE book (id int PRIMARY KEY, title text)");
        downloads = Files.createTempDirectory("console-downloads");
        browser = Browser.open("http://localhost:" + engine.engine.port());
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterAll
    static void stop() {
        browser.close();
        engine.close();
    }

    @Test
    void anUnreachableRemoteSchemaIsShownInTheBannerAndTheListThenDropped() {
        engine.metadataOk(DEAD_REMOTE);
        browser.go("/console/data");
        browser.waitForText("inconsistency-banner", "1 inconsistent object");
        browser.click("inconsistency-banner-link");
        assertThat(browser.path()).isEqualTo("/console/settings/metadata-status");
        String row = browser.waitForText("inconsistent-gone", "remote_schema");
        assertThat(row).contains("gone", "HTTP exception occurred while sending the request to http://127.0.0.1:9/graphql");
        browser.screenshot("settings-metadata-status");

        browser.click("status-reload");
        assertThat(browser.waitForText("settings-status", "reloaded")).contains("1 inconsistent object");
        browser.find("inconsistent-gone");

        browser.click("drop-inconsistent");
        browser.find("drop-inconsistent-question");
        browser.click("drop-inconsistent-confirm");
        browser.find("metadata-consistent");
        browser.waitGone("inconsistency-banner");
        JsonNode exported = engine.export();
        assertThat(exported.path("remote_schemas").size()).isZero();
        assertThat(exported.path("sources").get(0).path("tables").size()).isEqualTo(1);
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void exportsImportsReloadsAndClearsTheMetadata() throws IOException {
        engine.metadataOk("{\"type\": \"clear_metadata\", \"args\": {}}");
        engine.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"book\"}}");
        browser.go("/console/settings/metadata-actions");
        browser.click("export-metadata");
        assertThat(browser.waitForText("settings-status", "exported")).contains("Metadata exported");
        Path file = downloaded();
        JsonNode doc = Json.parse(Files.readString(file));
        assertThat(doc).isEqualTo(engine.export());
        browser.screenshot("settings-metadata-actions");

        // clear, with a confirmation first
        browser.click("clear-metadata").click("clear-metadata-cancel");
        assertThat(engine.export().path("sources").get(0).path("tables").size()).isEqualTo(1);
        browser.click("clear-metadata").click("clear-metadata-confirm");
        browser.waitForText("settings-status", "Metadata cleared");
        assertThat(engine.export().path("sources").get(0).path("tables").size()).isZero();

        // import the exported file back
        browser.find("import-metadata-file").sendKeys(file.toAbsolutePath().toString());
        assertThat(browser.waitForText("settings-status", "replaced")).contains("Metadata replaced from " + file.getFileName());
        assertThat(engine.export()).isEqualTo(doc);

        // a file the server refuses: its error is shown, nothing changes
        Path bad = Files.writeString(downloads.resolve("bad.json"), Files.readString(file).replace("\"book\"", "\"no_such_table\""));
        browser.find("import-metadata-file").sendKeys(bad.toString());
        assertThat(browser.waitForText("import-error", "inconsistent metadata")).contains("cannot continue due to inconsistent metadata");
        assertThat(browser.find("import-error-reasons").getText()).contains("table", "no such table/view exists in source: \"no_such_table\"");
        assertThat(engine.export()).isEqualTo(doc);
        Path notJson = Files.writeString(downloads.resolve("notjson.json"), "{ nope");
        browser.find("import-metadata-file").sendKeys(notJson.toString());
        assertThat(browser.waitForText("import-error", "not valid JSON")).contains("notjson.json");

        // reload, with the remote schemas
        browser.click("reload-remote-schemas").click("reload-metadata");
        assertThat(browser.waitForText("settings-status", "reloaded")).contains("Metadata reloaded with the remote schemas");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    /** The exported file, once Chromium has finished writing it. */
    static Path downloaded() {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(p -> p.getFileName().toString().matches("hasura_metadata_\\d+\\.json")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }
}
