package junction.execute;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.Node;
import graphql.language.NamedNode;
import graphql.language.SourceLocation;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorClassification;
import graphql.validation.ValidationErrorType;
import java.util.List;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;
import junction.execute.ValidationSite.ArgumentSite;
import junction.execute.ValidationSite.FieldSite;
import junction.execute.ValidationSite.OtherSite;
import junction.execute.ValidationSite.SpreadSite;
import junction.execute.ValidationSite.VariableSite;

/**
 * graphql-java's validation errors as Hasura's {@code validation-failed}: the message is made from
 * the error's type and the operation's nodes at its location (field, argument, type names), never
 * from graphql-java's English text, so an upgrade of graphql-java does not change what clients see.
 */
final class ValidationFailures {
    private ValidationFailures() {
    }

    static ApiException translate(GraphQLSchema schema, Document document, ValidationError error) {
        SourceLocation location = error.getLocations() == null || error.getLocations().isEmpty()
                ? null : error.getLocations().getFirst();
        Optional<ValidationSite> site = ValidationSite.find(schema, document, location);
        ValidationErrorClassification type = error.getValidationErrorType();
        if (type == ValidationErrorType.UnknownOperation) {
            return failed(missingRoot(schema, document), "$");
        }
        if (type instanceof ValidationErrorType known && site.isPresent()) {
            ApiException specific = specific(known, site.get(), document);
            if (specific != null) {
                return specific;
            }
        }
        return failed(generic(type, site.map(ValidationFailures::name).orElse(null)),
                site.map(ValidationFailures::path).orElse("$"));
    }

    /** Hasura's message for an operation whose root type the role's schema lacks (a role without mutations). */
    private static String missingRoot(GraphQLSchema schema, Document document) {
        boolean mutation = schema.getMutationType() == null && document.getDefinitionsOfType(
                graphql.language.OperationDefinition.class).stream()
                .anyMatch(o -> o.getOperation() == graphql.language.OperationDefinition.Operation.MUTATION);
        return mutation ? "no mutations exist" : "no subscriptions exist";
    }

    /** The message for an error type whose node was found, or {@code null} when it is not the expected node. */
    private static ApiException specific(ValidationErrorType type, ValidationSite site, Document document) {
        return switch (type) {
            case FieldUndefined -> site instanceof FieldSite f && f.parent() != null
                    ? failed("field '" + f.field().getName() + "' not found in type: '"
                    + GraphQLTypeUtil.simplePrint(f.parent()) + "'", f.path()) : null;
            case UnknownArgument -> site instanceof ArgumentSite a
                    ? failed("\"" + a.field().field().getName() + "\" has no argument named \""
                    + a.argument().getName() + "\"", a.field().path()) : null;
            case MissingFieldArgument -> site instanceof FieldSite f ? missingArgument(f) : null;
            case WrongType -> site instanceof ArgumentSite a ? wrongValue(a) : null;
            case NullValueForNonNullArgument -> switch (site) {
                case ArgumentSite a -> wrongValue(a);
                case FieldSite f -> f.field().getArguments().stream()
                        .filter(a -> a.getValue() instanceof graphql.language.NullValue)
                        .map(a -> wrongValue(new ArgumentSite(f, a))).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                default -> null;
            };
            case UndefinedFragment -> site instanceof SpreadSite s
                    ? failed("reference to undefined fragment \"" + s.spread().getName() + "\"", s.path()) : null;
            case FragmentCycle -> failed("the fragment definition(s) \"" + name(site) + "\" form a cycle", path(site));
            case DuplicateFragmentName -> ApiException.of(Code.PARSE_FAILED,
                    "multiple definitions for fragment \"" + name(site) + "\"").at("$.query");
            case VariableTypeMismatch -> site instanceof VariableSite v && v.expected() != null
                    ? failed("variable \"" + v.variable().getName() + "\" is declared as " + declared(document, v)
                    + ", but used where " + GraphQLTypeUtil.simplePrint(v.expected()) + " is expected", v.path()) : null;
            case UnusedFragment -> site instanceof OtherSite o && o.node() instanceof FragmentDefinition f
                    ? failed("following fragment(s) have been defined, but have not been used in the query - "
                    + f.getName(), "$") : null;
            default -> null;
        };
    }

    /** The type a variable is declared with, as written in the operation. */
    private static String declared(Document document, VariableSite site) {
        for (var operation : document.getDefinitionsOfType(graphql.language.OperationDefinition.class)) {
            for (var definition : operation.getVariableDefinitions()) {
                if (definition.getName().equals(site.variable().getName())) {
                    return graphql.language.AstPrinter.printAst(definition.getType());
                }
            }
        }
        return "another type";
    }

    private static ApiException missingArgument(FieldSite site) {
        Optional<GraphQLFieldDefinition> definition = site.definition();
        if (definition.isEmpty()) {
            return null;
        }
        List<String> given = site.field().getArguments().stream().map(Argument::getName).toList();
        for (GraphQLArgument argument : definition.get().getArguments()) {
            if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()
                    && !given.contains(argument.getName())) {
                return failed("missing required field '" + argument.getName() + "'", site.path() + ".args");
            }
        }
        return null;
    }

    private static ApiException wrongValue(ArgumentSite site) {
        GraphQLArgument definition = site.field().definition().map(d -> d.getArgument(site.argument().getName()))
                .orElse(null);
        if (definition == null) {
            return null;
        }
        String path = site.field().path() + ".args." + site.argument().getName();
        return ValueProblem.find(site.argument().getValue(), definition.getType(), path)
                .map(p -> failed(p.message(), p.path()))
                .orElseGet(() -> failed("the value of argument '" + site.argument().getName()
                        + "' is not a valid '" + GraphQLTypeUtil.simplePrint(definition.getType()) + "'", path));
    }

    /** A message for the other kinds of errors: what kind of rule the operation breaks, and the name it concerns. */
    private static String generic(ValidationErrorClassification type, String name) {
        String about = name == null ? "" : " \"" + name + "\"";
        if (!(type instanceof ValidationErrorType known)) {
            return "the query is not valid";
        }
        return switch (known) {
            case UndefinedVariable -> "variable" + about + " is not defined by the operation";
            case UnusedVariable -> "variable" + about + " is declared but not used";
            case VariableTypeMismatch -> "variable" + about + " is used in a position expecting another type";
            case NonInputTypeOnVariable -> "variable" + about + " is not of an input type";
            case DuplicateVariableName -> "variable" + about + " is declared more than once";
            case DuplicateArgumentNames -> "argument" + about + " is given more than once";
            case DuplicateOperationName -> "more than one operation is named" + about;
            case LoneAnonymousOperationViolation -> "an anonymous operation must be the only operation in the document";
            case UnknownDirective -> "directive" + about + " is not defined";
            case MisplacedDirective -> "directive" + about + " is not allowed here";
            case DuplicateDirectiveName -> "directive" + about + " is used more than once";
            case MissingDirectiveArgument -> "a required argument of directive" + about + " is missing";
            case UnknownType -> "type" + about + " is not defined";
            case SubselectionRequired -> "field" + about + " of an object type must have a selection of subfields";
            case SubselectionNotAllowed -> "field" + about + " of a scalar type must not have a selection of subfields";
            case FieldsConflict -> "fields" + about + " select different things under the same response name";
            case InlineFragmentTypeConditionInvalid, FragmentTypeConditionInvalid, InvalidFragmentType ->
                    "fragment" + about + " cannot apply to the type it is used on";
            case NonExecutableDefinition -> "the document contains a definition that cannot be executed";
            case UnknownOperation -> "the operation is not supported by the schema";
            case SubscriptionMultipleRootFields -> "a subscription must select exactly one root field";
            case NullValueForNonNullArgument, WrongType, BadValueForDefaultArg, DefaultForNonNullArgument ->
                    "the value" + (name == null ? "" : " of \"" + name + "\"") + " is not valid for its type";
            case FieldUndefined -> "field" + about + " is not defined";
            case UnknownArgument -> "argument" + about + " is not defined";
            case MissingFieldArgument -> "a required argument of field" + about + " is missing";
            case UndefinedFragment -> "reference to undefined fragment" + about;
            case UnusedFragment -> "following fragment(s) have been defined, but have not been used in the query -"
                    + (name == null ? "" : " " + name);
            default -> "the query is not valid";
        };
    }

    private static String name(ValidationSite site) {
        Node<?> node = switch (site) {
            case FieldSite f -> f.field();
            case ArgumentSite a -> a.argument();
            case SpreadSite s -> s.spread();
            case VariableSite v -> v.variable();
            case OtherSite o -> o.node();
        };
        if (node instanceof graphql.language.VariableDefinition v) {
            return v.getName();
        }
        return node instanceof NamedNode<?> named ? named.getName() : null;
    }

    private static String path(ValidationSite site) {
        return switch (site) {
            case FieldSite f -> f.path();
            case ArgumentSite a -> a.field().path() + ".args." + a.argument().getName();
            case SpreadSite s -> s.path();
            case VariableSite v -> v.path();
            case OtherSite o -> "$";
        };
    }

    private static ApiException failed(String message, String path) {
        return ApiException.of(Code.VALIDATION_FAILED, message).at(path);
    }
}
