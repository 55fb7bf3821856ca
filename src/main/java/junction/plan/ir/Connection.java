package junction.plan.ir;

import java.util.List;
import java.util.Optional;

/**
 * A Relay connection over a table's rows ({@code T_connection}, {@code <rel>_connection}): the rows
 * {@code rows} selects (filter, the order with the primary key appended, the role's cap), numbered in
 * that order; {@code after}/{@code before} (cursors, base64 text) keep those past or before a cursor,
 * then {@code first} keeps the first of them and {@code last} the last, as the Relay specification
 * describes. A null value at execution (a variable sent as null) leaves its step out. Hasura refuses
 * both of a pair at once; the planner does too whenever it can see both values. {@code cursorKeys},
 * one per order item, say where each order value sits in a cursor and its Postgres type.
 */
public record Connection(Select rows, List<CursorKey> cursorKeys, Optional<Value> after, Optional<Value> before,
                         Optional<Value> first, Optional<Value> last, List<Selection> selections) {
    public Connection {
        cursorKeys = List.copyOf(cursorKeys);
        selections = List.copyOf(selections);
        if (cursorKeys.size() != rows.orderBy().size()) {
            throw new IllegalArgumentException("one cursor key per order item");
        }
    }

    /** Where an order value sits in a cursor's JSON object (column names, relationship names) and its type. */
    public record CursorKey(List<String> path, String type) {
        public CursorKey {
            path = List.copyOf(path);
        }
    }

    /** A field of {@code TConnection}. */
    public sealed interface Selection permits Edges, PageInfo, Typename {
        String key();
    }

    public record Edges(String key, List<EdgeSelection> fields) implements Selection {
        public Edges {
            fields = List.copyOf(fields);
        }
    }

    public record PageInfo(String key, List<PageInfoField> fields) implements Selection {
        public PageInfo {
            fields = List.copyOf(fields);
        }
    }

    /** A field of {@code TEdge}. */
    public sealed interface EdgeSelection permits Cursor, Node, Typename {
        String key();
    }

    public record Cursor(String key) implements EdgeSelection {
    }

    public record Node(String key, List<Field> fields) implements EdgeSelection {
        public Node {
            fields = List.copyOf(fields);
        }
    }

    /** A field of {@code PageInfo}. */
    public record PageInfoField(String key, Kind kind) {
        public enum Kind { HAS_NEXT_PAGE, HAS_PREVIOUS_PAGE, START_CURSOR, END_CURSOR, TYPENAME }
    }

    /** Whether remote relationships are selected under the nodes (never, in the Relay schema). */
    public boolean hasRemoteJoin() {
        return selections.stream().anyMatch(s -> s instanceof Edges e && e.fields().stream()
                .anyMatch(f -> f instanceof Node n && n.fields().stream().anyMatch(Field::hasRemoteJoin)));
    }
}
