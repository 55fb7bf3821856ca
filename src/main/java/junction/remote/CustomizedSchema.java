package junction.remote;

import graphql.introspection.Introspection;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaPrinter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A remote schema as the client sees it, customization applied: the whole customized schema, the
 * name maps both ways, and the namespace field if any. This is what the GraphQL schema builder
 * merges: {@link #queryRootFields()} and {@link #mutationRootFields()} go into {@code query_root}
 * and {@code mutation_root} (the remote's root fields, or the one namespace field), and
 * {@link #types()} are the named types they reach (built-in scalars and introspection types left
 * out; the remote's root types only when they sit behind a namespace), whose interfaces and
 * unions need the type resolvers of {@link #codeRegistry()}. For a role with a remote schema
 * permission, {@code schema} is the role's part of the remote schema and {@code presets} what the
 * engine adds to what the role sends (none for admin).
 */
public record CustomizedSchema(GraphQLSchema schema, RemoteNames names, Optional<String> namespace, RemotePresets presets) {

    public CustomizedSchema(GraphQLSchema schema, RemoteNames names, Optional<String> namespace) {
        this(schema, names, namespace, RemotePresets.NONE);
    }

    /** The same schema with a role's presets. */
    public CustomizedSchema withPresets(RemotePresets rolePresets) {
        return new CustomizedSchema(schema, names, namespace, rolePresets);
    }

    public GraphQLObjectType queryType() {
        return schema.getQueryType();
    }

    public Optional<GraphQLObjectType> mutationType() {
        return Optional.ofNullable(schema.getMutationType());
    }

    /** The root type holding {@code operation}'s fields (customized name), if the remote has one. */
    public Optional<GraphQLObjectType> rootType(graphql.language.OperationDefinition.Operation operation) {
        return switch (operation) {
            case QUERY -> Optional.of(queryType());
            case MUTATION -> mutationType();
            case SUBSCRIPTION -> Optional.empty();
        };
    }

    /** The fields to add to {@code query_root}. */
    public List<GraphQLFieldDefinition> queryRootFields() {
        return rootFields(Optional.of(queryType()));
    }

    /** The fields to add to {@code mutation_root}; none when the remote has no mutations. */
    public List<GraphQLFieldDefinition> mutationRootFields() {
        return rootFields(mutationType());
    }

    private List<GraphQLFieldDefinition> rootFields(Optional<GraphQLObjectType> root) {
        if (root.isEmpty() || root.get().getFieldDefinitions().isEmpty()) {
            return List.of();
        }
        if (namespace.isEmpty()) {
            return root.get().getFieldDefinitions();
        }
        return List.of(GraphQLFieldDefinition.newFieldDefinition().name(namespace.get())
                .type(GraphQLNonNull.nonNull(root.get())).build());
    }

    /** The named types to merge into the client's schema. */
    public List<GraphQLNamedType> types() {
        Set<String> skipped = new HashSet<>();
        if (schema.getSubscriptionType() != null) {
            skipped.add(schema.getSubscriptionType().getName());
        }
        if (namespace.isEmpty()) {
            skipped.add(queryType().getName());
            mutationType().ifPresent(m -> skipped.add(m.getName()));
        }
        return schema.getAllTypesAsList().stream()
                .filter(t -> !t.getName().startsWith("__") && !Introspection.isIntrospectionTypes(t))
                .filter(t -> !ScalarInfo.isGraphqlSpecifiedScalar(t.getName()))
                .filter(t -> !skipped.contains(t.getName()))
                .toList();
    }

    /**
     * Each of {@link #types()} by name, as its shape: its SDL without descriptions or directives
     * (deprecations), fields in name order — what decides which queries are valid and what they
     * return. Two remotes may bring a type of the same name when the shapes are equal (two services
     * with the same {@code PageInfo} or {@code DateTime}): the schema has it once.
     */
    public Map<String, String> shapes() {
        Map<String, String> out = new LinkedHashMap<>();
        types().forEach(t -> out.put(t.getName(), SHAPES.print(t).lines()
                .filter(line -> !line.stripLeading().startsWith("#")).collect(Collectors.joining("\n"))));
        return out;
    }

    /** The names in {@code shapes} (one remote's {@link #shapes()}) that {@code taken} has with another shape, sorted. */
    public static List<String> mismatches(Map<String, String> shapes, Map<String, String> taken) {
        return shapes.entrySet().stream()
                .filter(e -> taken.containsKey(e.getKey()) && !taken.get(e.getKey()).equals(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static final SchemaPrinter SHAPES = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
            .includeDirectives(false).descriptionsAsHashComments(true).includeScalarTypes(true));

    /**
     * Type resolvers for the remote's interfaces and unions (never called: remote fields are
     * forwarded). A schema that merges {@link #types()} must carry them:
     * {@code GraphQLCodeRegistry.newCodeRegistry().typeResolvers(remote.codeRegistry())}.
     */
    public GraphQLCodeRegistry codeRegistry() {
        return schema.getCodeRegistry();
    }

    /** The names this remote adds to {@code query_root} (or {@code mutation_root}), for collision checks. */
    public List<String> rootFieldNames(graphql.language.OperationDefinition.Operation operation) {
        List<GraphQLFieldDefinition> fields = switch (operation) {
            case QUERY -> queryRootFields();
            case MUTATION -> mutationRootFields();
            case SUBSCRIPTION -> List.of();
        };
        return fields.stream().map(GraphQLFieldDefinition::getName).toList();
    }
}
