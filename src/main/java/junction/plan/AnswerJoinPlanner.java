package junction.plan;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.resolve.ResolvedRemoteSchemaRelationship;
import junction.plan.ir.Select;
import junction.plan.join.AnswerJoin;
import junction.plan.join.AnswerJoins;
import junction.plan.join.JoinField;
import junction.remote.RemoteSchemaState;
import junction.schema.RoleSchema;
import junction.schema.TableInfo;

/**
 * Cuts the relationships of remote schemas' types out of a selection sent to a remote (a remote root
 * field's, or one under a remote join): each becomes hidden aliased fields for the values it joins on
 * ({@code _jr_<Type>_<field>: field}), and an {@link AnswerJoin} at its place in the answer, planned as
 * a table's relationship (rows of the target table under the role's select permission) or as a
 * table's remote relationship (a field of the target remote schema). Fragments are cut alike; the
 * cut definitions replace the client's when the selection is sent. Types are those of the role's schema.
 */
final class AnswerJoinPlanner {
    private final RoleSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final FieldCollector collector;
    private final Map<String, FragmentDefinition> cutFragments = new HashMap<>();
    private TablePlanner tables;
    private RemoteJoinPlanner remoteJoins;

    AnswerJoinPlanner(RoleSchema schema, Map<String, FragmentDefinition> fragments, FieldCollector collector) {
        this.schema = schema;
        this.fragments = fragments;
        this.collector = collector;
    }

    /** The planners of the relationships' targets (which plan selections this one cuts, in turn). */
    void targets(TablePlanner tablePlanner, RemoteJoinPlanner remoteJoinPlanner) {
        this.tables = tablePlanner;
        this.remoteJoins = remoteJoinPlanner;
    }

    /** A selection with the relationships cut out, the fragment definitions it uses (cut), and the joins. */
    record Cut(List<Selection> selections, Map<String, FragmentDefinition> fragments, AnswerJoins joins) {
        boolean changed() {
            return !joins.isEmpty();
        }
    }

    /** Whether the role sees any relationship of a remote type (else nothing is cut anywhere). */
    boolean any() {
        return !schema.remoteTypeRelationships().isEmpty();
    }

    /** Cuts {@code selections}, made on the type named {@code parentType} in the role's schema. */
    Cut cut(List<Selection> selections, String parentType, String path) {
        if (!any()) {
            return new Cut(selections, fragments, AnswerJoins.EMPTY);
        }
        Level level = new Level();
        List<Selection> out = cut(selections, parentType, level, path);
        Map<String, FragmentDefinition> all = new LinkedHashMap<>(fragments);
        all.putAll(cutFragments);
        return new Cut(out, all, level.joins(path));
    }

    /** One object level of the answer being planned. */
    private final class Level {
        final Map<String, List<Field>> fields = new LinkedHashMap<>();
        final Map<String, ResolvedRemoteSchemaRelationship> relationships = new LinkedHashMap<>();
        final Map<String, List<String>> hidden = new LinkedHashMap<>();
        final Map<String, Level> children = new LinkedHashMap<>();
        final Set<String> order = new LinkedHashSet<>();

        AnswerJoins joins(String path) {
            List<AnswerJoin> joins = new ArrayList<>();
            Set<String> hiddenKeys = new LinkedHashSet<>();
            fields.forEach((key, list) -> {
                hiddenKeys.addAll(hidden.get(key));
                joins.add(join(key, relationships.get(key), list, hidden.get(key), path + ".selectionSet." + key));
            });
            Map<String, AnswerJoins> below = new LinkedHashMap<>();
            children.forEach((key, child) -> {
                AnswerJoins joinsBelow = child.joins(path + ".selectionSet." + key);
                if (!joinsBelow.isEmpty()) {
                    below.put(key, joinsBelow);
                }
            });
            return new AnswerJoins(joins, hiddenKeys, below, List.copyOf(order));
        }
    }

    private List<Selection> cut(List<Selection> selections, String parentType, Level level, String path) {
        List<Selection> out = new ArrayList<>(selections.size());
        for (Selection<?> selection : selections) {
            switch (selection) {
                case Field field -> out.addAll(field(field, parentType, level, path));
                case InlineFragment inline -> {
                    String type = inline.getTypeCondition() == null ? parentType : inline.getTypeCondition().getName();
                    List<Selection> inner = cut(inline.getSelectionSet().getSelections(), type, level, path);
                    out.add(inline.transform(b -> b.selectionSet(SelectionSet.newSelectionSet(inner).build())));
                }
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null) {
                        String type = fragment.getTypeCondition().getName();
                        List<Selection> inner = cut(fragment.getSelectionSet().getSelections(), type, level, path);
                        cutFragments.putIfAbsent(spread.getName(),
                                fragment.transform(b -> b.selectionSet(SelectionSet.newSelectionSet(inner).build())));
                    }
                    out.add(spread);
                }
                default -> out.add(selection);
            }
        }
        return out;
    }

    private List<Selection> field(Field field, String parentType, Level level, String path) {
        String key = field.getResultKey();
        level.order.add(key);
        Optional<ResolvedRemoteSchemaRelationship> rel = schema.remoteTypeRelationship(parentType, field.getName());
        if (rel.isPresent()) {
            if (!collector.includes(field)) {
                return List.of();
            }
            level.fields.computeIfAbsent(key, k -> new ArrayList<>()).add(field);
            level.relationships.putIfAbsent(key, rel.get());
            List<Selection> hidden = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            RemoteSchemaState.Ready remote = schema.remote(rel.get().remoteSchema()).orElseThrow();
            for (String lhs : rel.get().lhsFields()) {
                String alias = "_jr_" + rel.get().typeName() + "_" + lhs;
                keys.add(alias);
                hidden.add(Field.newField(remote.customized().names().customField(rel.get().typeName(), lhs)).alias(alias).build());
            }
            level.hidden.putIfAbsent(key, keys);
            return hidden;
        }
        if (field.getSelectionSet() == null || field.getName().startsWith("__")) {
            return List.of(field);
        }
        GraphQLFieldDefinition definition = schema.graphql().getType(parentType) instanceof GraphQLFieldsContainer container
                ? container.getFieldDefinition(field.getName()) : null;
        if (definition == null) {
            return List.of(field);
        }
        String type = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(definition.getType())).getName();
        Level child = level.children.computeIfAbsent(key, k -> new Level());
        List<Selection> inner = cut(field.getSelectionSet().getSelections(), type, child, path + ".selectionSet." + key);
        return List.of(field.transform(b -> b.selectionSet(SelectionSet.newSelectionSet(inner).build())));
    }

    private AnswerJoin join(String key, ResolvedRemoteSchemaRelationship rel, List<Field> fields, List<String> hidden,
                            String path) {
        return switch (rel) {
            case ResolvedRemoteSchemaRelationship.ToSource toSource -> {
                TableInfo target = schema.findTable(toSource.source(), toSource.table()).orElseThrow(() ->
                        ApiException.of(Code.VALIDATION_FAILED, "field '" + rel.name() + "' not found").at(path));
                Select select = toSource.array() ? tables.select(target, fields, path, false)
                        : new Select(target.name(), PermissionFilters.select(target), List.of(), List.of(), Optional.empty(),
                                Optional.empty(), tables.rowFields(target, fields, path), true, PermissionFilters.permit(target));
                yield new AnswerJoin(key, hidden, new AnswerJoin.ToSource(toSource.source(), select, toSource.columns(),
                        toSource.columnTypes(), !toSource.array()));
            }
            case ResolvedRemoteSchemaRelationship.ToRemote toRemote -> {
                JoinField field = remoteJoins.plan(toRemote.join(), key, fields, path, hidden).join();
                yield new AnswerJoin(key, hidden, new AnswerJoin.ToRemote(field));
            }
        };
    }
}
