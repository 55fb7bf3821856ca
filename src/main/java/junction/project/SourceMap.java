package junction.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each node of a metadata document read from a directory came from: its file and line, by its
 * place in the document (a JSON pointer). {@link #locate} answers for a Hasura JSON path such as
 * {@code $.sources[0].tables[2].select_permissions[0]} with the nearest node that was read from a
 * file — the path itself, else its closest parent.
 */
public final class SourceMap {
    private final Map<String, String> where = new HashMap<>();

    void put(String pointer, String file, int line) {
        where.put(pointer, line > 0 ? file + ":" + line : file);
    }

    /** {@code file:line} of the node at a Hasura path ({@code $}, {@code .key}, {@code [3]}, {@code ['odd key']}). */
    public Optional<String> locate(String path) {
        List<String> segments = segments(path);
        for (int n = segments.size(); n > 0; n--) {
            String found = where.get("/" + String.join("/", segments.subList(0, n)));
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        int i = path.startsWith("$") ? 1 : 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                segments.add(child("", path.substring(i + 1, end)).substring(1));
                i = end;
            } else if (c == '[' && i + 1 < path.length() && path.charAt(i + 1) == '\'') {
                StringBuilder key = new StringBuilder();
                int j = i + 2;
                while (j < path.length() && !(path.charAt(j) == '\'' && path.startsWith("']", j))) {
                    if (path.charAt(j) == '\\' && j + 1 < path.length()) {
                        j++;
                    }
                    key.append(path.charAt(j++));
                }
                segments.add(child("", key.toString()).substring(1));
                i = j + 2;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    break;
                }
                segments.add(path.substring(i + 1, end));
                i = end + 1;
            } else {
                break;
            }
        }
        return segments;
    }
}
