package junction.server;

import static org.assertj.core.api.Assertions.assertThat;

import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /healthz} (and {@code /hasura/healthz}) answer as Hasura's: OK, WARN with inconsistent
 * metadata, 500 for inconsistent metadata in strict mode. The answer for an unreachable metadata
 * database is in {@code EmbeddedDatabaseWatchTest}.
 */
class HealthzTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("healthz");
        f.runSqlOk("create table doomed (id int primary key)");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void okThenWarnWithInconsistentMetadataAndErrorWhenStrictThenOkAgain() {
        assertHealth("/healthz", 200, "OK");
        assertHealth("/healthz?strict=true", 200, "OK");

        f.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"doomed\"}}");
        TestPostgres.sql(f.databaseUrl, "drop table doomed");
        f.metadataOk("{\"type\": \"reload_metadata\", \"args\": {}}");

        assertHealth("/healthz", 200, "WARN: inconsistent objects in schema");
        assertHealth("/healthz?strict=false", 200, "WARN: inconsistent objects in schema");
        assertHealth("/hasura/healthz", 200, "WARN: inconsistent objects in schema");
        assertHealth("/healthz?strict=true", 500, "ERROR: inconsistent objects in schema");
        assertHealth("/hasura/healthz?strict=true", 500, "ERROR: inconsistent objects in schema");

        f.metadataOk("{\"type\": \"drop_inconsistent_metadata\", \"args\": {}}");
        assertHealth("/healthz?strict=true", 200, "OK");
    }

    private static void assertHealth(String path, int status, String body) {
        Http.Response r = f.http.get(path);
        assertThat(r.status()).as(path).isEqualTo(status);
        assertThat(r.body()).as(path).isEqualTo(body);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
    }
}
