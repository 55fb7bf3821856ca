package junction.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;

/**
 * A remote schema's {@code definition} as the user wrote it, read and checked: where it is
 * ({@code url}, possibly with {@code {{ENV}}} templates, or {@code url_from_env}), the headers to
 * send, whether to forward the client's headers, the timeout and the customization. Values that
 * come from the environment are resolved later, into a {@link RemoteEndpoint}.
 */
public record RemoteDefinition(Optional<String> url, Optional<String> urlFromEnv, List<HeaderConf> headers,
                               boolean forwardClientHeaders, int timeoutSeconds, RemoteCustomization customization) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    /** One configured header: a literal {@code value} or {@code value_from_env}. */
    public record HeaderConf(String name, Optional<String> value, Optional<String> valueFromEnv) {
    }

    public RemoteDefinition {
        headers = List.copyOf(headers);
    }

    /** Reads {@code definition}; malformed input is {@code parse-failed} (or {@code invalid-params}) at its path. */
    public static RemoteDefinition read(JsonNode node, String path) {
        Obj d = Obj.of(node, path);
        Optional<String> url = d.optString("url");
        Optional<String> urlFromEnv = d.optString("url_from_env");
        if (url.isEmpty() && urlFromEnv.isEmpty()) {
            throw ApiException.of(Code.INVALID_PARAMS, "both `url` and `url_from_env` can't be empty").at(path);
        }
        if (url.isPresent() && urlFromEnv.isPresent()) {
            throw ApiException.of(Code.INVALID_PARAMS, "both `url` and `url_from_env` can't be present").at(path);
        }
        List<HeaderConf> headers = d.list("headers", RemoteDefinition::header);
        long timeout = d.optLong("timeout_seconds").orElse((long) DEFAULT_TIMEOUT_SECONDS);
        if (timeout <= 0 || timeout > Integer.MAX_VALUE) {
            throw ApiException.of(Code.PARSE_FAILED, "timeout_seconds must be a positive number of seconds")
                    .at(d.pathOf("timeout_seconds"));
        }
        RemoteCustomization customization = d.optObj("customization").map(RemoteCustomization::read)
                .orElse(RemoteCustomization.NONE);
        return new RemoteDefinition(url, urlFromEnv, headers, d.bool("forward_client_headers", false), (int) timeout,
                customization);
    }

    private static HeaderConf header(JsonNode node, String path) {
        Obj h = Obj.of(node, path);
        String name = h.string("name");
        Optional<String> value = h.optString("value");
        Optional<String> fromEnv = h.optString("value_from_env");
        if (value.isEmpty() && fromEnv.isEmpty()) {
            throw ApiException.of(Code.PARSE_FAILED, "expecting value or value_from_env keys").at(path);
        }
        if (value.isPresent() && fromEnv.isPresent()) {
            throw ApiException.of(Code.PARSE_FAILED, "expecting only one of value or value_from_env keys").at(path);
        }
        return new HeaderConf(name, value, fromEnv);
    }
}
