package junction.metadata.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import junction.json.Json;

/**
 * The catalog state Hasura keeps beside its metadata in {@code hdb_catalog.hdb_version}: one row with
 * the instance id, the CLI's state (applied migration versions, settings) and the console's state.
 * It is not part of the metadata document, so {@code export_metadata} never shows it and
 * {@code replace_metadata} never touches it.
 */
public final class CatalogStateStore {
    private static final String CREATE = """
        create schema if not exists hdb_catalog;
        create table if not exists hdb_catalog.hdb_version (
          hasura_uuid uuid primary key,
          version text not null,
          upgraded_on timestamptz not null,
          cli_state jsonb not null default '{}'::jsonb,
          console_state jsonb not null default '{}'::jsonb
        );
        create unique index if not exists hdb_version_one_row on hdb_catalog.hdb_version ((version is not null));
        """;

    /** Which of the two states a {@code set_catalog_state} writes. */
    public enum Kind {
        CLI("cli_state"), CONSOLE("console_state");

        private final String column;

        Kind(String column) {
            this.column = column;
        }
    }

    private final DataSource dataSource;

    public CatalogStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the table and its single row if missing (called with the metadata store's lock held). */
    void initialize(Statement st) throws SQLException {
        st.execute(CREATE);
        try (PreparedStatement insert = st.getConnection().prepareStatement("insert into hdb_catalog.hdb_version "
                + "(hasura_uuid, version, upgraded_on) values (?, '48', now()) on conflict do nothing")) {
            insert.setObject(1, UUID.randomUUID());
            insert.executeUpdate();
        }
    }

    /** {@code {"id": …, "cli_state": …, "console_state": …}} as Hasura's {@code get_catalog_state} answers. */
    public ObjectNode load() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "select hasura_uuid::text, cli_state::text, console_state::text from hdb_catalog.hdb_version");
             ResultSet rs = st.executeQuery()) {
            ObjectNode node = Json.object();
            if (rs.next()) {
                node.put("id", rs.getString(1));
                node.set("cli_state", Json.parse(rs.getString(2)));
                node.set("console_state", Json.parse(rs.getString(3)));
            }
            return node;
        }
    }

    public void save(Kind kind, JsonNode state) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "update hdb_catalog.hdb_version set " + kind.column + " = ?::jsonb")) {
            st.setString(1, Json.write(state));
            st.executeUpdate();
        }
    }
}
