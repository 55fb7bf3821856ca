package junction.execute;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where in an operation a validation error points: the node graphql-java reports at a source
 * location, with what the schema says around it (the type selected from, the field's definition)
 * and Hasura's path to it ({@code $.selectionSet.a.selectionSet.b}, fragments inlined as Hasura
 * does). The operation has passed {@link QueryLimits}, so the walk is shallow.
 */
sealed interface ValidationSite {
    /** A field, and the type it was selected from ({@code null} when that type is not known). */
    record FieldSite(Field field, GraphQLType parent, String path) implements ValidationSite {
        Optional<GraphQLFieldDefinition> definition() {
            return parent instanceof GraphQLFieldsContainer container
                    ? Optional.ofNullable(container.getFieldDefinition(field.getName())) : Optional.empty();
        }
    }

    /** An argument of a field; {@code path} is the field's. */
    record ArgumentSite(FieldSite field, Argument argument) implements ValidationSite {
    }

    /** A variable used in an argument's value, and the type expected there ({@code null} when not known). */
    record VariableSite(VariableReference variable, GraphQLInputType expected, String path) implements ValidationSite {
    }

    /** A fragment spread, in an operation or a fragment. */
    record SpreadSite(FragmentSpread spread, String path) implements ValidationSite {
    }

    /** Any other node (a variable, a directive, a definition). */
    record OtherSite(Node<?> node) implements ValidationSite {
    }

    /** The node at {@code location}, searched from each operation, then from each fragment definition. */
    static Optional<ValidationSite> find(GraphQLSchema schema, Document document, SourceLocation location) {
        if (location == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(new Search(schema, document, location).run());
    }

    /** The fragments spread on the way to a selection set, innermost first: a spread already in it is a cycle, not walked. */
    record Chain(String name, Chain outer) {
        static boolean contains(Chain chain, String name) {
            for (Chain c = chain; c != null; c = c.outer) {
                if (c.name.equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    final class Search {
        private final GraphQLSchema schema;
        private final Document document;
        private final SourceLocation location;
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        /** From operations, spreads are followed; each fragment definition on its own is searched without. */
        private boolean followSpreads = true;

        private Search(GraphQLSchema schema, Document document, SourceLocation location) {
            this.schema = schema;
            this.document = document;
            this.location = location;
            document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
        }

        private ValidationSite run() {
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                if (at(operation)) {
                    return new OtherSite(operation);
                }
                GraphQLType root = switch (operation.getOperation()) {
                    case MUTATION -> schema.getMutationType();
                    case SUBSCRIPTION -> schema.getSubscriptionType();
                    default -> schema.getQueryType();
                };
                ValidationSite found = walk(operation.getSelectionSet(), root, "$", null);
                if (found != null) {
                    return found;
                }
                if (operation.getVariableDefinitions() != null) {
                    for (var variable : operation.getVariableDefinitions()) {
                        if (at(variable)) {
                            return new OtherSite(variable);
                        }
                    }
                }
            }
            followSpreads = false;
            for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
                if (at(fragment)) {
                    return new OtherSite(fragment);
                }
                ValidationSite found = walk(fragment.getSelectionSet(),
                        schema.getType(fragment.getTypeCondition().getName()), "$", null);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        private ValidationSite walk(SelectionSet set, GraphQLType parent, String path, Chain spreads) {
            if (set == null) {
                return null;
            }
            for (Selection<?> selection : set.getSelections()) {
                ValidationSite found = switch (selection) {
                    case Field field -> field(field, parent, path + ".selectionSet." + field.getName(), spreads);
                    case InlineFragment inline -> at(inline) ? new OtherSite(inline) : walk(inline.getSelectionSet(),
                            inline.getTypeCondition() == null ? parent : schema.getType(inline.getTypeCondition().getName()),
                            path, spreads);
                    case FragmentSpread spread -> spread(spread, path, spreads);
                    default -> null;
                };
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        private ValidationSite field(Field field, GraphQLType parent, String path, Chain spreads) {
            FieldSite site = new FieldSite(field, parent, path);
            if (at(field)) {
                return site;
            }
            for (Argument argument : field.getArguments()) {
                if (at(argument)) {
                    return new ArgumentSite(site, argument);
                }
                GraphQLArgument definition = site.definition().map(d -> d.getArgument(argument.getName())).orElse(null);
                ValidationSite inValue = value(argument.getValue(), definition == null ? null : definition.getType(),
                        path + ".args." + argument.getName());
                if (inValue != null) {
                    return inValue;
                }
            }
            GraphQLType type = site.definition().map(d -> (GraphQLType) GraphQLTypeUtil.unwrapAll(d.getType())).orElse(null);
            return walk(field.getSelectionSet(), type, path, spreads);
        }

        private ValidationSite spread(FragmentSpread spread, String path, Chain spreads) {
            if (at(spread)) {
                return new SpreadSite(spread, path);
            }
            FragmentDefinition fragment = fragments.get(spread.getName());
            if (!followSpreads || fragment == null || Chain.contains(spreads, spread.getName())) {
                return null;
            }
            return walk(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()), path,
                    new Chain(spread.getName(), spreads));
        }

        /** A variable at the location inside a value, with the input type expected where it is used. */
        private ValidationSite value(Value<?> value, GraphQLInputType type, String path) {
            GraphQLInputType unwrapped = type instanceof GraphQLNonNull n ? (GraphQLInputType) n.getWrappedType() : type;
            return switch (value) {
                case VariableReference variable -> at(variable) ? new VariableSite(variable, type, path) : null;
                case ArrayValue array -> {
                    GraphQLInputType element = unwrapped instanceof GraphQLList l ? (GraphQLInputType) l.getWrappedType() : null;
                    for (int i = 0; i < array.getValues().size(); i++) {
                        ValidationSite found = value(array.getValues().get(i), element, path + "[" + i + "]");
                        if (found != null) {
                            yield found;
                        }
                    }
                    yield null;
                }
                case ObjectValue object -> {
                    for (ObjectField field : object.getObjectFields()) {
                        GraphQLInputObjectField definition = unwrapped instanceof GraphQLInputObjectType o
                                ? o.getField(field.getName()) : null;
                        ValidationSite found = value(field.getValue(), definition == null ? null : definition.getType(),
                                path + "." + field.getName());
                        if (found != null) {
                            yield found;
                        }
                    }
                    yield null;
                }
                default -> null;
            };
        }

        private boolean at(Node<?> node) {
            SourceLocation here = node.getSourceLocation();
            return here != null && here.getLine() == location.getLine() && here.getColumn() == location.getColumn();
        }
    }
}
