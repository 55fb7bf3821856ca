package junction.metadata.resolve;

import java.util.Optional;
import junction.catalog.Catalog;

/** What reading a source's catalog gave: the catalog, or why the source could not be read. */
public record SourceCatalog(Optional<Catalog> catalog, String error) {
    public static SourceCatalog of(Catalog catalog) {
        return new SourceCatalog(Optional.of(catalog), null);
    }

    public static SourceCatalog failed(String error) {
        return new SourceCatalog(Optional.empty(), error);
    }
}
