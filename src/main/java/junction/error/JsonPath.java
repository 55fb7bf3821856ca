package junction.error;

import java.util.regex.Pattern;

/** Hasura-style JSON paths: {@code $}, {@code .key}, {@code [3]}, {@code ['odd key']}. */
public final class JsonPath {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPath() {
    }

    public static String key(String base, String key) {
        if (IDENTIFIER.matcher(key).matches()) {
            return base + "." + key;
        }
        return base + "['" + key.replace("'", "\\'") + "']";
    }

    public static String index(String base, int index) {
        return base + "[" + index + "]";
    }

    /** Joins an outer path and an inner path that both start with {@code $}. */
    public static String join(String outer, String inner) {
        if (inner == null || inner.equals("$")) {
            return outer;
        }
        return outer + inner.substring(1);
    }
}
