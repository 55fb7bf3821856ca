package junction.execute;

import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import junction.error.ApiException;
import junction.error.Code;

/**
 * Parses query text. The token limit is high enough for the engine's own field limit (see
 * {@link QueryLimits}) to be the one a large query meets, with a clear message.
 */
final class QueryParser {
    private static final ParserOptions OPTIONS = ParserOptions.getDefaultOperationParserOptions().transform(o -> o
            .maxTokens(2_000_000).maxWhitespaceTokens(2_000_000).maxCharacters(64 * 1024 * 1024).maxRuleDepth(1_000)
            .captureSourceLocation(true).captureLineComments(false).captureIgnoredChars(false));

    Document parse(String query) {
        try {
            return new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(OPTIONS).build());
        } catch (ParseCancelledException | ParseCancelledTooDeepException | ParseCancelledTooManyCharsException e) {
            throw ApiException.of(Code.VALIDATION_FAILED, "the query is too large or too deeply nested: "
                    + e.getMessage()).at("$.query");
        } catch (InvalidSyntaxException e) {
            throw ApiException.of(Code.PARSE_FAILED, "not a valid graphql query: " + e.getMessage()).at("$.query");
        }
    }
}
