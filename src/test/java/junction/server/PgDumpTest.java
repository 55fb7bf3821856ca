package junction.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import junction.test.DebianPostgres;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1alpha1/pg_dump} end to end: a source on Debian's PostgreSQL 15 dumped by its
 * {@code pg_dump}; the embedded PostgreSQL 17 (no pg_dump of its version here) refused clearly.
 */
class PgDumpTest {
    static DebianPostgres pg;
    static EngineFixture f;

    @BeforeAll
    static void start() {
        pg = DebianPostgres.start();
        String url = pg.newDatabase("shelf");
        f = EngineFixture.start("pgdump", c -> c.toBuilder().adminSecrets(java.util.List.of("s3cret")).build());
        junction.test.TestPostgres.sql(url, "create table book (id int primary key, title text not null);"
                + "insert into book values (1, 'Dune'), (2, 'it''s');"
                + "create schema other; create table other.note (id int);");
        ok("/v1/metadata", "{\"type\": \"pg_add_source\", \"args\": {\"name\": \"deb\", \"configuration\": {\"connection_info\": "
                + "{\"database_url\": \"" + url + "\"}}}}");
    }

    @AfterAll
    static void stop() {
        f.close();
        pg.close();
    }

    static Http.Response post(String path, String body) {
        return f.http.post(path, body, Map.of("x-hasura-admin-secret", "s3cret"));
    }

    static Http.Response ok(String path, String body) {
        Http.Response response = post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void aSchemaDumpOfTheSourceCleanedAsHasuraCleansIt() {
        Http.Response dump = ok("/v1alpha1/pg_dump",
                "{\"opts\": [\"-O\", \"-x\", \"--schema-only\", \"--schema\", \"public\"], \"clean_output\": true, \"source\": \"deb\"}");

        assertThat(dump.headers().firstValue("content-type")).contains("application/sql; charset=utf-8");
        assertThat(dump.body()).contains("CREATE TABLE public.book (\n    id integer NOT NULL,\n    title text NOT NULL\n);\n")
                .contains("ALTER TABLE ONLY public.book\n    ADD CONSTRAINT book_pkey PRIMARY KEY (id);\n")
                .startsWith("SET check_function_bodies = false;\n")
                .doesNotContain("--").doesNotContain("\n\n").doesNotContain("SET statement_timeout")
                .doesNotContain("\\restrict").doesNotContain("other.note").doesNotContain("INSERT");
    }

    @Test
    void withoutCleanOutputTheDumpIsAsPgDumpWroteIt() {
        Http.Response dump = ok("/v1alpha1/pg_dump", "{\"opts\": [\"--data-only\", \"--column-inserts\", \"--table=public.book\"], \"source\": \"deb\"}");

        assertThat(dump.body()).contains("-- PostgreSQL database dump").contains("SET statement_timeout = 0;")
                .contains("INSERT INTO public.book (id, title) VALUES (1, 'Dune');\n")
                .contains("INSERT INTO public.book (id, title) VALUES (2, 'it''s');\n");
    }

    @Test
    void optionsThatWriteFilesConnectElsewhereOrChangeTheFormatAreRefused() {
        for (String opts : new String[] {"[\"-f\", \"/tmp/x.sql\"]", "[\"--file=/tmp/x.sql\"]", "[\"-h\", \"example.com\"]",
                "[\"-Fc\"]", "[\"--schema-only\", \"otherdb\"]", "[\"--filter=/etc/passwd\"]"}) {
            Http.Response refused = post("/v1alpha1/pg_dump", "{\"opts\": " + opts + ", \"source\": \"deb\"}");
            assertThat(refused.status()).as(opts).isEqualTo(400);
            assertThat(refused.json().path("code").asText()).isEqualTo("bad-request");
            assertThat(refused.json().path("error").asText()).startsWith("pg_dump option not allowed: ");
        }
    }

    @Test
    void aPgDumpErrorIsHasurasUnexpectedWithTheMessageOfPgDumpForAdmins() {
        Http.Response failed = post("/v1alpha1/pg_dump", "{\"opts\": [\"--table\", \"no_such_table\"], \"source\": \"deb\"}");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().path("code").asText()).isEqualTo("unexpected");
        assertThat(failed.json().path("error").asText()).isEqualTo("error while executing pg_dump");
        assertThat(failed.json().path("internal").asText()).contains("no matching tables were found");
    }

    @Test
    void theEmbeddedPostgres17HasNoPgDumpOfItsVersionAndSaysSo() {
        Http.Response missing = post("/v1alpha1/pg_dump", "{\"opts\": [\"--schema-only\"]}");

        assertThat(missing.status()).isEqualTo(500);
        assertThat(missing.json().path("code").asText()).isEqualTo("unexpected");
        assertThat(missing.json().path("error").asText()).startsWith("no pg_dump of PostgreSQL 17, the database's version, was found")
                .contains("--pg-dump-path");
    }

    @Test
    void aConfiguredPgDumpOfAnotherMajorVersionIsRefused() {
        try (EngineFixture other = EngineFixture.on(f.databaseUrl,
                c -> c.toBuilder().pgDumpPath(Optional.of(DebianPostgres.BIN.resolve("pg_dump"))).build())) {
            Http.Response refused = other.http.post("/v1alpha1/pg_dump", "{\"opts\": [\"--schema-only\"], \"source\": \"default\"}");

            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.json().path("error").asText())
                    .contains("found only " + DebianPostgres.BIN.resolve("pg_dump") + " (PostgreSQL 15)");
        }
    }

    @Test
    void adminOnlyAnUnknownSourceAndTheApiGroupOff() {
        Http.Response user = f.http.post("/v1alpha1/pg_dump", "{\"opts\": []}", Map.of("x-hasura-admin-secret", "s3cret", "x-hasura-role", "user"));
        assertThat(user.status()).isEqualTo(400);
        assertThat(user.json().path("code").asText()).isEqualTo("access-denied");

        Http.Response unknown = post("/v1alpha1/pg_dump", "{\"opts\": [], \"source\": \"nope\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("code").asText()).isEqualTo("not-found");
        assertThat(unknown.json().path("error").asText()).isEqualTo("source \"nope\" not found");

        Http.Response noOpts = post("/v1alpha1/pg_dump", "{\"source\": \"deb\"}");
        assertThat(noOpts.json().path("code").asText()).isEqualTo("parse-failed");

        try (EngineFixture off = EngineFixture.on(f.databaseUrl,
                c -> c.toBuilder().enabledApis(EnumSet.of(ServerConfig.Api.METADATA, ServerConfig.Api.GRAPHQL)).build())) {
            assertThat(off.http.post("/v1alpha1/pg_dump", "{\"opts\": []}").status()).isEqualTo(404);
        }
    }
}
