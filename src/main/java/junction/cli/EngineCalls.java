package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import junction.error.ApiException;
import junction.error.ErrorEnvelope;
import junction.json.Json;
import junction.server.Engine;

/** The metadata API of an engine in this process (its metadata service and run_sql), as the CLI calls it. */
record EngineCalls(Engine engine) implements AdminCalls {

    @Override
    public JsonNode metadata(String type, JsonNode args) {
        return call(type, args, engine.metadata()::execute);
    }

    @Override
    public JsonNode query(String type, JsonNode args) {
        return call(type, args, engine.runSql()::execute);
    }

    private static JsonNode call(String type, JsonNode args, Function<JsonNode, JsonNode> service) {
        ObjectNode request = Json.object().put("type", type);
        request.set("args", args);
        try {
            return service.apply(request);
        } catch (ApiException e) {
            throw AdminClient.failure(ErrorEnvelope.metadata(e, true));
        }
    }
}
