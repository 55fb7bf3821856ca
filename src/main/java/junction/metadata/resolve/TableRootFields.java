package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import junction.metadata.model.TableConfig;

/**
 * The names tracked tables add to {@code query_root} and {@code mutation_root}, as Hasura names
 * them ({@code T}, {@code T_by_pk}, {@code T_aggregate}, {@code insert_T}, …, custom root fields
 * first), with the source's root field customization (namespace, prefix, suffix) applied. Used to
 * refuse remote root fields that would collide with them.
 */
record TableRootFields(Set<String> query, Set<String> mutation) {

    static TableRootFields of(Iterable<SourceSnapshot> sources) {
        Set<String> query = new LinkedHashSet<>();
        Set<String> mutation = new LinkedHashSet<>();
        for (SourceSnapshot source : sources) {
            add(source, query, mutation);
        }
        return new TableRootFields(query, mutation);
    }

    private static void add(SourceSnapshot source, Set<String> query, Set<String> mutation) {
        JsonNode roots = source.customization() == null ? null : source.customization().get("root_fields");
        String namespace = text(roots, "namespace");
        if (namespace != null && (!source.tables().isEmpty() || !source.functions().isEmpty())) {
            query.add(namespace);
            mutation.add(namespace);
            return;
        }
        String prefix = orEmpty(text(roots, "prefix"));
        String suffix = orEmpty(text(roots, "suffix"));
        for (TrackedTable table : source.tables().values()) {
            String t = table.graphqlName();
            TableConfig config = table.entry().configuration();
            boolean pk = table.table().primaryKey().isPresent();
            query.add(prefix + config.rootField("select").orElse(t) + suffix);
            query.add(prefix + config.rootField("select_aggregate").orElse(t + "_aggregate") + suffix);
            mutation.add(prefix + config.rootField("insert").orElse("insert_" + t) + suffix);
            mutation.add(prefix + config.rootField("insert_one").orElse("insert_" + t + "_one") + suffix);
            mutation.add(prefix + config.rootField("update").orElse("update_" + t) + suffix);
            mutation.add(prefix + config.rootField("update_many").orElse("update_" + t + "_many") + suffix);
            mutation.add(prefix + config.rootField("delete").orElse("delete_" + t) + suffix);
            if (pk) {
                query.add(prefix + config.rootField("select_by_pk").orElse(t + "_by_pk") + suffix);
                mutation.add(prefix + config.rootField("update_by_pk").orElse("update_" + t + "_by_pk") + suffix);
                mutation.add(prefix + config.rootField("delete_by_pk").orElse("delete_" + t + "_by_pk") + suffix);
            }
        }
        for (TrackedFunction function : source.functions().values()) {
            Set<String> names = function.mutation() ? mutation : query;
            names.add(prefix + function.rootFieldName() + suffix);
            if (!function.mutation()) {
                names.add(prefix + function.aggregateFieldName() + suffix);
            }
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value == null || !value.isTextual() || value.textValue().isEmpty() ? null : value.textValue();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
