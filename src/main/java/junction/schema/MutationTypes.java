package junction.schema;

import graphql.schema.GraphQLFieldDefinition;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import junction.catalog.TableName;

/** Mutation root fields and their input types (insert, update, delete). */
final class MutationTypes {
    private MutationTypes() {
    }

    static void add(TypeSet types, TableInfo table, Function<TableName, TableInfo> tables,
                    Map<String, RootField> roots, List<GraphQLFieldDefinition> fields) {
        // mutations come in a later step
    }
}
