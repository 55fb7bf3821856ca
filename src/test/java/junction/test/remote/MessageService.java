package junction.test.remote;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A remote for join templates: {@code messages(where: MessageFilter!, limit: Int)} filtered by nested
 * input objects and lists, and users with a path of fields ({@code user(id) → profile(size) →
 * avatar(format)}), a list-typed root field ({@code usersByIds(ids)}) and a non-null one
 * ({@code userStrict(id)}). Users 1..5 are {@code user1}…; messages 1..12 are written by user
 * {@code (id - 1) % 5 + 1}, even ids are {@code chat}, odd ones {@code mail}, text {@code m<id>}.
 */
public final class MessageService {
    public static final String SDL = """
        type Message {
          id: Int!
          author_id: Int!
          kind: String!
          text: String!
        }
        input IntCompare {
          _eq: Int
          _in: [Int!]
        }
        input MessageFilter {
          author_id: IntCompare
          kind: String
          ids: [Int!]
        }
        type Avatar {
          url: String!
          size: Int!
        }
        type Profile {
          handle: String!
          avatar(format: String): Avatar
        }
        type User {
          id: Int!
          name: String!
          profile(size: Int!): Profile
        }
        type Query {
          messages(where: MessageFilter!, limit: Int): [Message!]!
          user(id: Int!): User
          userStrict(id: Int!): User!
          usersByIds(ids: [Int!]!): [User]!
        }
        """;

    private MessageService() {
    }

    public static GraphqlTestServer start() {
        return new GraphqlTestServer(schema());
    }

    static GraphQLSchema schema() {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("messages", MessageService::messages)
                        .dataFetcher("user", env -> user(env.getArgument("id")))
                        .dataFetcher("userStrict", env -> user(env.getArgument("id")))
                        .dataFetcher("usersByIds", env -> {
                            List<Object> out = new ArrayList<>();
                            for (Object id : (List<?>) env.getArgument("ids")) {
                                out.add(user((Integer) id));
                            }
                            return out;
                        }))
                .type("User", t -> t.dataFetcher("profile", env -> {
                    Map<String, Object> user = env.getSource();
                    Integer size = env.getArgument("size");
                    return Map.<String, Object>of("handle", "@" + user.get("name"), "__size", size);
                }))
                .type("Profile", t -> t.dataFetcher("avatar", env -> {
                    Map<String, Object> profile = env.getSource();
                    String given = env.getArgument("format");
                    String format = given == null ? "png" : given;
                    return Map.of("url", "https://img/" + profile.get("handle") + "/" + profile.get("__size") + "." + format,
                            "size", profile.get("__size"));
                }))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    private static Map<String, Object> user(Integer id) {
        if (id == null || id < 1 || id > 5) {
            return null;
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("name", "user" + id);
        return user;
    }

    @SuppressWarnings("unchecked")
    private static Object messages(graphql.schema.DataFetchingEnvironment env) {
        Map<String, Object> where = env.getArgument("where");
        Integer limit = env.getArgument("limit");
        Map<String, Object> author = (Map<String, Object>) where.get("author_id");
        List<Integer> ids = (List<Integer>) where.get("ids");
        List<Map<String, Object>> out = new ArrayList<>();
        for (int id = 1; id <= 12; id++) {
            int authorId = (id - 1) % 5 + 1;
            String kind = id % 2 == 0 ? "chat" : "mail";
            if (author != null && author.get("_eq") != null && !author.get("_eq").equals(authorId)) {
                continue;
            }
            if (author != null && author.get("_in") != null && !((List<Integer>) author.get("_in")).contains(authorId)) {
                continue;
            }
            if (where.get("kind") != null && !where.get("kind").equals(kind)) {
                continue;
            }
            if (ids != null && !ids.contains(id)) {
                continue;
            }
            out.add(Map.of("id", id, "author_id", authorId, "kind", kind, "text", "m" + id));
            if (limit != null && out.size() == limit) {
                break;
            }
        }
        return out;
    }
}
