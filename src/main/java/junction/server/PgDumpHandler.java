package junction.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import junction.db.PgDump;
import junction.db.PgDumpBinary;
import junction.db.PgDumpOptions;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.model.Source;
import junction.session.Session;

/**
 * {@code POST /v1alpha1/pg_dump} (API group {@code pgdump}), admin only, as Hasura's: {@code {"opts":
 * [...], "clean_output": bool, "source": name}} (source {@code default} when left out) answered with
 * the SQL of {@code pg_dump} on the source's database, {@code application/sql}; errors in the
 * metadata envelope. The options are checked ({@link PgDumpOptions}) before anything runs; the
 * {@code pg_dump} is one of the database's major version ({@link PgDumpBinary}).
 */
final class PgDumpHandler implements AdminHandler.Call {
    private final Engine engine;

    PgDumpHandler(Engine engine) {
        this.engine = engine;
    }

    /** The request: its fields as Hasura reads them. */
    record Request(List<String> opts, boolean cleanOutput, String source) {
        static Request of(JsonNode body) {
            Obj args = Obj.of(body, "$");
            args.required("opts");
            return new Request(args.strings("opts"), args.bool("clean_output", false), args.optString("source").orElse("default"));
        }
    }

    @Override
    public void answer(ServerRequest request, ServerResponse response, Session session) {
        JsonNode body = Json.parse(Exchange.body(request, engine.config().maxBodyBytes()));
        if (!session.isAdmin()) {
            throw ApiException.of(Code.ACCESS_DENIED, "restricted access : admin only").at("$");
        }
        byte[] dump = dump(Request.of(body)).getBytes(StandardCharsets.UTF_8);
        response.status(200);
        response.header(HeaderNames.CONTENT_TYPE, "application/sql; charset=utf-8");
        response.send(dump);
    }

    private String dump(Request request) {
        List<String> args = PgDumpOptions.check(request.opts());
        Source source = engine.metadata().snapshot().metadata().source(request.source())
                .orElseThrow(() -> ApiException.of(Code.NOT_FOUND, "source \"" + request.source() + "\" not found")
                        .withStatus(400).at("$.source"));
        JsonNode configuration = source.configuration();
        String url = engine.pools().databaseUrl(configuration.path("connection_info").path("database_url"));
        int major = serverMajor(engine.pools().dataSource(source.name(), configuration), source.name());
        PgDumpBinary binary = PgDumpBinary.find(major, engine.config().pgDumpPath(), engine.config().env().get("PATH"));
        return PgDump.run(binary, url, args, request.cleanOutput());
    }

    private static int serverMajor(DataSource dataSource, String source) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_setting('server_version_num')::int")) {
            rs.next();
            return rs.getInt(1) / 10000;
        } catch (SQLException e) {
            throw ApiException.of(Code.UNEXPECTED, "cannot read the PostgreSQL version of source \"" + source + "\"")
                    .withStatus(500).causedBy(e);
        }
    }
}
