package junction.remote;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;

/**
 * A {@code @preset} whose value is read from the session at request time: sent to the remote as
 * the operation variable {@link #variable()} of type {@code typeName!} (original names), with the
 * session variable's value coerced as Hasura does (Int, Float, Boolean parsed; String, ID and custom
 * scalars as the string; an enum value must be one of the enum's values).
 *
 * @param sessionVariable the session variable, lower case ({@code x-hasura-user-id})
 * @param typeName        the named input type it fills
 * @param enumValues      the enum's values when {@code typeName} is an enum, else null
 */
public record SessionPreset(String sessionVariable, String typeName, Set<String> enumValues) {
    public SessionPreset {
        sessionVariable = sessionVariable.toLowerCase(Locale.ROOT);
        enumValues = enumValues == null ? null : Set.copyOf(enumValues);
    }

    /** Whether {@code value} names a session variable ({@code x-hasura-*}, any case). */
    public static boolean isSessionVariable(String value) {
        return value.toLowerCase(Locale.ROOT).startsWith("x-hasura-");
    }

    /**
     * The operation variable it is sent as: the session variable with {@code -} made {@code _}, and
     * the type (one session variable may fill arguments of several types in one query).
     */
    public String variable() {
        return sessionVariable.replace('-', '_') + "_" + typeName;
    }

    /** The variable's declared type in the remote's query. */
    public Type<?> variableType() {
        return NonNullType.newNonNullType(new TypeName(typeName)).build();
    }

    /** The variable's value for a session ({@code not-found} when absent, {@code coercion-error} when it does not fit). */
    public JsonNode value(Map<String, String> session) {
        String raw = lookup(session);
        if (enumValues != null) {
            if (!enumValues.contains(raw)) {
                throw ApiException.of(Code.COERCION_ERROR, "\"" + raw + "\" is not one of the valid enum values");
            }
            return Json.NODES.textNode(raw);
        }
        return switch (typeName) {
            case "Int" -> integer(raw);
            case "Float" -> decimal(raw);
            case "Boolean" -> bool(raw);
            default -> Json.NODES.textNode(raw);
        };
    }

    private String lookup(Map<String, String> session) {
        for (Map.Entry<String, String> e : session.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(sessionVariable)) {
                return e.getValue();
            }
        }
        throw ApiException.of(Code.NOT_FOUND, "\"" + sessionVariable + "\" session variable expected, but not found");
    }

    private static JsonNode integer(String raw) {
        try {
            return Json.NODES.numberNode(new BigInteger(raw.strip()));
        } catch (NumberFormatException e) {
            throw notCoercible(raw, "an Int");
        }
    }

    private static JsonNode decimal(String raw) {
        try {
            return Json.NODES.numberNode(new BigDecimal(raw.strip()));
        } catch (NumberFormatException e) {
            throw notCoercible(raw, "a Float");
        }
    }

    private static JsonNode bool(String raw) {
        return switch (raw) {
            case "true" -> Json.NODES.booleanNode(true);
            case "false" -> Json.NODES.booleanNode(false);
            default -> throw notCoercible(raw, "a Boolean");
        };
    }

    private static ApiException notCoercible(String raw, String kind) {
        return ApiException.of(Code.COERCION_ERROR, "\"" + raw + "\" cannot be coerced into " + kind + " value");
    }
}
