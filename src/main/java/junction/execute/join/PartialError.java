package junction.execute.join;

import com.fasterxml.jackson.databind.node.ArrayNode;
import junction.error.ApiException;

/**
 * An error answered beside data (partial mode): a remote join that failed for one row, at its place
 * in the response ({@code ["orders", 0, "buyer"]}); encoded by the edge's one encoder.
 */
public record PartialError(ArrayNode path, ApiException error) {

    /**
     * This error of a nested answer placed in the whole response: its path without its first
     * {@code skip} elements, after {@code prefix} (the place of the nested answer).
     */
    PartialError under(ArrayNode prefix, int skip) {
        ArrayNode placed = prefix.deepCopy();
        for (int i = skip; i < path.size(); i++) {
            placed.add(path.get(i));
        }
        return new PartialError(placed, error);
    }
}
