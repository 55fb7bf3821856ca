package junction.remote;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.TypeResolver;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wiring for schemas built from a remote's introspection. Junction never executes them with
 * graphql-java (it forwards), but validates against them: a remote's custom scalars accept any
 * literal or value and pass it through unchanged, and abstract types need a resolver that is
 * never called.
 */
final class RemoteWiring implements WiringFactory {
    static final RuntimeWiring WIRING = RuntimeWiring.newRuntimeWiring().wiringFactory(new RemoteWiring()).build();

    private static final TypeResolver NOT_EXECUTED = env -> {
        throw new IllegalStateException("remote schemas are forwarded, not executed");
    };

    @Override
    public boolean providesScalar(ScalarWiringEnvironment environment) {
        return !ScalarInfo.isGraphqlSpecifiedScalar(environment.getScalarTypeDefinition().getName());
    }

    @Override
    public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
        var definition = environment.getScalarTypeDefinition();
        return GraphQLScalarType.newScalar()
                .name(definition.getName())
                .description(definition.getDescription() == null ? null : definition.getDescription().getContent())
                .definition(definition)
                .coercing(PassThrough.INSTANCE)
                .build();
    }

    @Override
    public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
        return NOT_EXECUTED;
    }

    @Override
    public boolean providesTypeResolver(UnionWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
        return NOT_EXECUTED;
    }

    /** A scalar that takes any value and literal as it comes. */
    static final class PassThrough implements Coercing<Object, Object> {
        static final PassThrough INSTANCE = new PassThrough();

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return toJava(input, variables);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return toLiteral(input);
        }

        private static Object toJava(Value<?> value, CoercedVariables variables) {
            return switch (value) {
                case NullValue n -> null;
                case StringValue s -> s.getValue();
                case BooleanValue b -> b.isValue();
                case IntValue i -> i.getValue();
                case FloatValue f -> f.getValue();
                case EnumValue e -> e.getName();
                case VariableReference v -> variables.get(v.getName());
                case ArrayValue a -> {
                    List<Object> out = new ArrayList<>();
                    a.getValues().forEach(v -> out.add(toJava(v, variables)));
                    yield out;
                }
                case ObjectValue o -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (ObjectField field : o.getObjectFields()) {
                        out.put(field.getName(), toJava(field.getValue(), variables));
                    }
                    yield out;
                }
                default -> throw new IllegalArgumentException("unexpected literal " + value);
            };
        }

        private static Value<?> toLiteral(Object input) {
            return switch (input) {
                case null -> NullValue.of();
                case String s -> StringValue.of(s);
                case Boolean b -> BooleanValue.of(b);
                case BigInteger i -> IntValue.newIntValue(i).build();
                case Integer i -> IntValue.of(i);
                case Long l -> IntValue.newIntValue(BigInteger.valueOf(l)).build();
                case BigDecimal d -> FloatValue.newFloatValue(d).build();
                case Number n -> FloatValue.newFloatValue(new BigDecimal(n.toString())).build();
                case List<?> list -> ArrayValue.newArrayValue().values(list.stream().<Value>map(PassThrough::toLiteral).toList()).build();
                case Map<?, ?> map -> {
                    ObjectValue.Builder builder = ObjectValue.newObjectValue();
                    map.forEach((k, v) -> builder.objectField(new ObjectField(String.valueOf(k), toLiteral(v))));
                    yield builder.build();
                }
                default -> StringValue.of(input.toString());
            };
        }
    }
}
