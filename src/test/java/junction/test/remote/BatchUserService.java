package junction.test.remote;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user service with the list forms remote joins can batch on, which counts how many times each
 * root field is resolved: {@code user(id)}, {@code users(ids)} (one result per id, in order, null for
 * unknown ids: the DataLoader convention), {@code usersAnyOrder(ids)} (the known users only, last id
 * first: for matching by key), {@code usersDropLast(ids)} (one result too few) and an Apollo Federation
 * subgraph's {@code _entities(representations: [_Any!]!): [_Entity]!} over {@code User}. Users
 * 1..count are named {@code user1}…; user 13 has no name (it fails when asked for, with an error).
 */
public final class BatchUserService {
    public static final String SDL = """
        scalar _Any
        union _Entity = User
        type User {
          id: Int!
          name: String
          email: String
        }
        type Query {
          user(id: Int!): User
          users(ids: [Int!]!): [User]
          member(id: Int!, tenant: String): User
          members(ids: [Int!]!, tenant: String): [User]
          usersAnyOrder(ids: [Int!]!): [User]
          usersDropLast(ids: [Int!]!): [User]
          _entities(representations: [_Any!]!): [_Entity]!
        }
        """;

    private final Map<Integer, Map<String, Object>> users = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private BatchUserService(int count) {
        for (int i = 1; i <= count; i++) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", i);
            user.put("name", i == 13 ? null : "user" + i);
            user.put("email", "user" + i + "@example.com");
            users.put(i, user);
        }
    }

    /** A running service over users 1..count, and its counts. */
    public static Running start(int count) {
        BatchUserService service = new BatchUserService(count);
        return new Running(new GraphqlTestServer(service.schema()), service);
    }

    /** The server and how many times each root field was resolved since the last {@link #reset()}. */
    public record Running(GraphqlTestServer server, BatchUserService service) implements AutoCloseable {
        public int calls(String field) {
            AtomicInteger n = service.calls.get(field);
            return n == null ? 0 : n.get();
        }

        public int allCalls() {
            return service.calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        public void reset() {
            server.reset();
            service.calls.clear();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private DataFetcher<Object> counted(String field, DataFetcher<Object> fetcher) {
        return env -> {
            calls.computeIfAbsent(field, k -> new AtomicInteger()).incrementAndGet();
            return fetcher.get(env);
        };
    }

    /** Every user belongs to tenant "acme" (and to no tenant given). */
    private static boolean ofTenant(Object tenant) {
        return tenant == null || tenant.equals("acme");
    }

    private List<Object> byIds(List<Integer> ids) {
        List<Object> out = new ArrayList<>();
        ids.forEach(id -> out.add(users.get(id)));
        return out;
    }

    private GraphQLSchema schema() {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(ANY)
                .type("Query", t -> t
                        .dataFetcher("user", counted("user", env -> users.get((Integer) env.getArgument("id"))))
                        .dataFetcher("users", counted("users", env -> byIds(env.getArgument("ids"))))
                        .dataFetcher("member", counted("member", env -> ofTenant(env.getArgument("tenant"))
                                ? users.get((Integer) env.getArgument("id")) : null))
                        .dataFetcher("members", counted("members", env -> ofTenant(env.getArgument("tenant"))
                                ? byIds(env.getArgument("ids")) : java.util.Collections.nCopies(((List<?>) env.getArgument("ids")).size(), null)))
                        .dataFetcher("usersAnyOrder", counted("usersAnyOrder", env -> {
                            List<Object> out = new ArrayList<>();
                            List<Integer> ids = env.getArgument("ids");
                            for (int i = ids.size() - 1; i >= 0; i--) {
                                if (users.containsKey(ids.get(i))) {
                                    out.add(users.get(ids.get(i)));
                                }
                            }
                            return out;
                        }))
                        .dataFetcher("usersDropLast", counted("usersDropLast", env -> {
                            List<Object> out = byIds(env.getArgument("ids"));
                            return out.subList(0, Math.max(0, out.size() - 1));
                        }))
                        .dataFetcher("_entities", counted("_entities", env -> {
                            List<Object> out = new ArrayList<>();
                            for (Object representation : (List<?>) env.getArgument("representations")) {
                                Map<?, ?> rep = (Map<?, ?>) representation;
                                Object id = rep.get("id");
                                out.add("User".equals(rep.get("__typename")) && id instanceof Number n ? users.get(n.intValue()) : null);
                            }
                            return out;
                        })))
                .type("User", t -> t.dataFetcher("name", env -> {
                    Map<?, ?> user = env.getSource();
                    if (user.get("name") == null) {
                        throw new IllegalStateException("user " + user.get("id") + " has no name");
                    }
                    return user.get("name");
                }))
                .type("_Entity", t -> t.typeResolver(env -> env.getSchema().getObjectType("User")))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    /** Federation's {@code _Any}: any JSON value, as given. */
    private static final GraphQLScalarType ANY = GraphQLScalarType.newScalar().name("_Any").coercing(new Coercing<Object, Object>() {
        @Override
        public Object serialize(Object result, GraphQLContext context, Locale locale) {
            return result;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input);
        }
    }).build();

    private static Object literal(Value<?> value) {
        return switch (value) {
            case ObjectValue o -> {
                Map<String, Object> out = new LinkedHashMap<>();
                o.getObjectFields().forEach(f -> out.put(f.getName(), literal(f.getValue())));
                yield out;
            }
            case ArrayValue a -> a.getValues().stream().map(BatchUserService::literal).toList();
            case IntValue i -> i.getValue().intValue();
            case FloatValue f -> f.getValue().doubleValue();
            case StringValue s -> s.getValue();
            case BooleanValue b -> b.isValue();
            default -> null;
        };
    }
}
