package junction.metadata.model;

import java.util.regex.Pattern;

/**
 * Hasura's rule for a GraphQL name ({@code [_A-Za-z][_0-9A-Za-z]*}, as graphql-parser-hs
 * {@code mkName}), and not beginning with {@code __} (the GraphQL spec keeps those for
 * introspection, and graphql-java refuses a schema that has one); and its two messages: a name
 * the user gives that breaks it is a parse error; a name from the database that breaks it makes
 * its object inconsistent.
 */
public final class GraphqlName {
    private static final Pattern NAME = Pattern.compile("(?!__)[_A-Za-z][_0-9A-Za-z]*");

    private GraphqlName() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The {@code parse-failed} message for a name the user gave (graphql-parser-hs {@code parseName}). */
    public static String notValid(String name) {
        return name + " is not valid GraphQL name";
    }

    /** The reason for a name the schema would need but cannot have (Hasura's {@code textToName}, its double space kept). */
    public static String cannotInclude(String name) {
        return "cannot include \"" + name + "\" in the GraphQL schema because  it is not a valid GraphQL identifier";
    }
}
