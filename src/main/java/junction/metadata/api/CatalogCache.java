package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.atomic.LongAdder;
import junction.catalog.Catalog;
import junction.catalog.CatalogReader;
import junction.catalog.EnumRows;
import junction.catalog.EnumRowsReader;
import junction.catalog.TableName;
import junction.db.SourcePools;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.SourceCatalog;

/**
 * The catalogs of the sources one metadata request touches, each read at most once per request
 * (per source name and configuration). A source that cannot be read is recorded as such. A source
 * the request's transaction has written to is read on that transaction's connection, so that a
 * command sees the tables an earlier {@code run_sql} of the same {@code bulk} created.
 */
final class CatalogCache {
    private record Key(String source, JsonNode configuration) {
    }

    private final SourcePools pools;
    private final LongAdder reads;
    private final Function<String, Optional<Connection>> transaction;
    private final Map<Key, SourceCatalog> read = new HashMap<>();

    /**
     * @param reads       counts the catalogs read from a database
     * @param transaction the open transaction's connection to a source, if it has one
     */
    CatalogCache(SourcePools pools, LongAdder reads, Function<String, Optional<Connection>> transaction) {
        this.pools = pools;
        this.reads = reads;
        this.transaction = transaction;
    }

    Map<String, SourceCatalog> forMetadata(Metadata metadata) {
        Map<String, SourceCatalog> out = new LinkedHashMap<>();
        for (Source source : metadata.sources()) {
            Key key = new Key(source.name(), source.configuration());
            SourceCatalog catalog = withEnumRows(source, read.computeIfAbsent(key, k -> load(source)));
            read.put(key, catalog);
            out.put(source.name(), catalog);
        }
        return out;
    }

    /** The enum tables of a source: the tracked tables marked {@code is_enum}, whose rows the catalog carries. */
    static List<TableName> enumTables(Source source) {
        return source.tables().stream().filter(TableEntry::isEnum).map(TableEntry::table).toList();
    }

    /**
     * {@code catalog} with the rows of the source's enum tables it lacks (a table marked is_enum since
     * the catalog was read), read on the transaction's connection when it has one.
     */
    private SourceCatalog withEnumRows(Source source, SourceCatalog loaded) {
        if (loaded.catalog().isEmpty()) {
            return loaded;
        }
        Catalog catalog = loaded.catalog().get();
        List<TableName> missing = enumTables(source).stream()
                .filter(t -> catalog.table(t).isPresent() && catalog.enumRows(t).isEmpty()).toList();
        if (missing.isEmpty()) {
            return loaded;
        }
        Optional<Connection> open = transaction.apply(source.name());
        try {
            if (open.isPresent()) {
                return SourceCatalog.of(catalog.withEnumRows(new EnumRowsReader().read(open.get(), catalog, missing)));
            }
            try (Connection connection = pools.connection(source.name(), source.configuration())) {
                return SourceCatalog.of(catalog.withEnumRows(new EnumRowsReader().read(connection, catalog, missing)));
            }
        } catch (Exception e) {
            Map<TableName, EnumRows> failed = new LinkedHashMap<>();
            missing.forEach(t -> failed.put(t, EnumRows.failed(e.getMessage() == null ? "could not read" : e.getMessage())));
            return SourceCatalog.of(catalog.withEnumRows(failed));
        }
    }

    /** Uses {@code catalog} for {@code source} as it is configured now (run_sql's view inside its transaction). */
    void put(Source source, Catalog catalog) {
        read.put(new Key(source.name(), source.configuration()), SourceCatalog.of(catalog));
    }

    /** Reads {@code source} again when next asked (SQL ran on it). */
    void forget(Source source) {
        read.keySet().removeIf(k -> k.source().equals(source.name()));
    }

    private SourceCatalog load(Source source) {
        reads.increment();
        Optional<Connection> open = transaction.apply(source.name());
        if (open.isPresent()) {
            try {
                return SourceCatalog.of(new CatalogReader().read(open.get(), enumTables(source)));
            } catch (Exception e) {
                return SourceCatalog.failed("could not read the catalog of source \"" + source.name() + "\": " + e.getMessage());
            }
        }
        try (Connection connection = pools.connection(source.name(), source.configuration())) {
            return SourceCatalog.of(new CatalogReader().read(connection, enumTables(source)));
        } catch (junction.error.ApiException e) {
            return SourceCatalog.failed(e.getMessage());
        } catch (Exception e) {
            return SourceCatalog.failed("could not connect to source \"" + source.name() + "\": " + e.getMessage());
        }
    }
}
