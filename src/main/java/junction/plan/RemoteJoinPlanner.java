package junction.plan;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.resolve.ResolvedRemoteRelationship;
import junction.plan.join.JoinField;
import junction.remote.CustomizedSchema;
import junction.remote.RemoteQueryBuilder;
import junction.remote.RemoteSchemaState;
import junction.remote.RemoteSelection;
import junction.remote.ResultShape;
import junction.schema.RoleSchema;

/**
 * Plans a remote relationship field: the client's arguments and selection under it translated to
 * the remote's own names (through the remote schema's customization), the client variables and
 * fragments they use, and the hidden keys the SQL returns the join columns under.
 */
final class RemoteJoinPlanner {
    private static final RemoteQueryBuilder BUILDER = new RemoteQueryBuilder();

    private final RoleSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final List<VariableDefinition> variables;

    RemoteJoinPlanner(RoleSchema schema, Map<String, FragmentDefinition> fragments, List<VariableDefinition> variables) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables;
    }

    junction.plan.ir.Field.RemoteJoin plan(ResolvedRemoteRelationship rel, String key, List<Field> fields, String path) {
        String remoteName = rel.definition().remoteSchema();
        RemoteSchemaState.Ready remote = schema.remote(remoteName).orElseThrow(() -> ApiException.of(Code.VALIDATION_FAILED,
                "field '" + rel.name() + "' not found").at(path));
        CustomizedSchema customized = remote.customized();
        List<GraphQLFieldDefinition> steps = rel.path();
        String originalParent = steps.size() == 1 ? remote.original().getQueryType().getName()
                : ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(steps.get(steps.size() - 2).getType())).getName();
        String lastField = rel.definition().last().field();
        String customField = customized.names().customField(originalParent, lastField);
        List<Selection> selections = new ArrayList<>();
        for (Field field : fields) {
            if (field.getSelectionSet() != null) {
                selections.addAll(field.getSelectionSet().getSelections());
            }
        }
        Field synthetic = Field.newField(customField).arguments(fields.getFirst().getArguments())
                .selectionSet(selections.isEmpty() ? null : SelectionSet.newSelectionSet(selections).build()).build();
        RemoteSelection translated = BUILDER.translate(customized, customized.names().customType(originalParent),
                List.of(synthetic), fragments);
        Field remoteField = (Field) translated.selections().getFirst();
        Map<String, String> fragmentTexts = new LinkedHashMap<>();
        translated.fragments().forEach(f -> fragmentTexts.put(f.getName(), AstPrinter.printAstCompact(f)));
        List<String> joinKeys = rel.definition().lhsFields().stream().map(JoinField::phantomKey).toList();
        ResultShape shape = translated.shape().children().getOrDefault(synthetic.getResultKey(), ResultShape.EMPTY);
        JoinField join = new JoinField(key, joinKeys, remoteName, rel.definition(), arguments(remoteField),
                remoteField.getSelectionSet() == null ? "" : AstPrinter.printAstCompact(remoteField.getSelectionSet()),
                fragmentTexts, BUILDER.variableTypes(customized, variables, translated.variableNames()), shape,
                customized.names());
        return new junction.plan.ir.Field.RemoteJoin(key, join);
    }

    private static String arguments(Field field) {
        List<String> out = new ArrayList<>();
        for (Argument argument : field.getArguments()) {
            out.add(AstPrinter.printAstCompact(argument));
        }
        return String.join(", ", out);
    }
}
