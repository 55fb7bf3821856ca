package junction.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.remote.RemoteClient;
import junction.remote.RemoteResponse;
import junction.remote.RemoteResult;
import junction.remote.RemoteResultMapper;

/**
 * Sends a {@link RemoteRoot} through the engine's one {@link RemoteClient}, with the request's
 * variables, session variables and client headers, and maps the answer back to the client's names.
 * Fails only with {@code remote-schema-error} (unreachable, timed out, not a GraphQL answer).
 */
final class RemoteForwarder {
    private final RemoteClient client;
    private final RemoteResultMapper mapper = new RemoteResultMapper();

    RemoteForwarder(RemoteClient client) {
        this.client = client;
    }

    RemoteAnswer forward(RemoteRoot root, ObjectNode variables, RequestContext context) {
        RemoteResponse response = client.send(root.endpoint(), root.query().call(variables, context.session().variables()),
                context.session().variables(), context.clientHeaders());
        RemoteResult result = mapper.map(root.query(), response.body());
        return new RemoteAnswer(result.data(), result.errors(), response.setCookies());
    }
}
