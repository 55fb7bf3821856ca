package junction.execute.join;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends one GraphQL query to a remote schema for the current request (its session's headers are
 * bound by the caller) and returns the remote's whole answer ({@code data}, {@code errors}).
 * Failures to reach the remote are {@code ApiException}s with code {@code remote-schema-error}.
 */
@FunctionalInterface
public interface JoinTransport {
    JsonNode send(String remoteSchema, String query);
}
