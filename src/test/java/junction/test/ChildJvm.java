package junction.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM started with this test's class path running one main class (usually {@code junction serve}
 * through {@code junction.cli.Main}), its output (stdout and stderr) collected line by line, so a
 * test can wait for a line, signal or kill the process, and read its exit code.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving on http://[^:]+:(\\d+)");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private volatile boolean outputEnded;

    private ChildJvm(Process process) {
        this.process = process;
        Thread.ofVirtual().name("child-output").start(this::collect);
    }

    /** {@code mainClass args…} with the given variables added to (or, for an empty value, removed from) the environment. */
    public static ChildJvm start(Map<String, String> environment, String mainClass, String... args) throws IOException {
        // C1 only and the serial collector: a short-lived child starts sooner and takes less of a small machine
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return new ChildJvm(builder.start());
    }

    /** {@code junction serve args…}. */
    public static ChildJvm serve(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        return start(Map.of(), "junction.cli.Main", all.toArray(String[]::new));
    }

    /** Waits for the line saying where {@code serve} listens; returns that port. */
    public int awaitServing(Duration timeout) throws InterruptedException {
        return Integer.parseInt(awaitLine(SERVING, timeout).group(1));
    }

    /** Waits for a line matching {@code pattern}; fails with the output so far if the process ends or time runs out. */
    public Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    Matcher m = pattern.matcher(lines.get(seen));
                    if (m.find()) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && seen == lines.size() && outputEnded) {
                    throw new AssertionError("no line matching " + pattern + " from the child; its output:\n" + output());
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 200_000_000L))));
            }
        }
    }

    /** Waits for the process to end; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child did not end within " + timeout + "; its output:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGTERM. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL, and waits until it is gone: nothing of it gets to clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void collect() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            outputEnded = true;
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }
}
