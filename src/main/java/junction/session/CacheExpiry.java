package junction.session;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Until when an answer may be kept, read as Hasura reads a JWK set's or an auth hook's answer:
 * {@code Cache-Control} first ({@code no-cache}/{@code no-store}: not at all; {@code max-age} or
 * {@code s-maxage}: that many seconds), else {@code Expires} (an HTTP date). Empty when neither says.
 */
final class CacheExpiry {
    private CacheExpiry() {
    }

    static Optional<Instant> of(Optional<String> cacheControl, Optional<String> expires, Instant now) {
        Optional<Instant> fromCacheControl = cacheControl.flatMap(value -> fromCacheControl(value, now));
        return fromCacheControl.isPresent() ? fromCacheControl : expires.flatMap(CacheExpiry::fromExpires);
    }

    private static Optional<Instant> fromCacheControl(String value, Instant now) {
        Optional<Long> maxAge = Optional.empty();
        boolean noCache = false;
        for (String part : value.split(",")) {
            String directive = part.trim().toLowerCase(Locale.ROOT);
            if (directive.equals("no-cache") || directive.equals("no-store")) {
                noCache = true;
            } else if (directive.startsWith("max-age=") || directive.startsWith("s-maxage=")) {
                String seconds = directive.substring(directive.indexOf('=') + 1).replace("\"", "");
                try {
                    maxAge = Optional.of(Math.max(0, Long.parseLong(seconds)));
                } catch (NumberFormatException e) {
                    // an unreadable max-age says nothing
                }
            }
        }
        if (noCache) {
            return Optional.of(now);
        }
        return maxAge.map(seconds -> now.plus(Duration.ofSeconds(seconds)));
    }

    private static Optional<Instant> fromExpires(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
