package junction.remote;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.introspection.IntrospectionQueryBuilder;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import java.util.Map;
import junction.config.Env;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;

/**
 * Loads a remote schema: resolves its definition against the environment, sends the standard
 * introspection query (as {@code admin}, with the configured headers), rebuilds the remote's type
 * definitions (descriptions and deprecations kept) and applies the customization. Never throws:
 * any failure becomes a {@link RemoteSchemaState.Failed} with Hasura's error.
 */
public final class Introspector {
    /** The classic introspection query: no fields older servers reject (isRepeatable, specifiedByURL). */
    public static final String QUERY = IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions()
            .descriptions(true).specifiedByUrl(false).directiveIsRepeatable(false).schemaDescription(false)
            .inputValueDeprecation(false).isOneOf(false));

    private static final Map<String, String> ADMIN = Map.of("x-hasura-role", "admin");

    private final RemoteClient client;
    private final Env env;
    private final RemoteSchemaCustomizer customizer = new RemoteSchemaCustomizer();

    public Introspector(RemoteClient client, Env env) {
        this.client = client;
        this.env = env;
    }

    /** Loads the remote schema {@code name} defined by {@code definition} (the metadata JSON). */
    public RemoteSchemaState introspect(String name, JsonNode definition) {
        try {
            return new RemoteSchemaState(name, definition, load(name, definition));
        } catch (ApiException e) {
            return new RemoteSchemaState(name, definition, new RemoteSchemaState.Failed(e));
        }
    }

    private RemoteSchemaState.Ready load(String name, JsonNode definition) {
        RemoteDefinition parsed = RemoteDefinition.read(definition, "$.definition");
        RemoteEndpoint endpoint = RemoteEndpoint.resolve(name, parsed, env);
        JsonNode raw = client.send(endpoint, RemoteCall.of(QUERY), ADMIN, Map.of()).body();
        Document document = document(raw);
        GraphQLSchema original = RemoteSchemaGenerator.generate(document);
        CustomizedSchema customized = customizer.customize(document, parsed.customization());
        return new RemoteSchemaState.Ready(endpoint, parsed, raw, document, original, customized);
    }

    @SuppressWarnings("unchecked")
    private static Document document(JsonNode raw) {
        if (!raw.isObject()) {
            throw invalid("Error in $: expected Object, but encountered " + junction.json.Obj.kind(raw), raw);
        }
        JsonNode data = raw.get("data");
        if (data == null || !data.isObject()) {
            throw invalid("Error in $: key \"data\" not found", raw);
        }
        JsonNode schema = data.get("__schema");
        if (schema == null || !schema.isObject()) {
            throw invalid("Error in $.data: key \"__schema\" not found", raw);
        }
        try {
            Map<String, Object> map = Json.MAPPER.convertValue(data, Map.class);
            return new IntrospectionResultToSchema().createSchemaDefinition(map);
        } catch (RuntimeException e) {
            throw invalid("invalid introspection result: " + e.getMessage(), raw);
        }
    }

    private static ApiException invalid(String message, JsonNode raw) {
        JsonNode errors = raw.isObject() ? raw.get("errors") : null;
        ApiException error = ApiException.of(Code.REMOTE_SCHEMA_ERROR, message);
        return errors == null ? error : error.withInternal(Json.object().set("errors", errors));
    }
}
