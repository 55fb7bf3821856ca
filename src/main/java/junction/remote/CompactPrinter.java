package junction.remote;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FloatValue;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import java.util.List;

/**
 * Prints an executable document (operations and fragments) in graphql-java's compact form
 * ({@code AstPrinter.printAstCompact}) into one {@link StringBuilder}. It exists for speed only: a
 * remote join's request is printed on every request, and graphql-java's printer costs ~0.3 µs per
 * aliased field (bench/PrintCost.java, idle machine: 100 aliased fields 23–50 µs, a list argument of
 * 100 ints 8–16 µs); this one 12–21 µs and 1.3–2.4 µs. Same text for the documents Junction sends
 * ({@code CompactPrinterTest} compares both over a corpus); anything
 * that is not part of an executable document is refused.
 */
public final class CompactPrinter {
    private final StringBuilder out = new StringBuilder(256);

    private CompactPrinter() {
    }

    public static String print(Document document) {
        CompactPrinter printer = new CompactPrinter();
        List<Definition> definitions = document.getDefinitions();
        for (int i = 0; i < definitions.size(); i++) {
            if (i > 0) {
                printer.out.append(' ');
            }
            printer.definition(definitions.get(i));
        }
        return printer.out.toString();
    }

    /** One selection ({@code alias:field(args){…}}), as it appears inside a document. */
    public static String print(Selection<?> selection) {
        CompactPrinter printer = new CompactPrinter();
        printer.selection(selection);
        return printer.out.toString();
    }

    private void definition(Definition<?> definition) {
        switch (definition) {
            case OperationDefinition operation -> operation(operation);
            case FragmentDefinition fragment -> {
                out.append("fragment ").append(fragment.getName()).append(" on ").append(fragment.getTypeCondition().getName());
                if (fragment.getDirectives().isEmpty()) {
                    out.append(' ');
                } else {
                    directives(fragment.getDirectives(), true);
                }
                selectionSet(fragment.getSelectionSet());
            }
            default -> throw new IllegalArgumentException("not an executable definition: " + definition.getClass().getSimpleName());
        }
    }

    private void operation(OperationDefinition operation) {
        boolean plain = operation.getOperation() == OperationDefinition.Operation.QUERY && operation.getName() == null
                && operation.getVariableDefinitions().isEmpty() && operation.getDirectives().isEmpty();
        if (!plain) {
            out.append(operation.getOperation().name().toLowerCase(java.util.Locale.ROOT));
            if (operation.getName() != null) {
                out.append(' ').append(operation.getName());
            }
            List<VariableDefinition> variables = operation.getVariableDefinitions();
            if (!variables.isEmpty()) {
                out.append(operation.getName() == null ? " (" : "(");
                for (int i = 0; i < variables.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    variable(variables.get(i));
                }
                out.append(')');
            }
            directives(operation.getDirectives(), true);
        }
        selectionSet(operation.getSelectionSet());
    }

    private void variable(VariableDefinition variable) {
        out.append('$').append(variable.getName()).append(':');
        type(variable.getType());
        if (variable.getDefaultValue() != null) {
            out.append('=');
            value(variable.getDefaultValue());
        }
        directives(variable.getDirectives(), false);
    }

    private void type(Type<?> type) {
        switch (type) {
            case TypeName name -> out.append(name.getName());
            case NonNullType nonNull -> {
                type(nonNull.getType());
                out.append('!');
            }
            case ListType list -> {
                out.append('[');
                type(list.getType());
                out.append(']');
            }
            default -> throw new IllegalArgumentException("unknown type node " + type.getClass().getSimpleName());
        }
    }

    private void selectionSet(SelectionSet set) {
        out.append('{');
        List<Selection> selections = set.getSelections();
        for (int i = 0; i < selections.size(); i++) {
            if (i > 0 && out.charAt(out.length() - 1) != '}') {
                out.append(' ');
            }
            selection(selections.get(i));
        }
        out.append('}');
    }

    private void selection(Selection<?> selection) {
        switch (selection) {
            case Field field -> {
                if (field.getAlias() != null) {
                    out.append(field.getAlias()).append(':');
                }
                out.append(field.getName());
                arguments(field.getArguments());
                directives(field.getDirectives(), true);
                if (field.getSelectionSet() != null && !field.getSelectionSet().getSelections().isEmpty()) {
                    selectionSet(field.getSelectionSet());
                }
            }
            case FragmentSpread spread -> {
                out.append("...").append(spread.getName());
                directives(spread.getDirectives(), false);
            }
            case InlineFragment fragment -> {
                out.append("...");
                if (fragment.getTypeCondition() != null) {
                    out.append("on ").append(fragment.getTypeCondition().getName());
                }
                directives(fragment.getDirectives(), false);
                selectionSet(fragment.getSelectionSet());
            }
            default -> throw new IllegalArgumentException("unknown selection " + selection.getClass().getSimpleName());
        }
    }

    private void arguments(List<Argument> arguments) {
        if (arguments.isEmpty()) {
            return;
        }
        out.append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(arguments.get(i).getName()).append(':');
            value(arguments.get(i).getValue());
        }
        out.append(')');
    }

    private void directives(List<Directive> directives, boolean spaced) {
        for (Directive directive : directives) {
            if (spaced) {
                out.append(' ');
            }
            out.append('@').append(directive.getName());
            arguments(directive.getArguments());
        }
    }

    private void value(Value<?> value) {
        switch (value) {
            case IntValue v -> integer(v.getValue());
            case FloatValue v -> out.append(v.getValue());
            case BooleanValue v -> out.append(v.isValue());
            case NullValue v -> out.append("null");
            case EnumValue v -> out.append(v.getName());
            case VariableReference v -> out.append('$').append(v.getName());
            case StringValue v -> string(v.getValue());
            case ArrayValue v -> {
                out.append('[');
                List<Value> values = v.getValues();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(values.get(i));
                }
                out.append(']');
            }
            case ObjectValue v -> {
                out.append('{');
                List<ObjectField> fields = v.getObjectFields();
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(fields.get(i).getName()).append(':');
                    value(fields.get(i).getValue());
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException("unknown value " + value.getClass().getSimpleName());
        }
    }

    /** BigInteger's own toString costs several times a long's: most join keys fit a long. */
    private void integer(java.math.BigInteger value) {
        if (value.bitLength() < 64) {
            out.append(value.longValue());
        } else {
            out.append(value);
        }
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
