package junction.execute.join;

import com.fasterxml.jackson.databind.node.ArrayNode;
import junction.error.ApiException;

/**
 * An error answered beside data (partial mode): a remote join that failed for one row, at its place
 * in the response ({@code ["orders", 0, "buyer"]}); encoded by the edge's one encoder.
 */
public record PartialError(ArrayNode path, ApiException error) {
}
