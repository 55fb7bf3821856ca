package junction.metadata.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;

/**
 * Keeps the metadata document in {@code hdb_catalog.hdb_metadata} (Hasura's table), one row with a
 * {@code resource_version} that every save bumps. Saves are compare-and-set on that version, so two
 * engines sharing one metadata database never overwrite each other's change.
 */
public final class MetadataStore {
    private static final String CREATE = """
        create schema if not exists hdb_catalog;
        create table if not exists hdb_catalog.hdb_metadata (
          id integer primary key,
          metadata json not null,
          resource_version integer not null default 1 unique
        );
        """;

    private final DataSource dataSource;

    public MetadataStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void initialize() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("select pg_advisory_lock(7317200)");
            try {
                st.execute(CREATE);
                new CatalogStateStore(dataSource).initialize(st);
            } finally {
                st.execute("select pg_advisory_unlock(7317200)");
            }
        }
    }

    /** The CLI and console state kept beside the metadata (Hasura's {@code get_catalog_state}). */
    public CatalogStateStore catalogState() {
        return new CatalogStateStore(dataSource);
    }

    public Optional<StoredMetadata> load() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "select resource_version, metadata::text from hdb_catalog.hdb_metadata where id = 1");
             ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredMetadata(rs.getLong(1), Json.parse(rs.getString(2))));
        }
    }

    /** The current resource version, 0 when nothing is stored yet. Cheap: used for polling. */
    public long version() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select resource_version from hdb_catalog.hdb_metadata where id = 1");
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Stores {@code document} if the stored version is still {@code expectedVersion}; returns the new
     * version, or fails with Hasura's {@code conflict} when another writer got there first.
     */
    public long save(JsonNode document, long expectedVersion) throws SQLException {
        String text = Json.write(document);
        try (Connection c = dataSource.getConnection()) {
            if (expectedVersion == 0) {
                try (PreparedStatement st = c.prepareStatement("insert into hdb_catalog.hdb_metadata (id, metadata, resource_version) "
                        + "values (1, ?::json, 1) on conflict (id) do nothing returning resource_version")) {
                    st.setString(1, text);
                    try (ResultSet rs = st.executeQuery()) {
                        if (rs.next()) {
                            return rs.getLong(1);
                        }
                    }
                }
            } else {
                try (PreparedStatement st = c.prepareStatement("update hdb_catalog.hdb_metadata set metadata = ?::json, "
                        + "resource_version = resource_version + 1 where id = 1 and resource_version = ? returning resource_version")) {
                    st.setString(1, text);
                    st.setLong(2, expectedVersion);
                    try (ResultSet rs = st.executeQuery()) {
                        if (rs.next()) {
                            return rs.getLong(1);
                        }
                    }
                }
            }
        }
        throw ApiException.of(Code.CONFLICT, "metadata resource version referenced (" + expectedVersion
                + ") did not match current version");
    }
}
