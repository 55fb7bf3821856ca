package junction.metadata.model;

import java.util.Objects;
import java.util.Optional;
import junction.catalog.FunctionName;

/**
 * A computed field of a table: a SQL function that takes the table's row (the first argument, or
 * the one {@code table_argument} names) and optionally the session as JSON ({@code session_argument}),
 * exposed as a field of the table's type.
 */
public record ComputedField(String name, Definition definition, String comment) {
    public ComputedField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }

    /** {@code {"function": {"schema", "name"}, "table_argument"?, "session_argument"?}}. */
    public record Definition(FunctionName function, Optional<String> tableArgument, Optional<String> sessionArgument) {
        public Definition {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(tableArgument, "tableArgument");
            Objects.requireNonNull(sessionArgument, "sessionArgument");
        }
    }

    public ComputedField withComment(String newComment) {
        return new ComputedField(name, definition, newComment);
    }
}
