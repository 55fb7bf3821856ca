package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.store.CatalogStateStore;

/**
 * {@code get_catalog_state} and {@code set_catalog_state}: the state Hasura's CLI (applied
 * migrations per database, settings) and console keep on the server, outside the metadata document.
 */
final class CatalogStateCommands {
    private final CatalogStateStore store;

    CatalogStateCommands(CatalogStateStore store) {
        this.store = store;
    }

    static boolean handles(String type) {
        return type.equals("get_catalog_state") || type.equals("set_catalog_state");
    }

    JsonNode run(String type, Obj req) {
        Obj args = req.has("args") ? req.obj("args") : Obj.of(junction.json.Json.object(), req.pathOf("args"));
        try {
            if (type.equals("get_catalog_state")) {
                return store.load();
            }
            String kind = args.string("type");
            CatalogStateStore.Kind which = switch (kind) {
                case "cli" -> CatalogStateStore.Kind.CLI;
                case "console" -> CatalogStateStore.Kind.CONSOLE;
                default -> throw ApiException.of(Code.PARSE_FAILED,
                        "expected one of the tags [\"console\",\"cli\"], but found \"" + kind + "\"").at(args.pathOf("type"));
            };
            store.save(which, args.required("state"));
            return Outcome.Responses.success();
        } catch (SQLException e) {
            throw ApiException.unexpected("reading or storing the catalog state", e);
        }
    }
}
