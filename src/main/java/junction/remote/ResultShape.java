package junction.remote;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where {@code __typename} values sit in a remote's answer: at one object level, the response keys
 * that are {@code __typename} fields, and the shape below each other response key. Fragments are
 * merged in, whatever their type condition (response keys are unique per level in a valid query).
 */
public record ResultShape(Set<String> typenameKeys, Map<String, ResultShape> children) {
    public static final ResultShape EMPTY = new ResultShape(Set.of(), Map.of());

    public ResultShape {
        typenameKeys = Collections.unmodifiableSet(new LinkedHashSet<>(typenameKeys));
        children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
    }

    /** Whether any {@code __typename} sits at this level or below. */
    public boolean hasTypenames() {
        return !typenameKeys.isEmpty() || children.values().stream().anyMatch(ResultShape::hasTypenames);
    }
}
