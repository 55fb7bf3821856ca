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
 * {@code variables.json}, optional {@code permissions.json} (table name → its {@code select_permissions},
 * set by replacing the metadata) and {@code session.json} (the request's {@code x-hasura-*} headers,
 * the explain's {@code user}), and the expected {@code expected.json} answer and {@code expected.sql}
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
        Path permissionsFile = dir.resolve("permissions.json");
        if (Files.exists(permissionsFile)) {
            java.util.Map<String, String> byTable = new java.util.HashMap<>();
            Json.parse(read(permissionsFile)).fields().forEachRemaining(e -> byTable.put(e.getKey(), Json.write(e.getValue())));
            Blog.selectPermissions(engine, byTable);
        }
        String query = read(dir.resolve("request.graphql"));
        Path variablesFile = dir.resolve("variables.json");
        String variables = Files.exists(variablesFile) ? read(variablesFile) : null;
        Path sessionFile = dir.resolve("session.json");
        JsonNode session = Files.exists(sessionFile) ? Json.parse(read(sessionFile)) : null;
        JsonNode answer = session == null ? engine.gql(query, variables, null) : gqlAs(session, query, variables);
        check(dir.resolve("expected.json"), answer.toPrettyString());
        if (!answer.has("errors") && !query.stripLeading().startsWith("mutation")) {
            check(dir.resolve("expected.sql"), explain(query, variables, session));
        }
    }

    private static JsonNode gqlAs(JsonNode session, String query, String variables) {
        var body = Json.object().put("query", query);
        if (variables != null) {
            body.set("variables", Json.parse(variables));
        }
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        session.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        var r = engine.http.post("/v1/graphql", Json.write(body), headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String explain(String query, String variables, JsonNode session) {
        var request = Json.object().put("query", query);
        if (variables != null) {
            request.set("variables", Json.parse(variables));
        }
        var explain = Json.object().<com.fasterxml.jackson.databind.node.ObjectNode>set("query", request);
        if (session != null) {
            explain.set("user", session);
        }
        var r = engine.http.post("/v1/graphql/explain", Json.write(explain));
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
