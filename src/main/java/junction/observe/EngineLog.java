package junction.observe;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import junction.json.Json;

/**
 * The engine's structured log, in Hasura's shape: one JSON object a line,
 * {@code {"type", "timestamp", "level", "detail"}}, on stdout (tests give another sink). A type of
 * {@link #CONFIGURABLE} is written only when enabled ({@code HASURA_GRAPHQL_ENABLED_LOG_TYPES});
 * the others (such as {@code metadata}) always are; every line must reach the level
 * ({@code HASURA_GRAPHQL_LOG_LEVEL}). The per-request lines ({@code http-log}, {@code query-log}) go
 * out in batches, a few milliseconds after their request ({@link LineWriter}); the others at once.
 */
public final class EngineLog implements AutoCloseable {
    public static final String STARTUP = "startup";
    public static final String HTTP = "http-log";
    public static final String QUERY = "query-log";
    public static final String METADATA = "metadata";
    /** The types {@code HASURA_GRAPHQL_ENABLED_LOG_TYPES} may name; Junction writes no webhook or websocket logs yet. */
    public static final Set<String> CONFIGURABLE = Set.of(STARTUP, HTTP, "webhook-log", "websocket-log", QUERY);
    /** Hasura's default. */
    public static final Set<String> DEFAULT_TYPES = Set.of(STARTUP, HTTP, "webhook-log", "websocket-log");

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Set<String> enabled;
    private final LogLevel level;
    private final LineWriter lines;
    private volatile Stamp stamp = new Stamp(-1, "");

    public EngineLog(Set<String> enabled, LogLevel level, OutputStream sink) {
        this.enabled = Set.copyOf(enabled);
        this.level = level;
        this.lines = new LineWriter(sink);
    }

    /** Reads a comma-separated list of log types; an unknown one is refused. */
    public static Set<String> types(String list) {
        Set<String> types = new LinkedHashSet<>();
        for (String t : list.split(",")) {
            String type = t.trim().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                continue;
            }
            if (!CONFIGURABLE.contains(type)) {
                throw new IllegalArgumentException("unknown log type '" + type + "'; expected some of " + CONFIGURABLE);
            }
            types.add(type);
        }
        return types;
    }

    /** Whether a line of this type and level would be written: check before building its detail. */
    public boolean enabled(String type, LogLevel at) {
        return at.compareTo(level) >= 0 && (enabled.contains(type) || !CONFIGURABLE.contains(type));
    }

    /** A line's {@code detail}, written straight to the line (no tree built): what the hot path logs. */
    @FunctionalInterface
    public interface Detail {
        void write(JsonGenerator json) throws IOException;
    }

    /** Writes one line when {@link #enabled}. */
    public void write(String type, LogLevel at, JsonNode detail) {
        write(type, at, json -> Json.MAPPER.writeTree(json, detail));
    }

    /** Writes one line when {@link #enabled}, its detail an object {@code detail} writes. */
    public void write(String type, LogLevel at, Detail detail) {
        if (!enabled(type, at)) {
            return;
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeStringField("timestamp", timestamp());
            json.writeStringField("level", at.label());
            json.writeFieldName("detail");
            detail.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line.write('\n');
        if (type.equals(HTTP) || type.equals(QUERY)) {
            lines.write(line.toByteArray());
        } else {
            lines.writeNow(line.toByteArray());
        }
    }

    /** The time now as Hasura writes it, formatted once per millisecond (lines of the same millisecond share it). */
    private String timestamp() {
        long now = System.currentTimeMillis();
        Stamp last = stamp;
        if (last.millis() != now) {
            last = new Stamp(now, TIMESTAMP.format(Instant.ofEpochMilli(now)));
            stamp = last;
        }
        return last.text();
    }

    private record Stamp(long millis, String text) {
    }

    /** Writes the lines not written yet and stops the writer; later lines are written at once. */
    @Override
    public void close() {
        lines.close();
    }
}
