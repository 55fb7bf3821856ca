package junction.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment metadata may refer to ({@code from_env}, {@code url_from_env}, {@code value_from_env},
 * {@code {{VAR}}}): a copy of the process environment taken once by the CLI at start, or a test's own
 * map, plus the values the engine itself supplies (the {@code default} source's URL), which win.
 * Nothing reads the process environment but the CLI.
 */
public final class Env {
    public static final Env EMPTY = new Env(Map.of());

    private final Map<String, String> values;

    private Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Env of(Map<String, String> values) {
        return new Env(values);
    }

    /** The variable's value; unset and empty are alike, as in Hasura. */
    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** This environment with one value set (or replaced): the engine's own values win over the process's. */
    public Env with(String name, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(name, value);
        return new Env(copy);
    }
}
