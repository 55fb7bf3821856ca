package junction.remote;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import java.util.Optional;
import junction.error.ApiException;

/**
 * What Junction knows of one remote schema after introspecting it: the definition it was loaded
 * from (as written, so that an unchanged definition reuses the result instead of calling the remote
 * again), and either the loaded schema or why loading failed.
 */
public record RemoteSchemaState(String name, JsonNode definition, Result result) {

    public sealed interface Result permits Ready, Failed {
    }

    /**
     * A remote that answered introspection: its resolved endpoint, the parsed definition, the raw
     * answer ({@code {"data": {"__schema": …}}}, for {@code introspect_remote_schema}), its type
     * definitions and schema with original names (for remote relationships and permissions), and
     * the customized schema clients see.
     */
    public record Ready(RemoteEndpoint endpoint, RemoteDefinition parsed, JsonNode rawIntrospection,
                        Document originalDocument, GraphQLSchema original, CustomizedSchema customized) implements Result {

        /**
         * This remote schema as a role with the permission {@code role} sees it: its types and
         * schema are the role's (original and customized), its presets the role's; the endpoint
         * and the raw introspection stay the remote's.
         */
        public Ready forRole(RoleRemoteSchema role) {
            GraphQLSchema roleOriginal = RemoteSchemaGenerator.generate(role.document());
            CustomizedSchema roleCustomized = new RemoteSchemaCustomizer().customize(role.document(), parsed.customization())
                    .withPresets(role.presets());
            return new Ready(endpoint, parsed, rawIntrospection, role.document(), roleOriginal, roleCustomized);
        }
    }

    /** A remote that could not be loaded: unreachable, invalid introspection, bad customization, missing env. */
    public record Failed(ApiException error) implements Result {
    }

    public Optional<Ready> ready() {
        return result instanceof Ready r ? Optional.of(r) : Optional.empty();
    }

    public Optional<ApiException> failure() {
        return result instanceof Failed f ? Optional.of(f.error()) : Optional.empty();
    }

    /** Whether this state was loaded from exactly {@code otherDefinition}. */
    public boolean loadedFrom(JsonNode otherDefinition) {
        return definition.equals(otherDefinition);
    }
}
