package junction.server;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which browser origins get CORS headers, read as Hasura reads {@code HASURA_GRAPHQL_CORS_DOMAIN}:
 * {@code *} (the default) for every origin, or a comma-separated list of origins
 * ({@code scheme://host[:port]}) and wildcard origins ({@code https://*.example.com[:port]}, which match
 * one more label: {@code https://app.example.com}, not {@code https://example.com}).
 * {@code HASURA_GRAPHQL_DISABLE_CORS=true}: no CORS headers for anyone.
 */
public record CorsPolicy(boolean disabled, boolean anyOrigin, Set<String> origins, Set<Wildcard> wildcards) {
    public static final CorsPolicy ANY = new CorsPolicy(false, true, Set.of(), Set.of());
    public static final CorsPolicy DISABLED = new CorsPolicy(true, false, Set.of(), Set.of());

    private static final Pattern DOMAIN = Pattern.compile("^https?://(\\*\\.)?([a-zA-Z0-9-]+\\.)*[a-zA-Z0-9-]+(:[0-9]+)?$");

    /** A wildcard origin: scheme, the host after {@code *.}, and the port if one is written. */
    public record Wildcard(String scheme, String host, Optional<Integer> port) {
    }

    public CorsPolicy {
        origins = Set.copyOf(origins);
        wildcards = Set.copyOf(wildcards);
    }

    /** The policy of a {@code HASURA_GRAPHQL_CORS_DOMAIN} value; an invalid domain is refused with its text. */
    public static CorsPolicy parse(String domains, boolean disabled) {
        if (disabled) {
            return DISABLED;
        }
        String value = domains == null ? "*" : domains.strip();
        if (value.equals("*")) {
            return ANY;
        }
        List<String> entries = List.of(value.split(",", -1)).stream().map(String::strip).toList();
        for (String entry : entries) {
            if (!DOMAIN.matcher(entry).matches()) {
                throw new IllegalArgumentException("invalid domain: '" + entry + "'");
            }
        }
        Set<String> exact = entries.stream().filter(e -> !e.contains("://*.")).collect(Collectors.toSet());
        Set<Wildcard> wildcards = entries.stream().filter(e -> e.contains("://*.")).map(CorsPolicy::wildcard)
                .collect(Collectors.toSet());
        return new CorsPolicy(false, false, exact, wildcards);
    }

    /** Whether a request from {@code origin} gets CORS headers. */
    public boolean allows(String origin) {
        if (disabled) {
            return false;
        }
        return anyOrigin || origins.contains(origin) || originWildcard(origin).filter(wildcards::contains).isPresent();
    }

    private static Wildcard wildcard(String entry) {
        int schemeEnd = entry.indexOf("://") + 3;
        return hostAndPort(entry.substring(0, schemeEnd), entry.substring(schemeEnd + 2));
    }

    /** The wildcard an origin falls under: its first label dropped ({@code https://a.b.com} → {@code https://*.b.com}). */
    private static Optional<Wildcard> originWildcard(String origin) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getHost().indexOf('.') < 0) {
            return Optional.empty();
        }
        String host = uri.getHost().substring(uri.getHost().indexOf('.') + 1);
        return Optional.of(new Wildcard(uri.getScheme() + "://", host, uri.getPort() < 0 ? Optional.empty() : Optional.of(uri.getPort())));
    }

    private static Wildcard hostAndPort(String scheme, String rest) {
        int colon = rest.indexOf(':');
        return colon < 0 ? new Wildcard(scheme, rest, Optional.empty())
                : new Wildcard(scheme, rest.substring(0, colon), Optional.of(Integer.parseInt(rest.substring(colon + 1))));
    }
}
