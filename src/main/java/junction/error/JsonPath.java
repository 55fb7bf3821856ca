package junction.error;

/** Hasura-style JSON paths: {@code $}, {@code .key}, {@code [3]}, {@code ['odd key']}. */
public final class JsonPath {
    private JsonPath() {
    }

    public static String key(String base, String key) {
        if (isIdentifier(key)) {
            return base + "." + key;
        }
        return base + "['" + key.replace("'", "\\'") + "']";
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*}, without a regex: paths are built on every request. */
    private static boolean isIdentifier(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
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
