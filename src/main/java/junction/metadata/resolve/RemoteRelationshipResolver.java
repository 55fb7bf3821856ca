package junction.metadata.resolve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Table;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.metadata.codec.MetadataWriter;
import junction.metadata.codec.RemoteRelationshipReader;
import junction.metadata.model.GraphqlName;
import junction.metadata.model.RemoteJoinDefinition;
import junction.metadata.model.RemoteRelationship;
import junction.metadata.model.TableEntry;

/** Resolves a table's remote relationships against the remote schemas they join to. */
final class RemoteRelationshipResolver {
    private final String source;
    private final RemoteSchemaLookup remotes;

    RemoteRelationshipResolver(String source, RemoteSchemaLookup remotes) {
        this.source = source;
        this.remotes = remotes;
    }

    List<ResolvedRemoteRelationship> resolve(TrackedTable tracked, List<Inconsistency> issues) {
        TableEntry entry = tracked.entry();
        Table table = tracked.table();
        Map<String, String> taken = new HashMap<>();
        table.columns().forEach(c -> taken.put(entry.configuration().columnName(c.name()).orElse(c.name()), c.name()));
        tracked.relationships().forEach(r -> taken.put(r.name(), null));
        tracked.computedFields().forEach(c -> taken.put(c.name(), null));
        List<ResolvedRemoteRelationship> out = new ArrayList<>();
        for (RemoteRelationship remote : entry.remoteRelationships()) {
            String prefix = "in table \"" + entry.table() + "\": in remote relationship \"" + remote.name() + "\": ";
            if (!GraphqlName.isValid(remote.name())) {
                issues.add(issue(entry, remote, GraphqlName.cannotInclude(remote.name()), Code.VALIDATION_FAILED));
                continue;
            }
            Optional<String> clash = RelationshipResolver.clash(remote.name(), taken, table);
            if (clash.isPresent()) {
                issues.add(issue(entry, remote, clash.get(), Code.ALREADY_EXISTS));
                continue;
            }
            taken.put(remote.name(), null);
            if (!RemoteRelationshipReader.isToRemoteSchema(remote.definition())) {
                issues.add(issue(entry, remote, prefix + "remote relationships to database sources are not supported yet",
                        Code.NOT_SUPPORTED));
                continue;
            }
            try {
                out.add(resolveOne(entry, tracked, remote));
            } catch (RemoteJoinValidator.Invalid e) {
                issues.add(issue(entry, remote, prefix + e.getMessage(), Code.REMOTE_SCHEMA_ERROR));
            } catch (ApiException e) {
                issues.add(issue(entry, remote, prefix + e.getMessage(), e.code()));
            }
        }
        return out;
    }

    private ResolvedRemoteRelationship resolveOne(TableEntry entry, TrackedTable table, RemoteRelationship remote) {
        RemoteJoinDefinition definition = RemoteRelationshipReader.read(remote.definition(), "$.definition");
        Optional<graphql.schema.GraphQLSchema> schema = remotes.schema(definition.remoteSchema());
        if (schema.isEmpty()) {
            throw new RemoteJoinValidator.Invalid("remote schema with name \"" + definition.remoteSchema() + "\" not found");
        }
        String suffix = "_remote_rel_" + entry.table().graphqlBase() + remote.name();
        return new RemoteJoinValidator(table, definition, suffix).validate(remote.name(), schema.get());
    }

    private Inconsistency issue(TableEntry entry, RemoteRelationship remote, String reason, Code code) {
        ObjectNode definition = Json.object();
        definition.put("name", remote.name());
        definition.put("source", source);
        definition.set("table", MetadataWriter.tableName(entry.table()));
        remote.definition().fields().forEachRemaining(e -> definition.set(e.getKey(), e.getValue()));
        return new Inconsistency("remote_relationship", "remote_relationship " + remote.name() + " in table "
                + entry.table() + " in source " + source, definition, "Inconsistent object: " + reason, code,
                new Inconsistency.Location(source, entry.table(), remote.name()));
    }
}
