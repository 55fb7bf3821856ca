package junction.db;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import junction.error.ApiException;
import junction.error.Code;

/**
 * One run of {@code pg_dump} on a source's database, as Hasura's {@code /v1alpha1/pg_dump} runs it:
 * {@code pg_dump <url> --encoding=utf8 <opts>} as an argument list (never a shell), the password in
 * {@code PGPASSWORD} rather than on the command line. With {@code cleanOutput}, the lines Hasura
 * drops are dropped: blank lines, {@code --} comments, the preamble of {@code SET}s, {@code CREATE
 * SCHEMA public}, its comment, the triggers of Hasura's event triggers — and the {@code &#92;restrict} /
 * {@code &#92;unrestrict} lines of recent pg_dump releases, which are psql commands, not SQL.
 */
public final class PgDump {
    private static final Set<String> PREAMBLE = Set.of(
            "SET statement_timeout = 0;",
            "SET lock_timeout = 0;",
            "SET idle_in_transaction_session_timeout = 0;",
            "SET client_encoding = 'UTF8';",
            "SET standard_conforming_strings = on;",
            "SELECT pg_catalog.set_config('search_path', '', false);",
            "SET xmloption = content;",
            "SET client_min_messages = warning;",
            "SET row_security = off;",
            "SET default_tablespace = '';",
            "SET default_with_oids = false;",
            "SET default_table_access_method = heap;",
            "CREATE SCHEMA public;",
            "COMMENT ON SCHEMA public IS 'standard public schema';");
    private static final Pattern EVENT_TRIGGER = Pattern.compile(
            "^CREATE TRIGGER \"?notify_hasura_.+\"? AFTER [A-Za-z0-9]+ ON .+ FOR EACH ROW EXECUTE (FUNCTION|PROCEDURE) "
                    + "\"?hdb_catalog\"?\\.\"?notify_hasura_.+\"?\\(\\);$");
    private static final long TIMEOUT_MINUTES = 10;

    private PgDump() {
    }

    /** The dump of {@code databaseUrl} ({@code postgres://…}) with the checked {@code args}. */
    public static String run(PgDumpBinary binary, String databaseUrl, List<String> args, boolean cleanOutput) {
        URI uri = uri(databaseUrl);
        List<String> command = new ArrayList<>(List.of(binary.path().toString(), withoutPassword(uri), "--encoding=utf8"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        password(uri).ifPresent(p -> builder.environment().put("PGPASSWORD", p));
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            Thread stderr = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), errors));
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw failed("pg_dump did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            stderr.join();
            if (process.exitValue() != 0) {
                throw failed(errors.toString(StandardCharsets.UTF_8).strip());
            }
            String dump = new String(out, StandardCharsets.UTF_8);
            return cleanOutput ? clean(dump) : dump;
        } catch (IOException e) {
            throw ApiException.of(Code.UNEXPECTED, "internal exception while executing pg_dump")
                    .withInternal(JsonNodeFactory.instance.textNode(String.valueOf(e.getMessage()))).withStatus(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted");
        }
    }

    /** The lines Hasura keeps, each ended by a newline. */
    public static String clean(String dump) {
        StringBuilder kept = new StringBuilder();
        for (String line : dump.split("\n", -1)) {
            if (!line.isBlank() && !line.startsWith("--") && !PREAMBLE.contains(line) && !EVENT_TRIGGER.matcher(line).matches()
                    && !line.startsWith("\\restrict ") && !line.startsWith("\\unrestrict ")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static ApiException failed(String stderr) {
        return ApiException.of(Code.UNEXPECTED, "error while executing pg_dump")
                .withInternal(JsonNodeFactory.instance.textNode(stderr)).withStatus(500);
    }

    private static URI uri(String databaseUrl) {
        if (!databaseUrl.startsWith("postgres://") && !databaseUrl.startsWith("postgresql://")) {
            throw ApiException.of(Code.NOT_SUPPORTED, "pg_dump needs the source's database URL as postgres://…");
        }
        try {
            return URI.create(databaseUrl);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(Code.NOT_SUPPORTED, "the source's database URL is not a valid URI");
        }
    }

    private static String withoutPassword(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || !userInfo.contains(":")) {
            return uri.toString();
        }
        String user = userInfo.substring(0, userInfo.indexOf(':'));
        return uri.toString().replaceFirst(Pattern.quote(userInfo + "@"), java.util.regex.Matcher.quoteReplacement(user + "@"));
    }

    private static java.util.Optional<String> password(URI uri) {
        String userInfo = uri.getUserInfo();
        if (userInfo == null || !userInfo.contains(":")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(userInfo.substring(userInfo.indexOf(':') + 1));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process is gone; what it wrote is kept
        }
    }
}
