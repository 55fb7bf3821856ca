package junction.metadata.resolve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.catalog.Catalog;
import junction.catalog.Table;
import junction.catalog.TableName;
import junction.error.Code;
import junction.json.Json;
import junction.metadata.codec.MetadataWriter;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.model.TableEntry;
import junction.remote.RemoteSchemaState;

/**
 * Resolves metadata against what the databases and remote servers have, in stages — sources,
 * tables, relationships, remote schemas, remote schema permissions — each adding the objects that do not fit to a list of
 * inconsistencies instead of stopping. Pure: the catalogs are read and the remote schemas
 * introspected by the caller.
 */
public final class MetadataResolver {
    private final Naming.Defaults naming;

    /** A resolver with Hasura's default naming settings. */
    public MetadataResolver() {
        this(Naming.Defaults.HASURA);
    }

    /** @param naming the server's default naming convention and whether naming conventions are on */
    public MetadataResolver(Naming.Defaults naming) {
        this.naming = naming;
    }

    /**
     * @param catalogs      each source's catalog, by source name
     * @param remoteSchemas what introspecting each remote schema gave, by name; one whose definition
     *                      differs from the metadata's counts as not loaded
     */
    public Snapshot resolve(long resourceVersion, Metadata metadata, Map<String, SourceCatalog> catalogs,
                            Map<String, RemoteSchemaState> remoteSchemas) {
        List<Inconsistency> issues = new ArrayList<>();
        Map<String, SourceSnapshot> sources = new LinkedHashMap<>();
        InheritedRoleResolver inherited = InheritedRoleResolver.of(metadata, issues);
        for (Source source : metadata.sources()) {
            SourceCatalog loaded = catalogs.getOrDefault(source.name(), SourceCatalog.failed("source not loaded"));
            if (loaded.catalog().isEmpty()) {
                issues.add(sourceIssue(source, loaded.error()));
                continue;
            }
            sources.put(source.name(), resolveSource(source, loaded.catalog().get(), inherited, issues));
        }
        Map<String, RemoteSchemaState> remotes = RemoteSchemaResolver.resolve(metadata.remoteSchemas(), remoteSchemas,
                TableRootFields.of(sources.values()), issues);
        RemoteSchemaPermissionResolver.resolve(metadata.remoteSchemas(), remotes, issues);
        RemoteSchemaLookup usable = usableRemotes(remotes, issues);
        sources.replaceAll((name, source) -> withRemoteRelationships(source, usable, issues));
        Map<String, List<ResolvedRemoteSchemaRelationship>> remoteSchemaRelationships =
                RemoteSchemaRelationshipResolver.resolve(metadata.remoteSchemas(), usable, sources, issues);
        return new Snapshot(resourceVersion, metadata, sources, issues, remotes, remoteSchemaRelationships);
    }

    /** The original schemas of the remote schemas that loaded and are not inconsistent. */
    private static RemoteSchemaLookup usableRemotes(Map<String, RemoteSchemaState> remotes, List<Inconsistency> issues) {
        return name -> Optional.ofNullable(remotes.get(name))
                .filter(state -> issues.stream().noneMatch(i -> i.at().isRemoteSchema(name)))
                .flatMap(RemoteSchemaState::ready)
                .map(RemoteSchemaState.Ready::original);
    }

    /** The remote relationships stage: each tracked table's, against the usable remote schemas. */
    private static SourceSnapshot withRemoteRelationships(SourceSnapshot source, RemoteSchemaLookup remotes,
                                                          List<Inconsistency> issues) {
        RemoteRelationshipResolver resolver = new RemoteRelationshipResolver(source.name(), remotes);
        Map<TableName, TrackedTable> tables = new LinkedHashMap<>();
        source.tables().forEach((name, t) -> tables.put(name,
                t.withRemoteRelationships(resolver.resolve(t, issues))));
        return new SourceSnapshot(source.name(), source.catalog(), tables, source.customization(), source.naming(),
                source.functions());
    }

    private SourceSnapshot resolveSource(Source source, Catalog catalog, InheritedRoleResolver inherited,
                                         List<Inconsistency> issues) {
        Map<TableName, TableEntry> present = new LinkedHashMap<>();
        Set<String> typeNames = new java.util.HashSet<>();
        for (TableEntry entry : source.tables()) {
            TableChecks.tableProblem(entry, catalog).or(() -> TableChecks.nameTaken(entry, typeNames)).ifPresentOrElse(
                    problem -> issues.add(tableIssue(source, entry, problem)),
                    () -> present.put(entry.table(), entry));
        }
        Set<TableName> tracked = present.keySet();
        Map<TableName, TrackedTable> tables = new LinkedHashMap<>();
        RelationshipResolver relationships = new RelationshipResolver(source.name(), catalog, tracked);
        for (TableEntry entry : present.values()) {
            Table table = catalog.table(entry.table()).orElseThrow();
            tables.put(entry.table(), new TrackedTable(entry.table(), table, entry,
                    relationships.resolve(entry, table, issues), List.of()));
        }
        Naming sourceNaming = naming.of(source.customization());
        EnumReferences.resolve(catalog, tables, sourceNaming);
        ComputedFieldResolver computed = new ComputedFieldResolver(source.name(), catalog, tracked);
        tables.replaceAll((name, t) -> t.withComputedFields(computed.resolve(t, issues)));
        PermissionResolver permissions = new PermissionResolver(source.name(), tables);
        tables.replaceAll((name, t) -> t.withPermissions(permissions.resolve(t, issues)));
        tables.replaceAll((name, t) -> t.withPermissions(inherited.derive(source.name(), t, t.permissions(), issues)));
        return new SourceSnapshot(source.name(), catalog, tables, source.customization(), sourceNaming,
                FunctionResolver.resolve(source, catalog, tables.keySet(), issues));
    }

    private static Inconsistency sourceIssue(Source source, String error) {
        return new Inconsistency("source", "source " + source.name(), Json.NODES.textNode(source.name()),
                "Inconsistent object: " + error, Code.INVALID_CONFIGURATION, Inconsistency.Location.ofSource(source.name()));
    }

    private static Inconsistency tableIssue(Source source, TableEntry entry, TableChecks.Problem problem) {
        ObjectNode definition = MetadataWriter.tableName(entry.table());
        return new Inconsistency("table", "table " + entry.table() + " in source " + source.name(), definition,
                "Inconsistent object: " + problem.reason(), problem.code(),
                Inconsistency.Location.ofTable(source.name(), entry.table()));
    }
}
