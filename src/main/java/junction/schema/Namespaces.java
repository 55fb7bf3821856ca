package junction.schema;

import static junction.schema.TypeSet.nonNull;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import junction.metadata.resolve.Naming;

/**
 * A source's root fields on {@code query_root}/{@code mutation_root}: directly, or, with a root field
 * namespace, under one field {@code <namespace>: <namespace>_query!} (mutations:
 * {@code <namespace>_mutation_frontend!}) whose type holds them, as Hasura does.
 */
final class Namespaces {
    private Namespaces() {
    }

    /**
     * @param suffix      Hasura's suffix of the namespace type ({@code _query}, {@code _mutation_frontend})
     * @param sourceRoots the source's root fields, by name
     */
    static void add(Naming naming, String suffix, TypeSet types, Map<String, RootField> sourceRoots,
                    List<GraphQLFieldDefinition> sourceFields, Map<String, RootField> roots,
                    List<GraphQLFieldDefinition> fields) {
        if (sourceFields.isEmpty()) {
            return;
        }
        if (naming.namespace().isEmpty()) {
            roots.putAll(sourceRoots);
            fields.addAll(sourceFields);
            return;
        }
        String namespace = naming.namespace().get();
        String typeName = naming.namespaceType(suffix).orElseThrow();
        sourceFields.sort(Comparator.comparing(GraphQLFieldDefinition::getName));
        types.add(GraphQLObjectType.newObject().name(typeName).fields(sourceFields).build());
        roots.put(namespace, new RootField.Namespace(typeName, sourceRoots));
        fields.add(GraphQLFieldDefinition.newFieldDefinition().name(namespace).type(nonNull(typeName)).build());
    }
}
