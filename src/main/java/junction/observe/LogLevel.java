package junction.observe;

import java.util.Locale;

/** Hasura's log levels ({@code HASURA_GRAPHQL_LOG_LEVEL}), least severe first. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LogLevel parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("log level must be one of debug, info, warn, error: " + value);
        }
    }
}
