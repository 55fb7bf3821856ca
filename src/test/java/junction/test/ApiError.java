package junction.test;

import com.fasterxml.jackson.databind.JsonNode;

/** An error answer of the metadata API ({@code {"path", "error", "code", "internal"?}}) with its HTTP status. */
public record ApiError(int status, String code, String error, String path, JsonNode internal, String body) {

    public static ApiError of(Http.Response response) {
        JsonNode json = response.json();
        return new ApiError(response.status(), json.path("code").asText(null), json.path("error").asText(null),
                json.path("path").asText(null), json.get("internal"), response.body());
    }

    /** Fails unless status, code, path and message are exactly these. */
    public ApiError expect(int expectedStatus, String expectedCode, String expectedPath, String expectedError) {
        if (status != expectedStatus || !expectedCode.equals(code) || !expectedPath.equals(path)
                || !expectedError.equals(error)) {
            throw new AssertionError("expected " + expectedStatus + " " + expectedCode + " at " + expectedPath + ": "
                    + expectedError + "\n but got " + status + " " + body);
        }
        return this;
    }
}
