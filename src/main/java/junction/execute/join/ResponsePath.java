package junction.execute.join;

import com.fasterxml.jackson.databind.node.ArrayNode;
import junction.json.Json;

/** Where a row sits in the response, kept as a cheap linked list and written out only on error. */
record ResponsePath(ResponsePath parent, String key, int index) {
    static final ResponsePath ROOT = new ResponsePath(null, null, -1);

    ResponsePath key(String name) {
        return new ResponsePath(this, name, -1);
    }

    ResponsePath index(int i) {
        return new ResponsePath(this, null, i);
    }

    /** The GraphQL spec's {@code path}: keys and list indexes from the root. */
    ArrayNode toJson() {
        ArrayNode out = parent == null ? Json.array() : parent.toJson();
        if (key != null) {
            out.add(key);
        } else if (index >= 0) {
            out.add(index);
        }
        return out;
    }
}
