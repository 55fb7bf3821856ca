package junction.plan;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.TypeName;
import graphql.language.FragmentDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.resolve.ResolvedRemoteRelationship;
import junction.metadata.model.RemoteBatch;
import junction.metadata.model.RemoteFieldStep;
import junction.plan.join.BatchCall;
import junction.plan.join.GraphqlValues;
import junction.plan.join.JoinField;
import junction.plan.join.JoinStep;
import junction.remote.CustomizedSchema;
import junction.remote.RemoteQueryBuilder;
import junction.remote.RemoteSchemaState;
import junction.remote.RemoteSelection;
import junction.remote.ResultShape;
import junction.schema.RoleSchema;

/**
 * Plans a remote relationship field: the client's arguments and selection under it translated to
 * the remote's own names (through the remote schema's customization), the client variables and
 * fragments they use, and the hidden keys the SQL returns the join columns under. An argument the
 * template fixes in part is merged into the template ({@link TemplateMerger}); the others are sent
 * as the client wrote them.
 */
final class RemoteJoinPlanner {
    private static final RemoteQueryBuilder BUILDER = new RemoteQueryBuilder();

    private final RoleSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final List<VariableDefinition> variables;
    private final Args args;
    private AnswerJoinPlanner answers;

    RemoteJoinPlanner(RoleSchema schema, Map<String, FragmentDefinition> fragments, List<VariableDefinition> variables,
                      Args args) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables;
        this.args = args;
    }

    /** The planner of relationships of remote types selected under a remote join (cut out of what is sent). */
    void answers(AnswerJoinPlanner planner) {
        this.answers = planner;
    }

    junction.plan.ir.Field.RemoteJoin plan(ResolvedRemoteRelationship rel, String key, List<Field> fields, String path) {
        return plan(rel, key, fields, path, rel.definition().lhsFields().stream().map(JoinField::phantomKey).toList());
    }

    /** The same, the join values read from the row under {@code joinKeys} (in {@code lhs_fields} order). */
    junction.plan.ir.Field.RemoteJoin plan(ResolvedRemoteRelationship rel, String key, List<Field> fields, String path,
                                           List<String> joinKeys) {
        String remoteName = rel.definition().remoteSchema();
        RemoteSchemaState.Ready remote = schema.remote(remoteName).orElseThrow(() -> ApiException.of(Code.VALIDATION_FAILED,
                "field '" + rel.name() + "' not found").at(path));
        CustomizedSchema customized = remote.customized();
        List<GraphQLFieldDefinition> steps = rel.path();
        String originalParent = steps.size() == 1 ? remote.original().getQueryType().getName()
                : ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(steps.get(steps.size() - 2).getType())).getName();
        String customField = customized.names().customField(originalParent, rel.definition().last().field());

        TemplateMerger merger = new TemplateMerger(args);
        List<String> lhs = rel.definition().lhsFields();
        Map<String, Value<?>> lastArguments = new LinkedHashMap<>();
        rel.definition().last().arguments().forEach((name, template) -> lastArguments.put(name, GraphqlValues.template(template, lhs)));
        List<Argument> passed = new ArrayList<>();
        for (Argument argument : fields.getFirst().getArguments()) {
            Value<?> template = lastArguments.get(argument.getName());
            if (template == null) {
                passed.add(argument);
                continue;
            }
            lastArguments.put(argument.getName(), merger.merge(template, argument.getValue(),
                    steps.getLast().getArgument(argument.getName()).getType(), path + ".args." + argument.getName()));
        }

        List<Selection> selections = new ArrayList<>();
        for (Field field : fields) {
            if (field.getSelectionSet() != null) {
                selections.addAll(field.getSelectionSet().getSelections());
            }
        }
        Map<String, FragmentDefinition> usedFragments = fragments;
        junction.plan.join.AnswerJoins nested = junction.plan.join.AnswerJoins.EMPTY;
        if (answers != null && answers.any() && !selections.isEmpty()) {
            String resultType = customized.names().customType(
                    ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(rel.type())).getName());
            AnswerJoinPlanner.Cut cut = answers.cut(selections, resultType, path);
            selections = cut.selections();
            usedFragments = cut.fragments();
            nested = cut.joins();
        }
        Field synthetic = Field.newField(customField).arguments(passed)
                .selectionSet(selections.isEmpty() ? null : SelectionSet.newSelectionSet(selections).build()).build();
        RemoteSelection translated = BUILDER.translate(customized, customized.names().customType(originalParent),
                List.of(synthetic), usedFragments, rel.definition().last().arguments().keySet());
        Field remoteField = (Field) translated.selections().getFirst();
        Set<String> used = new LinkedHashSet<>(translated.variableNames());
        used.addAll(merger.variables());
        ResultShape shape = translated.shape().children().getOrDefault(synthetic.getResultKey(), ResultShape.EMPTY);
        List<VariableDefinition> declared = new ArrayList<>(BUILDER.variableDefinitions(customized, variables, used));
        translated.sessions().forEach(s -> declared.add(new VariableDefinition(s.variable(), s.variableType())));
        List<JoinStep> joinSteps = new ArrayList<>();
        for (int i = 0; i < rel.definition().path().size(); i++) {
            RemoteFieldStep step = rel.definition().path().get(i);
            List<Argument> arguments = new ArrayList<>();
            if (i == rel.definition().path().size() - 1) {
                lastArguments.forEach((name, value) -> arguments.add(new Argument(name, value)));
                arguments.addAll(remoteField.getArguments());
            } else {
                step.arguments().forEach((name, template) -> arguments.add(new Argument(name, GraphqlValues.template(template, lhs))));
            }
            joinSteps.add(new JoinStep(step.field(), arguments));
        }
        JoinField join = new JoinField(key, joinKeys, remoteName, rel.definition(), joinSteps, remoteField.getSelectionSet(),
                translated.fragments(), declared, shape, customized.names(), translated.sessions(), translated.patches(),
                batch(rel, remoteField, remote.original()), nested);
        return new junction.plan.ir.Field.RemoteJoin(key, join);
    }

    /**
     * The list field call of a relationship with {@code batch}, or null: without {@code batch}, and for a
     * role whose view of the remote (remote schema permissions) lacks the list field, its argument or the
     * key — that role's rows are fetched as Hasura does, with the field it may use.
     */
    private static BatchCall batch(ResolvedRemoteRelationship rel, Field remoteField, graphql.schema.GraphQLSchema visible) {
        RemoteBatch batch = rel.definition().batch().orElse(null);
        if (batch == null || rel.batchField() == null) {
            return null;
        }
        GraphQLFieldDefinition list = visible.getQueryType().getFieldDefinition(batch.field());
        if (list == null || list.getArgument(batch.argument()) == null) {
            return null;
        }
        if (batch.key() != null && !hasKey(visible, rel, batch.key())) {
            return null;
        }
        List<String> lhs = rel.definition().lhsFields();
        Value<?> item = GraphqlValues.template(batch.item() != null ? batch.item()
                : com.fasterxml.jackson.databind.node.TextNode.valueOf("$" + lhs.getFirst()), lhs);
        SelectionSet selection = remoteField.getSelectionSet();
        if (selection != null) {
            List<Selection> selections = new ArrayList<>(selection.getSelections());
            if (batch.key() != null) {
                selections.add(Field.newField(batch.key()).alias(BatchCall.KEY_ALIAS).build());
            }
            String own = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(rel.type())).getName();
            String answers = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(rel.batchField().getType())).getName();
            selection = SelectionSet.newSelectionSet(selections).build();
            if (!own.equals(answers)) {
                selection = SelectionSet.newSelectionSet().selection(InlineFragment.newInlineFragment()
                        .typeCondition(new TypeName(own)).selectionSet(selection).build()).build();
            }
        }
        List<Argument> arguments = new ArrayList<>();
        rel.definition().last().arguments().forEach((name, template) -> {
            Value<?> value = GraphqlValues.template(template, lhs);
            if (!GraphqlValues.hasPlaceholder(value)) {
                arguments.add(new Argument(name, value));
            }
        });
        arguments.addAll(remoteField.getArguments());
        return new BatchCall(batch.field(), batch.argument(), item, batch.key(), arguments, selection);
    }

    private static boolean hasKey(graphql.schema.GraphQLSchema visible, ResolvedRemoteRelationship rel, String key) {
        String own = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(rel.type())).getName();
        return visible.getType(own) instanceof graphql.schema.GraphQLFieldsContainer fields && fields.getFieldDefinition(key) != null;
    }
}
