package junction.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import junction.readme.ReadmeExamples.Block;
import junction.readme.ReadmeExamples.Command;
import junction.test.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell example of README.md runs, in order, against one fresh {@code junction serve}, and
 * prints what the README shows.
 *
 * <p>The convention (see {@link ReadmeExamples} and the README's "Layout" section): each
 * {@code ```bash} block runs with {@code bash}, in README order, unless the line before its fence is
 * {@code <!-- not run: reason -->}; the {@code # } comment lines right under a command are what it
 * prints. A shown answer that is JSON is compared as JSON (key order and spacing aside); otherwise as
 * text, line by line, trailing spaces aside, where {@code …} stands for any text (also in JSON, which
 * is then compared as text). A command without a shown answer must exit 0 and must not print a
 * Hasura error (JSON with {@code error} or {@code errors}): an example that fails says so.
 *
 * <p>The blocks run in a directory whose {@code ./junction} starts this build's classes; the engine
 * is started as the README starts it ({@code junction serve}, an embedded PostgreSQL in a new data
 * directory), on free ports that stand in for the README's: {@code localhost:8080} (the engine),
 * {@code localhost:4000} and {@code --port 4000} (the example remote service), {@code 15432} (the
 * embedded PostgreSQL). Each block is one {@code bash} process, so a shell variable lives as long as
 * its block; the engine's state lives through the whole README, as in one terminal session.
 */
class ReadmeExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path README = Path.of("README.md");
    private static final Duration BLOCK_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static ChildJvm engine;
    private static int enginePort;
    private static int remotePort;
    private static int pgPort;

    @BeforeAll
    static void startEngine() throws Exception {
        enginePort = freePort();
        remotePort = freePort();
        pgPort = freePort();
        writeLauncher(dir.resolve("junction"));
        // the scripts the README calls (bench/mint-jwt.py), as in a checkout
        Files.createSymbolicLink(dir.resolve("bench"), Path.of("bench").toAbsolutePath());
        engine = ChildJvm.serve("--port", "" + enginePort, "--pg-port", "" + pgPort,
                "--data-dir", dir.resolve("data").toString());
        engine.awaitServing(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopAll() throws Exception {
        Path pids = dir.resolve("pids");
        if (Files.exists(pids)) { // what the blocks left running (the example service)
            for (String pid : Files.readAllLines(pids)) {
                ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ReadmeExamplesTest::stop);
            }
        }
        if (engine != null) {
            engine.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyShellExampleOfTheReadmePrintsWhatTheReadmeShows() throws IOException {
        ReadmeExamples readme = ReadmeExamples.parse(Files.readString(README));
        assertThat(readme.blocks()).as("bash blocks of README.md").isNotEmpty();
        return readme.blocks().stream()
                .filter(b -> b.notRun().isEmpty())
                .map(b -> DynamicTest.dynamicTest("README line " + b.line() + " (" + b.section() + ")", () -> run(b)));
    }

    private static void run(Block block) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out-" + block.line()));
        Ports ports = block.ownEngine() ? new Ports(freePort(), remotePort, freePort()) : new Ports(enginePort, remotePort, pgPort);
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < block.commands().size(); i++) {
            String file = out.resolve("" + i).toString();
            script.append("{\n").append(ports.apply(block.commands().get(i).text())).append("} >'").append(file)
                    .append(".out' 2>'").append(file).append(".err'\necho $? >'").append(file).append(".rc'\n");
        }
        if (block.ownEngine()) {
            // what the block started in the background (its engine, a hook): SIGTERM, and wait for the engine to stop its PostgreSQL
            script.append("kill $(jobs -p) 2>/dev/null\nwait\n");
        }
        Path scriptFile = out.resolve("block.sh");
        Files.writeString(scriptFile, script);
        ProcessBuilder builder = new ProcessBuilder("bash", scriptFile.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(out.resolve("bash.log").toFile());
        if (block.ownEngine()) {
            // its `./junction serve` takes the defaults: here they are a fresh data directory and free ports
            builder.environment().put("JUNCTION_DATA_DIR", out.resolve("data").toString());
            builder.environment().put("HASURA_GRAPHQL_SERVER_PORT", "" + ports.engine());
            builder.environment().put("JUNCTION_PG_PORT", "" + ports.postgres());
        }
        Process bash = builder.start();
        if (!bash.waitFor(BLOCK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            stop(bash.toHandle());
            throw new AssertionError("README line " + block.line() + ": the block did not end within " + BLOCK_TIMEOUT);
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < block.commands().size(); i++) {
            Command command = block.commands().get(i);
            String file = out.resolve("" + i).toString();
            String printed = read(Path.of(file + ".out"));
            String rc = read(Path.of(file + ".rc")).strip();
            check(command, printed, rc).ifPresent(problem -> failures.add("README line " + command.line() + ": " + problem
                    + "\n--- command:\n" + command.text() + "--- printed:\n" + printed
                    + "\n--- stderr:\n" + read(Path.of(file + ".err"))));
        }
        assertThat(failures).as("commands of the block at README line " + block.line()
                + (failures.isEmpty() ? "" : "; the engine's last output:\n" + tail(engine.output(), 40))).isEmpty();
    }

    /** What is wrong with a command's run, if anything. */
    static Optional<String> check(Command command, String printed, String rc) {
        if (!rc.equals("0")) {
            return Optional.of("exit status " + (rc.isEmpty() ? "unknown (not run)" : rc));
        }
        if (command.answer().isEmpty()) {
            return isError(printed) ? Optional.of("an error the README does not show") : Optional.empty();
        }
        String shown = new Ports(enginePort, remotePort, pgPort).apply(command.answer().get());
        return matches(shown, printed) ? Optional.empty() : Optional.of("printed not what the README shows:\n" + shown);
    }

    /** Whether {@code printed} is what {@code shown} shows: as JSON when both are, else as text with {@code …} for any text. */
    static boolean matches(String shown, String printed) {
        String text = normalize(printed);
        if (!shown.contains("…")) {
            Optional<JsonNode> expected = json(shown);
            if (expected.isPresent()) {
                return expected.equals(json(text));
            }
        }
        String[] parts = normalize(shown).split("…", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : "[\\s\\S]*?").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString()).matcher(text).matches();
    }

    /** A Hasura error envelope (or an array holding one). */
    static boolean isError(String printed) {
        Optional<JsonNode> node = json(printed);
        if (node.isEmpty()) {
            return false;
        }
        List<JsonNode> all = new ArrayList<>();
        if (node.get().isArray()) {
            node.get().forEach(all::add);
        } else {
            all.add(node.get());
        }
        return all.stream().anyMatch(n -> n.has("error") || n.has("errors"));
    }

    private static Optional<JsonNode> json(String text) {
        String t = text.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(t));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Without carriage returns and trailing spaces of lines, and without trailing newlines. */
    private static String normalize(String text) {
        return text.replace("\r", "").lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }

    /** The test's ports for the README's: the shared engine's, or those of a block that starts its own. */
    private record Ports(int engine, int remote, int postgres) {
        String apply(String text) {
            return text.replaceAll("(localhost:|127\\.0\\.0\\.1:|--port )8080\\b", "$1" + engine)
                    .replaceAll("(localhost:|127\\.0\\.0\\.1:|--port )4000\\b", "$1" + remote)
                    .replaceAll("\\b15432\\b", "" + postgres);
        }
    }

    /** {@code ./junction} for the blocks: this build's classes, its process id noted to be stopped after the test. */
    private static void writeLauncher(Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Files.writeString(file, "#!/usr/bin/env bash\necho $$ >> '" + dir.resolve("pids") + "'\n"
                + "exec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + classPath + "' junction.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void stop(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
