package junction.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import junction.test.EngineFixture;
import junction.test.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's shell in a real Chromium: sign-in with the admin secret, navigation, no script errors. */
class ConsoleShellBrowserTest {
    static EngineFixture engine;
    static Browser browser;

    @BeforeAll
    static void start() {
        engine = EngineFixture.start("console_shell", c -> c.toBuilder()
                .console(ConsoleSettings.ENABLED).adminSecrets(List.of("s3cret")).build());
        browser = Browser.open("http://localhost:" + engine.engine.port());
    }

    @AfterAll
    static void stop() {
        browser.close();
        engine.close();
    }

    @Test
    void signsInWithTheAdminSecretAndNavigates() {
        browser.go("/console/data");
        browser.find("login");
        browser.type("admin-secret", "wrong").click("login-submit");
        assertThat(browser.waitForText("login-error", "Invalid admin secret")).contains("Invalid admin secret");
        browser.type("admin-secret", "s3cret").click("login-submit");
        browser.find("nav-data");
        browser.find("schema-page"); // /data opens the first source's public schema, as Hasura's console
        assertThat(browser.path()).isEqualTo("/console/data/default/schema/public");
        assertThat(browser.script("return sessionStorage.getItem('junction-admin-secret')")).isEqualTo("s3cret");
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
        browser.click("nav-settings");
        assertThat(browser.path()).startsWith("/console/settings");
        browser.driver.navigate().back();
        assertThat(browser.path()).isEqualTo("/console/data/default/schema/public");
        browser.screenshot("shell");
        assertThat(browser.scriptErrors()).isEmpty();
    }
}
