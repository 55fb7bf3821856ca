package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import junction.catalog.Catalog;
import junction.catalog.CatalogReader;
import junction.db.SourcePools;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.resolve.SourceCatalog;

/**
 * The catalogs of the sources one metadata request touches, each read at most once per request
 * (per source name and configuration). A source that cannot be read is recorded as such.
 */
final class CatalogCache {
    private record Key(String source, JsonNode configuration) {
    }

    private final SourcePools pools;
    private final LongAdder reads;
    private final Map<Key, SourceCatalog> read = new HashMap<>();

    /** @param reads counts the catalogs read from a database */
    CatalogCache(SourcePools pools, LongAdder reads) {
        this.pools = pools;
        this.reads = reads;
    }

    Map<String, SourceCatalog> forMetadata(Metadata metadata) {
        Map<String, SourceCatalog> out = new LinkedHashMap<>();
        for (Source source : metadata.sources()) {
            out.put(source.name(), read.computeIfAbsent(new Key(source.name(), source.configuration()), k -> load(source)));
        }
        return out;
    }

    /** Uses {@code catalog} for {@code source} as it is configured now (run_sql's view inside its transaction). */
    void put(Source source, Catalog catalog) {
        read.put(new Key(source.name(), source.configuration()), SourceCatalog.of(catalog));
    }

    private SourceCatalog load(Source source) {
        reads.increment();
        try (Connection connection = pools.connection(source.name(), source.configuration())) {
            return SourceCatalog.of(new CatalogReader().read(connection));
        } catch (junction.error.ApiException e) {
            return SourceCatalog.failed(e.getMessage());
        } catch (Exception e) {
            return SourceCatalog.failed("could not connect to source \"" + source.name() + "\": " + e.getMessage());
        }
    }
}
