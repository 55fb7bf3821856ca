package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The engine's metadata API as the CLI calls it: over HTTP ({@link AdminClient}) or in-process at
 * start-up ({@link EngineCalls}). A refusal is a {@link CliException} with the engine's code and message.
 */
public interface AdminCalls {
    /** {@code /v1/metadata} {@code {"type": type, "args": args}}; the answer. */
    JsonNode metadata(String type, JsonNode args);

    /** {@code /v2/query} {@code {"type": type, "args": args}}; the answer. */
    JsonNode query(String type, JsonNode args);
}
