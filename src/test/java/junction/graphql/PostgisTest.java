package junction.graphql;

import static junction.graphql.QueryTest.assertData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import junction.json.Json;
import junction.test.DebianPostgres;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostGIS columns as Hasura exposes them, on Debian's PostgreSQL 15 with {@code postgis} (the
 * embedded PostgreSQL has none): GeoJSON in and out, the {@code _st_*} operators of geometry and
 * geography in {@code where} and in permission filters. One cluster for the class.
 */
class PostgisTest {
    static DebianPostgres pg;
    static EngineFixture f;

    @BeforeAll
    static void start() {
        pg = DebianPostgres.startWithPostgis();
        String url = pg.newDatabase("gis");
        junction.test.TestPostgres.sql(url, """
            create extension postgis;
            create table place (id int primary key, name text not null, location geometry(Point, 4326),
              area geometry(Polygon, 4326), spot geography(Point, 4326));
            insert into place values
              (1, 'origin', 'SRID=4326;POINT(0 0)', 'SRID=4326;POLYGON((-1 -1, 1 -1, 1 1, -1 1, -1 -1))', 'SRID=4326;POINT(0 0)'),
              (2, 'east', 'SRID=4326;POINT(3 0)', null, 'SRID=4326;POINT(0.005 0)'),
              (3, 'far', 'SRID=4326;POINT(10 10)', null, 'SRID=4326;POINT(1 1)');
            """);
        f = EngineFixture.on(url, c -> c);
        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"place\"}}");
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
        pg.close();
    }

    static final String POINT_ZERO = "{type: \"Point\", coordinates: [0, 0]}";

    @Test
    void geometryAndGeographyColumnsAnswerGeoJson() {
        assertData(f.gql("{ place(where: {id: {_lt: 3}}, order_by: {id: asc}) { id location area spot } }"), """
            {"place": [
              {"id": 1, "location": {"type": "Point", "coordinates": [0, 0]},
               "area": {"type": "Polygon", "coordinates": [[[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]]]},
               "spot": {"type": "Point", "coordinates": [0, 0]}},
              {"id": 2, "location": {"type": "Point", "coordinates": [3, 0]}, "area": null,
               "spot": {"type": "Point", "coordinates": [0.005, 0]}}]}
            """);
    }

    @Test
    void geometryOperatorsTakeGeoJsonInTheQueryOrInVariables() {
        assertThat(ids("{location: {_st_within: {type: \"Polygon\", coordinates: [[[-2, -2], [4, -2], [4, 2], [-2, 2], [-2, -2]]]}}}"))
                .isEqualTo("[1,2]");
        assertThat(ids("{location: {_st_d_within: {distance: 3.5, from: " + POINT_ZERO + "}}}")).isEqualTo("[1,2]");
        assertThat(ids("{location: {_st_3d_d_within: {distance: 1, from: " + POINT_ZERO + "}}}")).isEqualTo("[1]");
        assertThat(ids("{area: {_st_contains: {type: \"Point\", coordinates: [0.5, 0.5]}}}")).isEqualTo("[1]");
        assertThat(ids("{area: {_st_intersects: {type: \"LineString\", coordinates: [[0, 0], [5, 5]]}}}")).isEqualTo("[1]");
        assertThat(ids("{location: {_st_equals: {type: \"Point\", coordinates: [10, 10]}}}")).isEqualTo("[3]");
        assertThat(ids("{_not: {location: {_st_touches: " + POINT_ZERO + "}}}")).isEqualTo("[1,2,3]");
        assertThat(ids("{location: {_in: [" + POINT_ZERO + ", {type: \"Point\", coordinates: [3, 0]}]}}")).isEqualTo("[1,2]");

        JsonNode answer = f.gql("query($p: geometry!, $d: Float!) { place(where: {location: {_st_d_within: {distance: $d, from: $p}}}, "
                + "order_by: {id: asc}) { id } }", "{\"p\": {\"type\": \"Point\", \"coordinates\": [10, 9]}, \"d\": 2}", null);
        assertData(answer, "{\"place\": [{\"id\": 3}]}");
    }

    @Test
    void geographyHasStIntersectsAndStDWithinInMetres() {
        // point 2 is about 556 m east of the origin, point 3 about 157 km away
        assertThat(ids("{spot: {_st_d_within: {distance: 1000, from: " + POINT_ZERO + "}}}")).isEqualTo("[1,2]");
        assertThat(ids("{spot: {_st_d_within: {distance: 500, from: " + POINT_ZERO + ", use_spheroid: false}}}")).isEqualTo("[1]");
        assertThat(ids("{spot: {_st_intersects: " + POINT_ZERO + "}}")).isEqualTo("[1]");
    }

    @Test
    void castCompareGeometryAsGeographyAndBack() {
        assertThat(ids("{location: {_cast: {geography: {_st_d_within: {distance: 1000, from: " + POINT_ZERO + "}}}}}")).isEqualTo("[1]");
        assertThat(ids("{spot: {_cast: {geometry: {_st_within: {type: \"Polygon\", "
                + "coordinates: [[[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5], [-0.5, -0.5]]]}}}}}")).isEqualTo("[1,2]");
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "place", "role": "caster", "permission": {
              "columns": ["id"], "filter": {"location": {"_cast": {"geography": {"_st_d_within": {"distance": 400000,
                "from": {"type": "Point", "coordinates": [0, 0]}}}}}}}}}
            """);
        assertThat(as(Map.of("x-hasura-role", "caster"))).isEqualTo("[1,2]");
        var error = f.refused("""
            {"type": "pg_create_select_permission", "args": {"table": "place", "role": "bad", "permission": {
              "columns": ["id"], "filter": {"location": {"_cast": {"String": {"_eq": "x"}}}}}}}
            """);
        assertThat(error.error()).contains("cannot cast column of type \"geometry\" to type \"String\"");
    }

    @Test
    void insertsAndUpdatesTakeGeoJson() {
        assertData(f.gql("""
            mutation { insert_place_one(object: {id: 10, name: "new", location: {type: "Point", coordinates: [1, 2]},
                spot: {type: "Point", coordinates: [2, 1]}}) { id location spot } }
            """), """
            {"insert_place_one": {"id": 10, "location": {"type": "Point", "coordinates": [1, 2]},
              "spot": {"type": "Point", "coordinates": [2, 1]}}}
            """);
        assertData(f.gql("mutation($g: geometry) { update_place_by_pk(pk_columns: {id: 10}, _set: {location: $g}) { location } }",
                "{\"g\": {\"type\": \"Point\", \"coordinates\": [7, 7]}}", null), """
            {"update_place_by_pk": {"location": {"type": "Point", "coordinates": [7, 7]}}}
            """);
        f.gql("mutation { delete_place_by_pk(id: 10) { id } }");
    }

    @Test
    void permissionFiltersUseTheSpatialOperatorsWithSessionVariables() {
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "place", "role": "nearby", "permission": {
              "columns": ["id", "name"], "filter": {"spot": {"_st_d_within": {"distance": 1000, "from": "X-Hasura-Location"}}}}}}
            """);
        f.metadataOk("""
            {"type": "pg_create_select_permission", "args": {"table": "place", "role": "inside", "permission": {
              "columns": ["id"], "filter": {"location": {"_st_within": {"type": "Polygon",
                "coordinates": [[[2, -1], [11, -1], [11, 11], [2, 11], [2, -1]]]}}}}}}
            """);
        assertThat(as(Map.of("x-hasura-role", "nearby", "x-hasura-location", "{\"type\": \"Point\", \"coordinates\": [1, 1]}")))
                .isEqualTo("[3]");
        assertThat(as(Map.of("x-hasura-role", "nearby", "x-hasura-location", "{\"type\": \"Point\", \"coordinates\": [0, 0.001]}")))
                .isEqualTo("[1,2]");
        assertThat(as(Map.of("x-hasura-role", "inside"))).isEqualTo("[2,3]");
    }

    @Test
    void aSpatialOperatorOnAnotherTypeIsRefusedInAPermission() {
        var error = f.refused("""
            {"type": "pg_create_select_permission", "args": {"table": "place", "role": "bad", "permission": {
              "columns": ["id"], "filter": {"name": {"_st_within": {"type": "Point", "coordinates": [0, 0]}}}}}}
            """);
        assertThat(error.error()).contains("is of type \"text\"; this operator works only on columns of type \"geometry\"");
        error = f.refused("""
            {"type": "pg_create_select_permission", "args": {"table": "place", "role": "bad", "permission": {
              "columns": ["id"], "filter": {"spot": {"_st_contains": {"type": "Point", "coordinates": [0, 0]}}}}}}
            """);
        assertThat(error.error()).contains("is of type \"geography\"; this operator works only on columns of type \"geometry\"");
    }

    @Test
    void geoJsonValuesAreBindParametersReadByStGeomFromGeoJson() {
        Http.Response r = f.http.post("/v1/graphql/explain", Json.write(Json.object().set("query", Json.object().put("query",
                "{ place(where: {spot: {_st_d_within: {distance: 10, from: {type: \"Point\", coordinates: [0, 0]}}}}) { location } }"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String sql = r.json().get(0).get("sql").asText();
        assertThat(sql).contains("ST_DWithin(").contains(".\"spot\", ST_GeomFromGeoJSON($1::\"text\")::geography, $2::\"float8\", $3::\"bool\")")
                .contains("ST_AsGeoJSON(").doesNotContain("Point");
    }

    @Test
    void theComparisonTypesAreHasuras() {
        JsonNode answer = f.gql("""
            { g: __type(name: "geometry_comparison_exp") { inputFields { name type { name kind ofType { name } } } }
              y: __type(name: "geography_comparison_exp") { inputFields { name type { name } } }
              w: __type(name: "st_d_within_input") { inputFields { name defaultValue type { kind ofType { name } } } }
              s: __type(name: "st_d_within_geography_input") { inputFields { name defaultValue type { name kind ofType { name } } } } }
            """);
        assertThat(names(answer.at("/data/g/inputFields"))).containsExactly("_cast", "_eq", "_gt", "_gte", "_in",
                "_is_null", "_lt", "_lte", "_neq", "_nin", "_st_3d_d_within", "_st_3d_intersects", "_st_contains",
                "_st_crosses", "_st_d_within", "_st_equals", "_st_intersects", "_st_overlaps", "_st_touches", "_st_within");
        assertThat(names(answer.at("/data/y/inputFields"))).containsExactly("_cast", "_eq", "_gt", "_gte", "_in",
                "_is_null", "_lt", "_lte", "_neq", "_nin", "_st_d_within", "_st_intersects");
        assertThat(answer.at("/data/w/inputFields").toString()).isEqualTo("""
            [{"name":"distance","defaultValue":null,"type":{"kind":"NON_NULL","ofType":{"name":"Float"}}},\
            {"name":"from","defaultValue":null,"type":{"kind":"NON_NULL","ofType":{"name":"geometry"}}}]""");
        assertThat(answer.at("/data/s/inputFields/2").toString())
                .isEqualTo("{\"name\":\"use_spheroid\",\"defaultValue\":\"true\",\"type\":{\"name\":\"Boolean\",\"kind\":\"SCALAR\",\"ofType\":null}}");
    }

    static String ids(String where) {
        JsonNode answer = f.gql("{ place(where: " + where + ", order_by: {id: asc}) { id } }");
        assertThat(answer.has("errors")).as("%s", answer).isFalse();
        return answer.at("/data/place").findValuesAsText("id").toString().replace(" ", "");
    }

    static String as(Map<String, String> headers) {
        Http.Response r = f.http.post("/v1/graphql", Json.write(Json.object().put("query", "{ place(order_by: {id: asc}) { id } }")), headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/data/place").findValuesAsText("id").toString().replace(" ", "");
    }

    static java.util.List<String> names(JsonNode fields) {
        return java.util.stream.StreamSupport.stream(fields.spliterator(), false).map(n -> n.get("name").asText()).toList();
    }
}
