package junction.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import junction.json.Json;

/**
 * What the GraphQL pipeline will do with one remote schema, in miniature: merge its root fields
 * into {@code query_root}/{@code mutation_root}, validate the client's document against that,
 * build the remote requests, send them, and map the answers back.
 */
final class Forwarding {
    final String name;
    final RemoteSchemaState.Ready remote;
    final GraphQLSchema clientSchema;
    final RemoteClient client;
    final List<RemoteQuery> lastQueries = new ArrayList<>();

    Forwarding(String name, RemoteSchemaState state, RemoteClient client) {
        this.name = name;
        this.remote = state.ready().orElseThrow(() -> state.failure().orElseThrow());
        this.client = client;
        this.clientSchema = clientSchema(remote.customized());
    }

    /** query_root / mutation_root holding the remote's root fields, plus the remote's types. */
    static GraphQLSchema clientSchema(CustomizedSchema remote) {
        GraphQLSchema.Builder schema = GraphQLSchema.newSchema()
                .query(GraphQLObjectType.newObject().name("query_root").fields(remote.queryRootFields()).build());
        if (!remote.mutationRootFields().isEmpty()) {
            schema.mutation(GraphQLObjectType.newObject().name("mutation_root").fields(remote.mutationRootFields()).build());
        }
        return schema.additionalTypes(new HashSet<>(remote.types()))
                .codeRegistry(GraphQLCodeRegistry.newCodeRegistry().typeResolvers(remote.codeRegistry()).build())
                .build();
    }

    /** Runs {@code query} with {@code variables}; answers {"data", "errors"?} as the pipeline would merge them. */
    ObjectNode run(String query, String variables) {
        Document document = Parser.parse(query);
        List<ValidationError> errors = new Validator().validateDocument(clientSchema, document, Locale.ENGLISH);
        assertThat(errors).as("client document validates against the merged schema").isEmpty();
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).getFirst();
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        List<Field> rootFields = operation.getSelectionSet().getSelectionsOfType(Field.class);
        lastQueries.clear();
        lastQueries.addAll(new RemoteQueryBuilder().build(name, remote.customized(), operation.getOperation(), rootFields,
                fragments, operation.getVariableDefinitions()));
        ObjectNode requestVariables = variables == null ? Json.object() : (ObjectNode) Json.parse(variables);
        ObjectNode data = Json.object();
        ObjectNode out = Json.object();
        for (RemoteQuery q : lastQueries) {
            RemoteResponse response = client.send(remote.endpoint(), q.call(requestVariables), Map.of("x-hasura-role", "admin"), Map.of());
            RemoteResult result = new RemoteResultMapper().map(q, response.body());
            if (result.data() == null) {
                out.putNull("data");
            } else if (!out.has("data")) {
                data.setAll(result.data());
            }
            if (result.hasErrors()) {
                out.withArray("errors").addAll(result.errors());
            }
        }
        if (!out.has("data")) {
            out.set("data", data);
        }
        return out;
    }

    String sentQuery() {
        assertThat(lastQueries).hasSize(1);
        return lastQueries.getFirst().query();
    }

    static JsonNode json(String text) {
        return Json.parse(text);
    }
}
