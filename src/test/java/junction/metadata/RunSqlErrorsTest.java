package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import junction.test.ApiError;
import junction.test.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * run_sql reports the database's own error, even when the pool closes the connection after it
 * (SQLSTATE class 0A): not the error of the rollback that follows.
 */
class RunSqlErrorsTest {
    static EngineFixture f;

    @BeforeAll
    static void start() {
        f = EngineFixture.start("run_sql_errors");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void anExtensionThePostgresServerLacksIsReportedWithPostgresMessageAndSqlState() {
        ApiError error = f.refused(() -> f.runSql("create extension postgis"))
                .expect(400, "postgres-error", "$", "query execution failed");
        assertThat(error.internal().at("/error/message").asText()).isEqualTo("extension \"postgis\" is not available");
        assertThat(error.internal().at("/error/status_code").asText()).isEqualTo("0A000");
        assertThat(error.internal().at("/statement").asText()).isEqualTo("create extension postgis");
        assertThat(f.runSqlOk("select 1 as one").at("/result/1/0").asText()).isEqualTo("1");
    }

    @Test
    void theSameErrorInsideDdlThatChecksMetadataIsReportedToo() {
        ApiError error = f.refused(() -> f.runSqlWith(
                "{\"sql\": \"create table t_ext (id int); create extension postgis\", \"check_metadata_consistency\": true}"))
                .expect(400, "postgres-error", "$", "query execution failed");
        assertThat(error.internal().at("/error/status_code").asText()).isEqualTo("0A000");
        assertThat(f.runSqlOk("select count(*) from pg_tables where tablename = 't_ext'").at("/result/1/0").asText())
                .isEqualTo("0");
    }
}
