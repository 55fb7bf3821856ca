package junction.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment metadata may refer to ({@code from_env}, {@code value_from_env}, …): the
 * process environment, with a few values the engine itself supplies (the embedded database URL).
 */
public final class Env {
    private final Map<String, String> overrides;

    public Env(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public static Env system() {
        return new Env(Map.of());
    }

    public Optional<String> get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            value = overrides.get(name);
        }
        return Optional.ofNullable(value);
    }

    public Env with(String name, String value) {
        Map<String, String> copy = new HashMap<>(overrides);
        copy.put(name, value);
        return new Env(copy);
    }
}
