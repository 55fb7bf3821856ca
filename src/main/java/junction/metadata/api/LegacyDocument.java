package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.codec.MetadataReader;
import junction.metadata.codec.FunctionEntries;
import junction.metadata.model.FunctionEntry;
import junction.metadata.model.Metadata;
import junction.metadata.model.RemoteSchema;
import junction.metadata.model.Source;
import junction.metadata.model.TableEntry;

/**
 * A metadata document of version 1 or 2 (no {@code sources}: {@code tables} and {@code functions}
 * at the top), which Hasura imports into the {@code default} source.
 */
final class LegacyDocument {
    private LegacyDocument() {
    }

    static Metadata read(Obj document, Optional<Source> defaultSource) {
        long version = document.optLong("version").orElse(1L);
        if (version != 1 && version != 2) {
            throw ApiException.of(Code.PARSE_FAILED, "only metadata versions 1, 2 and 3 are supported, found " + version)
                    .at(document.pathOf("version"));
        }
        Source source = defaultSource.orElseThrow(() -> ApiException.of(Code.NOT_SUPPORTED,
                "cannot import metadata without sources since no default source is defined"));
        List<TableEntry> tables = document.list("tables", MetadataReader::table);
        List<FunctionEntry> functions = document.list("functions", LegacyDocument::function);
        List<RemoteSchema> remotes = document.list("remote_schemas", MetadataReader::remoteSchema);
        Map<String, JsonNode> other = new LinkedHashMap<>();
        document.node().fields().forEachRemaining(e -> {
            if (!List.of("version", "tables", "functions", "remote_schemas").contains(e.getKey())) {
                other.put(e.getKey(), e.getValue());
            }
        });
        Source replaced = new Source(source.name(), source.kind(), source.configuration(), source.customization(),
                tables, functions);
        return new Metadata(List.of(replaced), remotes, other);
    }

    /** A v1 document lists functions by name ({@code {"schema", "name"}}); v2 has v3's entries. */
    private static FunctionEntry function(JsonNode node, String path) {
        if (node != null && node.isObject() && !node.has("function")) {
            return FunctionEntry.tracked(FunctionEntries.functionName(node, path),
                    junction.metadata.model.FunctionConfig.EMPTY, null);
        }
        return FunctionEntries.read(node, path);
    }
}
