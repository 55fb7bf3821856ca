package junction.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import junction.config.Env;
import junction.error.ApiException;
import junction.error.Code;

/**
 * Where and how to call a remote schema, with every value from the environment resolved:
 * the URL, the configured headers (in order, names as written), the timeout, and whether the
 * client's headers are forwarded. {@code displayUrl} is what errors show: the {@code url} as
 * written (templates unexpanded), or the URL read from {@code url_from_env}.
 */
public record RemoteEndpoint(String name, URI url, String displayUrl, Map<String, String> headers,
                             boolean forwardClientHeaders, Duration timeout) {
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{([^}]*)}}");

    public RemoteEndpoint {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Resolves {@code definition} against {@code env}; a missing variable or a bad URL is Hasura's error. */
    public static RemoteEndpoint resolve(String name, RemoteDefinition definition, Env env) {
        String display;
        String text;
        if (definition.url().isPresent()) {
            display = definition.url().get();
            text = expand(display, env);
        } else {
            String variable = definition.urlFromEnv().orElseThrow();
            text = env.get(variable).orElseThrow(() -> ApiException.of(Code.INVALID_PARAMS,
                    "environment variable '" + variable + "' not set"));
            display = text;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (RemoteDefinition.HeaderConf header : definition.headers()) {
            headers.put(header.name(), header.value().orElseGet(() -> fromEnv(env, header.valueFromEnv().orElseThrow())));
        }
        String invalid = definition.urlFromEnv().map(v -> "not a valid URI in environment variable: " + v)
                .orElse("not a valid URI: " + text);
        return new RemoteEndpoint(name, uri(text, invalid), display, headers,
                definition.forwardClientHeaders(), Duration.ofSeconds(definition.timeoutSeconds()));
    }

    private static String expand(String template, Env env) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String variable = m.group(1).trim();
            String value = env.get(variable).orElse(null);
            if (value == null) {
                missing.add(variable);
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (!missing.isEmpty()) {
            throw ApiException.of(Code.UNEXPECTED, "Value for environment variables not found: " + String.join(", ", missing))
                    .withStatus(400);
        }
        return out.toString();
    }

    private static String fromEnv(Env env, String variable) {
        return env.get(variable).orElseThrow(() -> ApiException.of(Code.NOT_FOUND,
                "environment variable '" + variable + "' not set").withStatus(400));
    }

    private static URI uri(String text, String invalid) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new URISyntaxException(text, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiException.of(Code.INVALID_PARAMS, invalid);
        }
    }
}
