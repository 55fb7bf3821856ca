package junction.metadata.model;

import java.util.Optional;

/**
 * A tracked function's {@code configuration}: {@code custom_name}, {@code custom_root_fields}
 * ({@code function}, {@code function_aggregate}), {@code session_argument} (the argument that
 * receives the session variables as JSON) and {@code exposed_as} ({@code query} or
 * {@code mutation}; absent: inferred from the function's volatility). Null where not set.
 */
public record FunctionConfig(String customName, String functionRootField, String aggregateRootField,
                             String sessionArgument, String exposedAs) {
    public static final FunctionConfig EMPTY = new FunctionConfig(null, null, null, null, null);

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    public Optional<String> exposedAsGiven() {
        return Optional.ofNullable(exposedAs);
    }
}
