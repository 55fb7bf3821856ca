package junction.metadata.model;

import java.util.List;
import java.util.Objects;
import junction.catalog.FunctionName;

/**
 * One tracked SQL function ({@code pg_track_function}): its name, configuration, the roles with a
 * function permission ({@code pg_create_function_permission}), in the order they were added, and
 * its comment (null when none).
 */
public record FunctionEntry(FunctionName function, FunctionConfig configuration, List<String> permissions,
                            String comment) {
    public FunctionEntry {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(configuration, "configuration");
        permissions = List.copyOf(permissions);
    }

    public static FunctionEntry tracked(FunctionName function, FunctionConfig configuration, String comment) {
        return new FunctionEntry(function, configuration, List.of(), comment);
    }

    public FunctionEntry withFunction(FunctionName newName) {
        return new FunctionEntry(newName, configuration, permissions, comment);
    }

    public FunctionEntry withConfiguration(FunctionConfig newConfiguration) {
        return new FunctionEntry(function, newConfiguration, permissions, comment);
    }

    public FunctionEntry withPermissions(List<String> roles) {
        return new FunctionEntry(function, configuration, roles, comment);
    }
}
