package junction.execute;

import graphql.language.Document;
import graphql.validation.OperationValidationRule;
import graphql.validation.QueryComplexityLimits;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import graphql.validation.Validator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import junction.error.ApiException;
import junction.error.Code;
import junction.schema.RoleSchema;

/**
 * Validates a document against the role's schema with graphql-java, after the engine's own size
 * limits, and reports the first problem as Hasura does: {@code validation-failed}, a message such as
 * "field 'x' not found in type: 'y'", and a path such as {@code $.selectionSet.a.selectionSet.x}.
 */
final class OperationValidator {
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Field '([^']*)' in type '([^']*)' is undefined");
    private static final Pattern UNKNOWN_ARGUMENT = Pattern.compile("Unknown field argument '([^']*)'");
    private static final Pattern MISSING_ARGUMENT = Pattern.compile("Missing field argument '([^']*)'");
    private static final Pattern EXTRA_INPUT_FIELD = Pattern.compile(
            "argument '([^']*)' with value '.*' contains a field not in '([^']*)': '([^']*)'", Pattern.DOTALL);
    private static final Pattern MISSING_INPUT_FIELD = Pattern.compile(
            "argument '([^']*)' with value '.*' is missing required fields '\\[?([^'\\]]*)\\]?'", Pattern.DOTALL);
    private static final Pattern BAD_VALUE = Pattern.compile(
            "argument '([^']*)' with value '(.*)' is not a valid '([^']*)'", Pattern.DOTALL);
    private static final Pattern PREFIX = Pattern.compile("^Validation error \\([^)]*\\) : ");

    private final QueryLimits limits;

    OperationValidator(QueryLimits limits) {
        this.limits = limits;
    }

    void validate(RoleSchema schema, Document document) {
        limits.check(document);
        List<ValidationError> errors = new Validator().validateDocument(schema.graphql(), document,
                rule -> rule != OperationValidationRule.GOOD_FAITH_INTROSPECTION,
                Locale.ENGLISH, QueryComplexityLimits.NONE);
        if (!errors.isEmpty()) {
            throw translate(schema, errors.getFirst());
        }
    }

    private static ApiException translate(RoleSchema schema, ValidationError error) {
        String description = PREFIX.matcher(error.getDescription()).replaceFirst("");
        String path = path(error.getQueryPath());
        if (error.getValidationErrorType() instanceof ValidationErrorType type) {
            Matcher m;
            switch (type) {
                case FieldUndefined -> {
                    if ((m = UNKNOWN_FIELD.matcher(description)).find()) {
                        return failed("field '" + m.group(1) + "' not found in type: '" + m.group(2) + "'", path);
                    }
                }
                case UnknownArgument -> {
                    if ((m = UNKNOWN_ARGUMENT.matcher(description)).find()) {
                        return failed("\"" + last(error.getQueryPath()) + "\" has no argument named \"" + m.group(1) + "\"", path);
                    }
                }
                case MissingFieldArgument -> {
                    if ((m = MISSING_ARGUMENT.matcher(description)).find()) {
                        return failed("missing required field '" + m.group(1) + "'", path + ".args");
                    }
                }
                case WrongType -> {
                    return wrongType(schema, description, path);
                }
                default -> { }
            }
        }
        return failed(description, path);
    }

    private static ApiException wrongType(RoleSchema schema, String description, String path) {
        Matcher m = EXTRA_INPUT_FIELD.matcher(description);
        if (m.find()) {
            return failed("field '" + m.group(3) + "' not found in type: '" + m.group(2) + "'",
                    path + ".args." + m.group(1) + "." + m.group(3));
        }
        m = MISSING_INPUT_FIELD.matcher(description);
        if (m.find()) {
            return failed("missing required field '" + m.group(2) + "'", path + ".args." + m.group(1));
        }
        m = BAD_VALUE.matcher(description);
        if (m.find()) {
            return failed(expected(schema, m.group(3), m.group(2)), path + ".args." + m.group(1));
        }
        return failed(description, path);
    }

    private static final Pattern LITERAL = Pattern.compile("^(\\w+)Value\\{(?:name|value)=(.*)\\}$", Pattern.DOTALL);

    /** Hasura's wording for a literal of the wrong kind: the type's expectation and what was found. */
    private static String expected(RoleSchema schema, String type, String literal) {
        Matcher m = LITERAL.matcher(literal);
        String kind = m.find() ? m.group(1) : "";
        String shown = m.matches() ? m.group(2) : literal;
        String found = switch (kind) {
            case "String" -> "a string";
            case "Int" -> "an integer";
            case "Float" -> "a float";
            case "Boolean" -> "a boolean";
            case "Enum" -> "an enum value " + shown;
            case "Object" -> "an object";
            case "Array" -> "a list";
            default -> literal;
        };
        if (schema.graphql().getType(type) instanceof graphql.schema.GraphQLEnumType e) {
            String values = String.join(", ", e.getValues().stream().map(v -> "'" + v.getName() + "'").toList());
            return "expected one of the values [" + values + "] for type '" + type + "', but found " + found;
        }
        String expectation = switch (type) {
            case "Int" -> "a 32-bit integer";
            case "Float" -> "a float";
            case "String" -> "a string";
            case "Boolean" -> "a boolean";
            default -> "a value";
        };
        return "expected " + expectation + " for type '" + type + "', but found " + found;
    }

    /** graphql-java's query path (response keys) as Hasura's {@code $.selectionSet.a.selectionSet.b}. */
    private static String path(List<String> queryPath) {
        if (queryPath == null || queryPath.isEmpty()) {
            return "$";
        }
        StringBuilder out = new StringBuilder("$");
        for (String key : queryPath) {
            out.append(".selectionSet.").append(key);
        }
        return out.toString();
    }

    private static String last(List<String> queryPath) {
        return queryPath == null || queryPath.isEmpty() ? "" : queryPath.getLast();
    }

    private static ApiException failed(String message, String path) {
        return ApiException.of(Code.VALIDATION_FAILED, message).at(path);
    }
}
