package junction.plan.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;

/**
 * A piece of GraphQL input written by the client (a literal, possibly with variable references),
 * held as a leaf of a join template so that it is sent exactly as written, not as a JSON value.
 */
public record GraphqlText(String text) {
    public JsonNode node() {
        return new POJONode(this);
    }
}
