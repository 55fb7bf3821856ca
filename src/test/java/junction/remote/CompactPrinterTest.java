package junction.remote;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompactPrinterTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "{ a b c }",
        "{r0_0: user(id: 7) { id name } r0_1: user(id: 8) { id name }}",
        "query Q($a: Int! = 3, $b: [String!]) @d(x: 1) { a: f(x: 1, y: \"s\\n\\\"é\", z: [1, 2], o: {k: ENUM, n: null, v: $a, f: 1.5, b: true}) @skip(if: $b) { id ...F ... on T { x } ... @include(if: true) { y } } b }",
        "fragment F on T @d { id }",
        "mutation { a }",
        "subscription S { a }",
        "query { a(x: []) { b } c(o: {}) }",
        "query ($a: Int) { a(x: $a) }",
        "query @d { a }",
        "{ ... on T @d(a: 1) { a } ...F @d } fragment F on T { b }",
        "query ($v: Int @d, $w: [[ID!]!] = [[\"1\"]]) { a(x: \"tab\\there \\\\ slash / quote \\\" \\u00e9\") }",
        "{ r0: users(ids: [1, 2, 3]) { _junction_key: id ... on User { name } } r1: _entities(representations: [{__typename: \"User\", id: \"1\"}]) { ... on User { name posts(first: 5, where: {title: {_like: \"%a%\"}}) { title } } } }",
        "{ a(f: -1.5e3, i: -2, b: false) }",
        "{ a(big: 1180591620717411303424, neg: -9223372036854775808, max: 9223372036854775807, over: 9223372036854775808, zero: 0) }"
    })
    void printsWhatGraphqlJavasCompactPrinterPrints(String query) {
        Document document = new Parser().parseDocument(query);
        assertThat(CompactPrinter.print(document)).isEqualTo(AstPrinter.printAstCompact(document));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0001 bell \u0007", "line\r\nfeed \b \f", "emoji \uD83D\uDE00 and nul-ish \u001f"})
    void escapesStringsSoTheyReadBackTheSame(String text) {
        Document document = new Parser().parseDocument("{ a(s: " + quote(text) + ") }");
        String printed = CompactPrinter.print(document);
        assertThat(AstPrinter.printAstCompact(new Parser().parseDocument(printed)))
                .isEqualTo(AstPrinter.printAstCompact(document));
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}
