package junction.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import junction.db.ConnectionUrl;
import junction.test.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogFunctionsTest {
    private static Catalog catalog;

    @BeforeAll
    static void read() throws Exception {
        String url = TestPostgres.newDatabase("catalog_functions");
        TestPostgres.sql(url, """
            create table author (id serial primary key, first text, last text);
            create function author_full_name(a author) returns text language sql stable as $$ select a.first || ' ' || a.last $$;
            create function search_authors(q text, lim int default 10) returns setof author language sql stable
              as $$ select * from author where first ilike q limit lim $$;
            create function bump(delta int) returns author language sql volatile as $$ select * from author limit 1 $$;
            create function twice(x int) returns int language sql immutable as $$ select 2 * x $$;
            create function twice(x bigint) returns bigint language sql immutable as $$ select 2 * x $$;
            create function split(x int, out a int, out b int) language sql as $$ select x, x $$;
            comment on function search_authors(text, int) is 'find authors';
            create extension if not exists pgcrypto;
            """);
        try (Connection c = DriverManager.getConnection(ConnectionUrl.toJdbc(url))) {
            catalog = new CatalogReader().read(c);
        }
    }

    @Test
    void readsATableRowFunction() {
        Function f = catalog.function(FunctionName.of("author_full_name")).orElseThrow();
        assertThat(f.inputArguments()).extracting(FunctionArgument::name, FunctionArgument::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "author"));
        assertThat(f.returnType()).isEqualTo("text");
        assertThat(f.returnKind()).isEqualTo('b');
        assertThat(f.returnsSet()).isFalse();
        assertThat(f.returnsRows()).isFalse();
        assertThat(f.volatility()).isEqualTo('s');
    }

    @Test
    void readsASetReturningFunctionWithDefaultsAndComment() {
        Function f = catalog.function(FunctionName.of("search_authors")).orElseThrow();
        assertThat(f.returnsSet()).isTrue();
        assertThat(f.returnTable()).contains(TableName.of("author"));
        assertThat(f.inputArguments()).extracting(FunctionArgument::name, FunctionArgument::hasDefault)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("q", false), org.assertj.core.groups.Tuple.tuple("lim", true));
        assertThat(f.comment()).isEqualTo("find authors");
        assertThat(catalog.function(FunctionName.of("bump")).orElseThrow().isVolatile()).isTrue();
    }

    @Test
    void keepsOverloadsAndOutArgumentsApart() {
        assertThat(catalog.functions(FunctionName.of("twice"))).hasSize(2);
        assertThat(catalog.function(FunctionName.of("twice"))).isEmpty();
        Function split = catalog.function(FunctionName.of("split")).orElseThrow();
        assertThat(split.arguments()).hasSize(3);
        assertThat(split.inputArguments()).extracting(FunctionArgument::name).containsExactly("x");
        assertThat(catalog.functionByOid(split.oid())).contains(split);
    }

    @Test
    void leavesOutWhatAnExtensionInstalled() {
        assertThat(catalog.functions(FunctionName.of("gen_random_uuid"))).isEmpty();
        assertThat(catalog.functions(FunctionName.of("crypt"))).isEmpty();
    }
}
