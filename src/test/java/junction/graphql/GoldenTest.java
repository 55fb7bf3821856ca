package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import junction.json.Json;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases: each folder under {@code src/test/resources/golden} holds {@code setup.sql},
 * {@code metadata.json} (a metadata API request), {@code request.graphql}, optional
 * {@code variables.json}, and the expected {@code expected.json} answer and {@code expected.sql}
 * (the SQL of each root field, from explain). Run with {@code -Dgolden.update=true} to rewrite the
 * expected files, then review the diff.
 */
class GoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    static EngineFixture engine;
    static JsonNode empty;

    @BeforeAll
    static void start() {
        engine = EngineFixture.start("golden");
        empty = engine.exportWithVersion().get("metadata");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenCaseAnswersAsRecorded() throws IOException {
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(ROOT)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(dir)));
    }

    private static void run(Path dir) {
        engine.metadataOk(Json.write(Json.object().put("type", "replace_metadata").set("args", empty)));
        engine.runSqlOk("drop schema if exists public cascade; create schema public;\n" + read(dir.resolve("setup.sql")));
        engine.metadataOk(read(dir.resolve("metadata.json")));
        String query = read(dir.resolve("request.graphql"));
        Path variablesFile = dir.resolve("variables.json");
        String variables = Files.exists(variablesFile) ? read(variablesFile) : null;
        JsonNode answer = engine.gql(query, variables, null);
        check(dir.resolve("expected.json"), answer.toPrettyString());
        if (!answer.has("errors") && !query.stripLeading().startsWith("mutation")) {
            check(dir.resolve("expected.sql"), explain(query, variables));
        }
    }

    private static String explain(String query, String variables) {
        var request = Json.object().put("query", query);
        if (variables != null) {
            request.set("variables", Json.parse(variables));
        }
        var r = engine.http.post("/v1/graphql/explain", Json.write(Json.object().set("query", request)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        StringBuilder out = new StringBuilder();
        for (JsonNode field : r.json()) {
            out.append("-- ").append(field.get("field").asText()).append('\n').append(field.get("sql").asText()).append("\n");
        }
        return out.toString();
    }

    private static void check(Path expected, String actual) {
        if (UPDATE || !Files.exists(expected)) {
            write(expected, actual.endsWith("\n") ? actual : actual + "\n");
            return;
        }
        String want = read(expected);
        if (expected.toString().endsWith(".json")) {
            assertThat(Json.parse(actual)).as(expected.toString()).isEqualTo(Json.parse(want));
        } else {
            assertThat(actual.strip()).as(expected.toString()).isEqualTo(want.strip());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
