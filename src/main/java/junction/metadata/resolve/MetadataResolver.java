package junction.metadata.resolve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import junction.catalog.Catalog;
import junction.catalog.Table;
import junction.catalog.TableName;
import junction.error.Code;
import junction.metadata.codec.MetadataWriter;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.model.TableEntry;
import junction.remote.RemoteSchemaState;

/**
 * Resolves metadata against what the databases and remote servers have, in stages — sources,
 * tables, relationships, remote schemas — each adding the objects that do not fit to a list of
 * inconsistencies instead of stopping. Pure: the catalogs are read and the remote schemas
 * introspected by the caller.
 */
public final class MetadataResolver {

    /**
     * @param catalogs      each source's catalog, by source name
     * @param remoteSchemas what introspecting each remote schema gave, by name; one whose definition
     *                      differs from the metadata's counts as not loaded
     */
    public Snapshot resolve(long resourceVersion, Metadata metadata, Map<String, SourceCatalog> catalogs,
                            Map<String, RemoteSchemaState> remoteSchemas) {
        List<Inconsistency> issues = new ArrayList<>();
        Map<String, SourceSnapshot> sources = new LinkedHashMap<>();
        for (Source source : metadata.sources()) {
            SourceCatalog loaded = catalogs.getOrDefault(source.name(), SourceCatalog.failed("source not loaded"));
            if (loaded.catalog().isEmpty()) {
                issues.add(sourceIssue(source, loaded.error()));
                continue;
            }
            sources.put(source.name(), resolveSource(source, loaded.catalog().get(), issues));
        }
        Map<String, RemoteSchemaState> remotes = RemoteSchemaResolver.resolve(metadata.remoteSchemas(), remoteSchemas,
                TableRootFields.of(sources.values()), issues);
        return new Snapshot(resourceVersion, metadata, sources, issues, remotes);
    }

    private SourceSnapshot resolveSource(Source source, Catalog catalog, List<Inconsistency> issues) {
        Map<TableName, TableEntry> present = new LinkedHashMap<>();
        for (TableEntry entry : source.tables()) {
            TableChecks.tableProblem(entry, catalog).ifPresentOrElse(
                    reason -> issues.add(tableIssue(source, entry, reason)),
                    () -> present.put(entry.table(), entry));
        }
        Set<TableName> tracked = present.keySet();
        Map<TableName, TrackedTable> tables = new LinkedHashMap<>();
        RelationshipResolver relationships = new RelationshipResolver(source.name(), catalog, tracked);
        for (TableEntry entry : present.values()) {
            Table table = catalog.table(entry.table()).orElseThrow();
            tables.put(entry.table(), new TrackedTable(entry.table(), table, entry,
                    relationships.resolve(entry, table, issues)));
        }
        return new SourceSnapshot(source.name(), catalog, tables, source.customization());
    }

    private static Inconsistency sourceIssue(Source source, String error) {
        return new Inconsistency("source", "source " + source.name(), MetadataWriter.source(source),
                "Inconsistent object: " + error, Code.INVALID_CONFIGURATION,
                new Inconsistency.Location(source.name(), null, null));
    }

    private static Inconsistency tableIssue(Source source, TableEntry entry, String reason) {
        ObjectNode definition = MetadataWriter.tableName(entry.table());
        return new Inconsistency("table", "table " + entry.table() + " in source " + source.name(), definition,
                "Inconsistent object: " + reason, Code.NOT_EXISTS,
                new Inconsistency.Location(source.name(), entry.table(), null));
    }
}
