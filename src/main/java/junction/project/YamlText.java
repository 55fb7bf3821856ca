package junction.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON tree as Hasura's CLI writes YAML (go-yaml v3, indent 2): block style, no document start,
 * sequences indented under their key, empty collections as {@code []}/{@code {}}, strings plain
 * where YAML reads them back as the same string, single-quoted where only an indicator is in the
 * way ({@code '*'}), double-quoted where they would read as another type ({@code "true"}) and for
 * {@code "!include …"}, multi-line strings as literal blocks.
 */
public final class YamlText {
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?0[xX][0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");
    private static final java.util.Set<String> RESERVED = java.util.Set.of("true", "True", "TRUE", "false", "False", "FALSE",
            "null", "Null", "NULL", "~", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON",
            "off", "Off", "OFF", "<<", "=");

    private YamlText() {
    }

    public static String of(JsonNode node) {
        StringBuilder out = new StringBuilder();
        if (node.isObject() && !node.isEmpty()) {
            object(node, 0, out);
        } else if (node.isArray() && !node.isEmpty()) {
            array(node, 0, out);
        } else {
            out.append(inline(node, 0)).append('\n');
        }
        return out.toString();
    }

    private static void object(JsonNode node, int indent, StringBuilder out) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.repeat(' ', indent).append(scalar(field.getKey(), indent)).append(':');
            value(field.getValue(), indent, out);
        }
    }

    private static void value(JsonNode value, int indent, StringBuilder out) {
        if (value.isObject() && !value.isEmpty()) {
            out.append('\n');
            object(value, indent + 2, out);
        } else if (value.isArray() && !value.isEmpty()) {
            out.append('\n');
            array(value, indent + 2, out);
        } else {
            out.append(' ').append(inline(value, indent + 2)).append('\n');
        }
    }

    private static void array(JsonNode node, int indent, StringBuilder out) {
        for (JsonNode item : node) {
            if ((item.isObject() || item.isArray()) && !item.isEmpty()) {
                StringBuilder nested = new StringBuilder();
                if (item.isObject()) {
                    object(item, indent + 2, nested);
                } else {
                    array(item, indent + 2, nested);
                }
                out.repeat(' ', indent).append("- ").append(nested, indent + 2, nested.length());
            } else {
                out.repeat(' ', indent).append("- ").append(inline(item, indent + 2)).append('\n');
            }
        }
    }

    /** A scalar or an empty collection; {@code indent} is where a literal block's lines start. */
    private static String inline(JsonNode node, int indent) {
        if (node.isObject()) {
            return "{}";
        }
        if (node.isArray()) {
            return "[]";
        }
        if (node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isTextual()) {
            return scalar(node.asText(), indent);
        }
        return node.toString();
    }

    static String scalar(String s, int indent) {
        if (s.startsWith("!include ")) {
            return doubleQuoted(s);
        }
        if (s.isEmpty() || RESERVED.contains(s) || NUMBER.matcher(s).matches() || !printable(s)) {
            return doubleQuoted(s);
        }
        if (s.indexOf('\n') >= 0) {
            return literal(s, indent);
        }
        if (plain(s)) {
            return s;
        }
        return "'" + s.replace("'", "''") + "'";
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7f || c == '\r' || c == '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean plain(String s) {
        char first = s.charAt(0);
        if ("[]{},#&*!|>'\"%@`".indexOf(first) >= 0) {
            return false;
        }
        if ("-?:".indexOf(first) >= 0 && (s.length() == 1 || s.charAt(1) == ' ')) {
            return false;
        }
        if (s.startsWith(" ") || s.endsWith(" ") || s.endsWith(":") || s.contains(": ") || s.contains(" #")
                || s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        return true;
    }

    private static String literal(String s, int indent) {
        if (s.startsWith(" ") || s.lines().anyMatch(l -> l.endsWith(" "))) {
            return doubleQuoted(s);
        }
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        if (body.endsWith("\n")) {
            return doubleQuoted(s);
        }
        StringBuilder out = new StringBuilder(s.endsWith("\n") ? "|" : "|-");
        for (String line : body.split("\n", -1)) {
            out.append('\n');
            if (!line.isEmpty()) {
                out.repeat(' ', indent).append(line);
            }
        }
        return out.toString();
    }

    private static String doubleQuoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
