package junction.metadata.codec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.JsonPath;

/** Rejects a list in a metadata document that names the same object twice. */
final class Uniqueness {
    private Uniqueness() {
    }

    static void check(List<String> names, String path, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw ApiException.of(Code.ALREADY_EXISTS, "multiple declarations exist for the " + what + " \""
                        + names.get(i) + "\"").at(JsonPath.index(path, i));
            }
        }
    }
}
