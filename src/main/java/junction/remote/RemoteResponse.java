package junction.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A remote's answer: HTTP status, the parsed JSON body ({@code {"data"?, "errors"?}}), the
 * {@code Set-Cookie} headers to pass back to the client, and how long the call took.
 */
public record RemoteResponse(int status, JsonNode body, List<String> setCookies, long elapsedNanos) {
    public RemoteResponse {
        setCookies = List.copyOf(setCookies);
    }
}
