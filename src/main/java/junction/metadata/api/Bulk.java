package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.ErrorEnvelope;
import junction.error.JsonPath;
import junction.json.Json;
import junction.json.Obj;

/**
 * The one {@code bulk} of the admin APIs ({@code /v1/metadata}, {@code /v2/query}, {@code /v1/query}):
 * runs the items in order on the request's {@link Transaction}, each seeing what the earlier ones
 * did, and answers with their answers. The first failure is the answer, with its path into the
 * array ({@code $.args[2].args…}), and the transaction is rolled back: all or nothing. With
 * {@code keepGoing} ({@code bulk_keep_going}) a failing item is answered with its error in place and
 * the others still apply.
 */
final class Bulk {
    /** How an API runs one item (which may itself be a {@code bulk}). */
    @FunctionalInterface
    interface Item {
        JsonNode run(Transaction transaction, Obj request);
    }

    private Bulk() {
    }

    static JsonNode run(Transaction transaction, Obj request, boolean keepGoing, Item item) {
        JsonNode items = request.required("args");
        String path = request.pathOf("args");
        if (!items.isArray()) {
            throw ApiException.of(Code.PARSE_FAILED, "expected Array, but encountered " + Obj.kind(items)).at(path);
        }
        ArrayNode responses = Json.array();
        for (int i = 0; i < items.size(); i++) {
            try {
                responses.add(item.run(transaction, Obj.of(items.get(i), JsonPath.index(path, i))));
            } catch (ApiException e) {
                if (!keepGoing) {
                    throw e;
                }
                responses.add(ErrorEnvelope.metadata(e, false));
            }
        }
        return responses;
    }

}
