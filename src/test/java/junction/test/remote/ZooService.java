package junction.test.remote;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A remote with every kind of type: an interface ({@code Animal}) with two implementations, a union
 * ({@code Pet}), an enum with a deprecated value ({@code Sound}), custom scalars ({@code DateTime},
 * {@code JSON}), an input object ({@code AnimalFilter}), descriptions and deprecated fields.
 */
public final class ZooService {
    public static final String SDL = """
        "Something alive in the zoo"
        interface Animal {
          id: ID!
          name: String!
          sound: Sound
        }
        "A good boy"
        type Dog implements Animal {
          id: ID!
          name: String!
          sound: Sound
          breed: String
          barks: Boolean @deprecated(reason: "use sound")
        }
        type Cat implements Animal {
          id: ID!
          name: String!
          sound: Sound
          lives: Int
        }
        type Bird {
          id: ID!
          wingspan: Float
        }
        "Anything kept as a pet"
        union Pet = Dog | Cat | Bird
        enum Sound {
          WOOF
          MEOW @deprecated(reason: "cats are quiet")
          TWEET
        }
        "An ISO-8601 instant"
        scalar DateTime
        scalar JSON
        "How to pick animals"
        input AnimalFilter {
          sound: Sound
          nameLike: String
          bornAfter: DateTime
        }
        type Query {
          animals(filter: AnimalFilter): [Animal!]!
          animal(id: ID!): Animal
          pets: [Pet!]!
          now: DateTime
          echo(value: JSON): JSON
          oldest: Animal @deprecated(reason: "ask a keeper")
        }
        """;

    private static final List<Map<String, Object>> ANIMALS = List.of(
            Map.of("__kind", "Dog", "id", "d1", "name", "Rex", "sound", "WOOF", "breed", "collie", "barks", true),
            Map.of("__kind", "Cat", "id", "c1", "name", "Tom", "sound", "MEOW", "lives", 9),
            Map.of("__kind", "Bird", "id", "b1", "wingspan", 0.3));

    private ZooService() {
    }

    public static GraphqlTestServer start() {
        return new GraphqlTestServer(schema());
    }

    static GraphQLSchema schema() {
        DataFetcher<Object> animals = env -> {
            Map<String, Object> filter = env.getArgument("filter");
            return ANIMALS.stream().filter(a -> !a.get("__kind").equals("Bird"))
                    .filter(a -> filter == null || filter.get("sound") == null || filter.get("sound").equals(a.get("sound")))
                    .toList();
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(passThrough("DateTime"))
                .scalar(passThrough("JSON"))
                .type("Query", t -> t.dataFetcher("animals", animals)
                        .dataFetcher("animal", env -> ANIMALS.stream().filter(a -> a.get("id").equals(env.getArgument("id")))
                                .findFirst().orElse(null))
                        .dataFetcher("pets", env -> ANIMALS)
                        .dataFetcher("now", env -> "2024-01-02T03:04:05Z")
                        .dataFetcher("echo", env -> env.getArgument("value"))
                        .dataFetcher("oldest", env -> ANIMALS.getFirst()))
                .type("Animal", t -> t.typeResolver(env -> env.getSchema().getObjectType(kind(env.getObject()))))
                .type("Pet", t -> t.typeResolver(env -> env.getSchema().getObjectType(kind(env.getObject()))))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    @SuppressWarnings("unchecked")
    private static String kind(Object animal) {
        return (String) ((Map<String, Object>) animal).get("__kind");
    }

    private static GraphQLScalarType passThrough(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
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
                if (input instanceof StringValue s) {
                    return s.getValue();
                }
                throw new CoercingParseLiteralException("expected a string literal");
            }
        }).build();
    }
}
