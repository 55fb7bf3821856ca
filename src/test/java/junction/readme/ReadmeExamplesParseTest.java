package junction.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import junction.readme.ReadmeExamples.Block;
import junction.readme.ReadmeExamples.Command;
import org.junit.jupiter.api.Test;

/** The convention {@link ReadmeExamplesTest} reads the README with, on small examples. */
class ReadmeExamplesParseTest {

    @Test
    void theCommentLinesRightUnderACommandAreItsAnswerAndOthersOnlyExplain() {
        List<Command> commands = ReadmeExamples.commands(List.of(
                "# explains",
                "curl -s a -d '{\"sql\":",
                "  \"x # not a comment\"}'",
                "# {\"a\": 1}",
                "# and more",
                "",
                "# explains too",
                "./junction example users-service --port 4000 &   # trailing",
                "curl b \\",
                "  -H c"), 10);
        assertThat(commands).extracting(Command::line).containsExactly(11, 17, 18);
        assertThat(commands.get(0).text()).isEqualTo("curl -s a -d '{\"sql\":\n  \"x # not a comment\"}'\n");
        assertThat(commands.get(0).answer()).contains("{\"a\": 1}\nand more");
        assertThat(commands.get(1).answer()).isEmpty();
        assertThat(commands.get(2).text()).isEqualTo("curl b \\\n  -H c\n");
    }

    @Test
    void onlyBashBlocksAreRunAndAMarkerBeforeTheFenceSaysWhyOneIsNot() {
        ReadmeExamples readme = ReadmeExamples.parse(String.join("\n",
                "## One", "<!-- not run: starts the engine -->", "```bash", "./junction serve", "```",
                "## Two", "```json", "{}", "```", "```bash", "curl x", "# OK", "```"));
        assertThat(readme.blocks()).extracting(Block::line, Block::section, Block::notRun).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "One", Optional.of("starts the engine")),
                org.assertj.core.groups.Tuple.tuple(10, "Two", Optional.empty()));
        assertThat(readme.blocks().get(1).commands()).containsExactly(new Command(11, "curl x\n", Optional.of("OK")));
    }

    @Test
    void aShownAnswerIsComparedAsJsonWhenItIsJsonElseAsTextWithAnEllipsisForAnyText() {
        assertThat(ReadmeExamplesTest.matches("{\"a\": 1, \"b\": [2]}", "{\"a\":1,\"b\":[2]}\n")).isTrue();
        assertThat(ReadmeExamplesTest.matches("{\"a\": 1}", "{\"a\":2}")).isFalse();
        assertThat(ReadmeExamplesTest.matches("{\"version\":…}", "{\"version\":\"v2.48.0\"}")).isTrue();
        assertThat(ReadmeExamplesTest.matches("HTTP/1.1 204 No Content", "HTTP/1.1 204 No Content\r\n")).isTrue();
        assertThat(ReadmeExamplesTest.matches("OK", "WARN")).isFalse();
    }

    @Test
    void aCommandWithoutAShownAnswerFailsWhenItPrintsAnErrorOrExitsNonZero() {
        Command silent = new Command(1, "curl x\n", Optional.empty());
        assertThat(ReadmeExamplesTest.check(silent, "{\"path\":\"$\",\"error\":\"no\",\"code\":\"invalid-json\"}", "0")).isPresent();
        assertThat(ReadmeExamplesTest.check(silent, "[{\"message\":\"success\"},{\"errors\":[]}]", "0")).isPresent();
        assertThat(ReadmeExamplesTest.check(silent, "", "7")).isPresent();
        assertThat(ReadmeExamplesTest.check(silent, "{\"message\":\"success\"}", "0")).isEmpty();
    }
}
