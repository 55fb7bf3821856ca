package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import junction.catalog.Column;
import junction.catalog.TableName;

/**
 * The GraphQL names of one source, as Hasura computes them: its naming convention
 * ({@code hasura-default}: snake_case as written; {@code graphql-default}: camelCase fields and
 * arguments, PascalCase types, upper-case enum values) and its customization (root field namespace,
 * prefix and suffix; type name prefix and suffix). Every name a tracked table adds to the schema is
 * computed here, once per source, so that the schema builder, the planner and the resolver's
 * root-field collision check agree. Names a user gave ({@code custom_name} of a column, custom root
 * fields) are kept as given, as in Hasura; remote schemas are never renamed by it.
 *
 * <p>Table names are identifiers made of pieces (Hasura's {@code GQLNameIdentifier}): the schema
 * (outside {@code public}) and the table split at underscores, or the table's custom name as one
 * piece; a kind adds its own pieces ({@code insert} · T · {@code one}). hasura-default joins them
 * with underscores, graphql-default capitalizes them.
 *
 * @param graphqlCase whether the graphql-default convention applies
 * @param namespace   the field of {@code query_root}/{@code mutation_root} under which the source's root fields go
 */
public record Naming(boolean graphqlCase, Optional<String> namespace, Optional<String> rootPrefix,
                     Optional<String> rootSuffix, Optional<String> typePrefix, Optional<String> typeSuffix) {
    public static final String HASURA_DEFAULT = "hasura-default";
    public static final String GRAPHQL_DEFAULT = "graphql-default";
    /** Names as without customization, in the hasura-default convention. */
    public static final Naming DEFAULT = new Naming(false, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /**
     * The server's naming settings.
     *
     * @param convention    the default convention ({@code HASURA_GRAPHQL_DEFAULT_NAMING_CONVENTION})
     * @param conventionsOn whether the {@code naming_convention} experimental feature is on
     */
    public record Defaults(String convention, boolean conventionsOn) {
        public static final Defaults HASURA = new Defaults(HASURA_DEFAULT, false);

        /** The naming of a source with this {@code customization} (may be null). */
        public Naming of(JsonNode customization) {
            return Naming.of(customization, convention, conventionsOn);
        }
    }

    /**
     * The naming of a source with this {@code customization} (may be null).
     *
     * @param defaultConvention the server's default convention ({@code HASURA_GRAPHQL_DEFAULT_NAMING_CONVENTION})
     * @param conventionsOn     whether the {@code naming_convention} experimental feature is on: off, every
     *                          source is hasura-default whatever it or the default says (Hasura's behaviour)
     */
    public static Naming of(JsonNode customization, String defaultConvention, boolean conventionsOn) {
        JsonNode roots = customization == null ? null : customization.get("root_fields");
        JsonNode types = customization == null ? null : customization.get("type_names");
        String convention = text(customization, "naming_convention").orElse(defaultConvention);
        return new Naming(conventionsOn && GRAPHQL_DEFAULT.equals(convention), text(roots, "namespace"),
                text(roots, "prefix"), text(roots, "suffix"), text(types, "prefix"), text(types, "suffix"));
    }

    /**
     * A root field of a table: {@code kind} is a {@code custom_root_fields} key ({@code select},
     * {@code select_by_pk}, {@code insert_one}, …). A custom root field is kept as given; the root
     * field prefix and suffix apply to both.
     */
    public String rootField(TrackedTable table, String kind) {
        String name = table.entry().configuration().rootField(kind)
                .orElseGet(() -> join(rootPieces(table, kind), false));
        return affix(rootPrefix, name, rootSuffix);
    }

    /**
     * A root field of something else of the source whose name Hasura generates from a snake_case
     * base (a tracked function {@code search_orders}, its {@code search_orders_aggregate}): the
     * convention, then the root field prefix and suffix.
     */
    public String generatedRootField(String snake) {
        return affix(rootPrefix, field(snake), rootSuffix);
    }

    /** A root field the user named (a function's {@code custom_name}/custom root fields): kept, prefix and suffix applied. */
    public String givenRootField(String name) {
        return affix(rootPrefix, name, rootSuffix);
    }

    /** A type generated for a table: {@code suffix} is Hasura's ({@code ""}, {@code "_bool_exp"}, {@code "_avg_fields"}, …). */
    public String tableType(TrackedTable table, String suffix) {
        List<String> pieces = new ArrayList<>(base(table));
        pieces.addAll(split(suffix));
        return affix(typePrefix, join(pieces, true), typeSuffix);
    }

    /** Another type generated for the source from a snake_case name (a function's {@code search_articles_args}): the convention, then the type prefix and suffix. */
    public String sourceType(String snake) {
        return affix(typePrefix, graphqlCase ? pascal(fromSnake(snake)) : snake, typeSuffix);
    }

    /** The type of the namespace field ({@code suffix} {@code _query}, {@code _mutation_frontend}), the type prefix and suffix applied. */
    public Optional<String> namespaceType(String suffix) {
        return namespace.map(n -> affix(typePrefix, n + suffix, typeSuffix));
    }

    /** A generated field, argument or operator name given in Hasura's snake_case ({@code order_by}, {@code _is_null}). */
    public String field(String snake) {
        return graphqlCase ? camel(fromSnake(snake)) : snake;
    }

    /** A type shared by the source's tables, not customized by type prefix or suffix ({@code order_by}, {@code Int_comparison_exp}). */
    public String sharedType(String snake) {
        return graphqlCase ? pascal(fromSnake(snake)) : snake;
    }

    /** An enum value Hasura generates ({@code asc_nulls_first}): upper case in graphql-default. */
    public String enumValue(String value) {
        return graphqlCase ? value.toUpperCase(java.util.Locale.ROOT) : value;
    }

    /**
     * A generated name back in hasura-default ({@code _isNull} → {@code _is_null}, {@code orderBy} →
     * {@code order_by}, {@code stddevPop} → {@code stddev_pop}): generated names are lower-case
     * snake_case words, so the camelCase of graphql-default converts back exactly. For names the
     * schema validated, never for user-given ones (columns, relationships).
     */
    public static String snake(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The GraphQL field of a column: its custom name as given, else its name (camelCase in graphql-default). */
    public String column(TrackedTable table, Column column) {
        return column(table, column.name());
    }

    /** The GraphQL field of a column given by name. */
    public String column(TrackedTable table, String column) {
        return table.entry().configuration().columnName(column).orElseGet(() -> field(column));
    }

    /** The pieces of a table's base name: its custom name, or schema (outside public) and table split at underscores. */
    static List<String> base(TrackedTable table) {
        String custom = table.entry().configuration().customName();
        if (custom != null) {
            return List.of(custom);
        }
        TableName name = table.name();
        List<String> pieces = new ArrayList<>();
        if (!name.schema().equals("public")) {
            pieces.addAll(fromSnake(name.schema()));
        }
        pieces.addAll(fromSnake(name.name()));
        return pieces;
    }

    private static List<String> rootPieces(TrackedTable table, String kind) {
        List<String> base = base(table);
        List<String> out = new ArrayList<>();
        String[] parts = kind.split("_", 2);
        String verb = parts[0];
        String rest = parts.length > 1 ? parts[1] : "";
        if (!verb.equals("select")) {
            out.add(verb);
        }
        out.addAll(base);
        if (!rest.isEmpty()) {
            out.addAll(split(rest));
        }
        return out;
    }

    private String join(List<String> pieces, boolean type) {
        if (!graphqlCase) {
            return String.join("_", pieces);
        }
        return type ? pascal(pieces) : camel(pieces);
    }

    /**
     * Hasura's {@code applyPrefixSuffix}: hasura-default concatenates; graphql-default keeps the
     * prefix as given and capitalizes what follows it.
     */
    private String affix(Optional<String> prefix, String name, Optional<String> suffix) {
        if (!graphqlCase) {
            return prefix.orElse("") + name + suffix.orElse("");
        }
        return prefix.map(p -> p + upperFirst(name)).orElse(name) + suffix.map(Naming::upperFirst).orElse("");
    }

    /** Hasura's {@code fromSnake}: split at underscores, a leading underscore kept on the first piece. */
    static List<String> fromSnake(String text) {
        List<String> pieces = new ArrayList<>(Arrays.asList(text.split("_", -1)));
        if (pieces.size() > 1 && pieces.getFirst().isEmpty()) {
            pieces.removeFirst();
            pieces.set(0, "_" + pieces.getFirst());
        }
        return pieces;
    }

    private static List<String> split(String suffix) {
        return suffix.isEmpty() ? List.of() : fromSnake(suffix.startsWith("_") ? suffix.substring(1) : suffix);
    }

    private static String camel(List<String> pieces) {
        StringBuilder out = new StringBuilder(lowerFirst(pieces.getFirst()));
        pieces.subList(1, pieces.size()).forEach(p -> out.append(upperFirst(p)));
        return out.toString();
    }

    private static String pascal(List<String> pieces) {
        StringBuilder out = new StringBuilder();
        pieces.forEach(p -> out.append(upperFirst(p)));
        return out.toString();
    }

    private static String upperFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + text.substring(1);
    }

    private static Optional<String> text(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value == null || !value.isTextual() || value.textValue().isEmpty() ? Optional.empty()
                : Optional.of(value.textValue());
    }
}
