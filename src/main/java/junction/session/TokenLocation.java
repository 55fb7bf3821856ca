package junction.session;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;

/** Where a request carries its token: {@code Authorization: Bearer <jwt>}, a cookie, or a header of its own. */
sealed interface TokenLocation {

    /**
     * The token of a request, empty when the request carries none here.
     *
     * @param headers names lower-cased
     * @throws ApiException {@code invalid-headers} for an Authorization header that is not {@code Bearer <jwt>}
     */
    Optional<String> find(Map<String, String> headers);

    record Authorization() implements TokenLocation {
        @Override
        public Optional<String> find(Map<String, String> headers) {
            String value = headers.get("authorization");
            if (value == null) {
                return Optional.empty();
            }
            String[] words = value.trim().split("\\s+");
            if (words.length != 2 || !words[0].equals("Bearer")) {
                throw ApiException.of(Code.INVALID_HEADERS, "Malformed Authorization header");
            }
            return Optional.of(words[1]);
        }
    }

    record Cookie(String name) implements TokenLocation {
        @Override
        public Optional<String> find(Map<String, String> headers) {
            String value = headers.get("cookie");
            if (value == null) {
                return Optional.empty();
            }
            for (String pair : value.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).trim());
                }
            }
            return Optional.empty();
        }
    }

    record CustomHeader(String name) implements TokenLocation {
        @Override
        public Optional<String> find(Map<String, String> headers) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).map(String::trim);
        }
    }
}
