package junction.execute;

import java.util.List;

/**
 * The answer to one GraphQL request: the response body, and the {@code Set-Cookie} values the
 * remote schemas answering its root fields sent, to pass on to the client as Hasura does.
 */
public record GraphqlResponse(byte[] body, List<String> setCookies) {
    public GraphqlResponse {
        setCookies = List.copyOf(setCookies);
    }

    public static GraphqlResponse of(byte[] body) {
        return new GraphqlResponse(body, List.of());
    }
}
