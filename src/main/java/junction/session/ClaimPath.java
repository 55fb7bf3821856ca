package junction.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON path into a token's claims, as Hasura writes them in {@code claims_namespace_path} and
 * {@code claims_map}: {@code $} then {@code .key}, {@code ['key']} or {@code [index]} steps.
 */
record ClaimPath(String text, List<Object> steps) {

    ClaimPath {
        steps = List.copyOf(steps);
    }

    /** @throws IllegalArgumentException naming what is wrong */
    static ClaimPath parse(String text) {
        List<Object> steps = new ArrayList<>();
        int i = text.startsWith("$") ? 1 : 0;
        if (i == 0 && !text.isEmpty() && text.charAt(0) != '.' && text.charAt(0) != '[') {
            i = readKey(text, 0, steps);
        }
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int next = readKey(text, i + 1, steps);
                if (next == i + 1) {
                    throw new IllegalArgumentException("invalid JSON path '" + text + "': empty key at " + i);
                }
                i = next;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("invalid JSON path '" + text + "': unclosed '['");
                }
                String inside = text.substring(i + 1, close).trim();
                if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                        || inside.startsWith("\"") && inside.endsWith("\""))) {
                    steps.add(inside.substring(1, inside.length() - 1));
                } else {
                    try {
                        steps.add(Integer.parseInt(inside));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("invalid JSON path '" + text + "': '" + inside + "' is not an index");
                    }
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("invalid JSON path '" + text + "': unexpected '" + c + "' at " + i);
            }
        }
        return new ClaimPath(text, steps);
    }

    private static int readKey(String text, int from, List<Object> steps) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
            end++;
        }
        if (end > from) {
            steps.add(text.substring(from, end));
        }
        return end;
    }

    /** The value at this path, empty when a step is missing (JSON null counts as present). */
    Optional<JsonNode> find(JsonNode root) {
        JsonNode at = root;
        for (Object step : steps) {
            JsonNode next = step instanceof Integer index ? (at.isArray() ? at.get(index) : null) : (at.isObject() ? at.get((String) step) : null);
            if (next == null) {
                return Optional.empty();
            }
            at = next;
        }
        return Optional.of(at);
    }
}
