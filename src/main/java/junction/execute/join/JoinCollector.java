package junction.execute.join;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.plan.join.JoinField;
import junction.plan.join.JoinTree;

/**
 * Reads the database JSON once, as a token stream that descends only along the join tree (every
 * other value is skipped unparsed), and gathers for every join field the rows it appears in with
 * their de-duplicated argument sets, and where in the bytes each row's value goes. Rows are laid out
 * by the SQL as {@code {…, "user":null, "__j_customer_id":7}}: the relationship's {@code null} in its
 * place, the join values after every field.
 */
final class JoinCollector {
    private final Map<JoinField, JoinBatch> batches = new IdentityHashMap<>();
    private final List<JoinBatch> ordered = new ArrayList<>();
    private static final int NULL_LENGTH = 4;
    /** Reads one value in the middle of the stream (the mapper's own reading wants it to be the whole input). */
    private static final ObjectReader VALUE = Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final List<Edit> edits = new ArrayList<>();
    private byte[] json;

    /**
     * One change to the database bytes: {@code [start, end)} becomes the value of row {@code row} of
     * {@code batch}, or nothing when {@code batch} is null (the hidden join values).
     */
    record Edit(int start, int end, JoinBatch batch, int row) {
    }

    /** What a walk found: the batches in first-seen order, and the edits in byte order. */
    record Collected(List<JoinBatch> batches, List<Edit> edits) {
    }

    Collected collect(byte[] data, JoinTree tree) {
        this.json = data;
        try (JsonParser parser = Json.MAPPER.createParser(data)) {
            if (parser.nextToken() != null) {
                value(parser, tree, ResponsePath.ROOT);
            }
        } catch (IOException e) {
            throw ApiException.unexpected("reading the database's JSON", e);
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        return new Collected(ordered, edits);
    }

    private void value(JsonParser parser, JoinTree tree, ResponsePath path) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY) {
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                value(parser, tree, path.index(i++));
            }
        } else if (token == JsonToken.START_OBJECT) {
            row(parser, tree, path);
        } else {
            parser.skipChildren();
        }
    }

    private void row(JsonParser parser, JoinTree tree, ResponsePath path) throws IOException {
        List<JoinField> joins = tree.joins();
        int[] placeholders = joins.isEmpty() ? null : new int[joins.size()];
        Map<String, JsonNode> joinValues = joins.isEmpty() ? null : new HashMap<>(4);
        int hiddenFrom = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int nameAt = offset(parser);
            parser.nextToken();
            int join = joins.isEmpty() ? -1 : indexOf(joins, name);
            if (join >= 0) {
                if (parser.currentToken() != JsonToken.VALUE_NULL) {
                    throw new IllegalStateException("a remote relationship's place holds " + parser.currentToken());
                }
                placeholders[join] = offset(parser);
            } else if (joinValues != null && isJoinKey(joins, name)) {
                hiddenFrom = hiddenFrom < 0 ? nameAt : hiddenFrom;
                joinValues.put(name, VALUE.readTree(parser));
            } else if (tree.children().get(name) instanceof JoinTree child) {
                value(parser, child, path.key(name));
            } else {
                parser.skipChildren();
            }
        }
        if (joins.isEmpty()) {
            return;
        }
        for (int i = 0; i < joins.size(); i++) {
            JoinBatch batch = batches.computeIfAbsent(joins.get(i), f -> {
                JoinBatch created = new JoinBatch(f, ordered.size());
                ordered.add(created);
                return created;
            });
            int row = batch.add(joinValues, path);
            edits.add(new Edit(placeholders[i], placeholders[i] + NULL_LENGTH, batch, row));
        }
        if (hiddenFrom >= 0) {
            edits.add(new Edit(commaBefore(hiddenFrom), offset(parser), null, -1));
        }
    }

    /** The byte offset where the parser's current token starts (a name's opening quote). */
    private static int offset(JsonParser parser) {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    /** The comma that separates the first hidden key from the field before it (only blanks between). */
    private int commaBefore(int at) {
        int i = at - 1;
        while (json[i] != ',') {
            i--;
        }
        return i;
    }

    private static int indexOf(List<JoinField> joins, String key) {
        for (int i = 0; i < joins.size(); i++) {
            if (joins.get(i).responseKey().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isJoinKey(List<JoinField> joins, String key) {
        for (JoinField join : joins) {
            if (join.joinKeys().contains(key)) {
                return true;
            }
        }
        return false;
    }
}
