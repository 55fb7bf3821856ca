package junction.remote;

import graphql.language.Document;

/**
 * What a role may use of a remote schema, from its permission: the type definitions (original names,
 * a subset of the remote's, preset arguments and input fields taken out) and the presets to add
 * when forwarding.
 */
public record RoleRemoteSchema(Document document, RemotePresets presets) {
}
