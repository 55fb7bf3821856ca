package junction.execute;

import graphql.language.Document;
import graphql.language.SourceLocation;
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
            throw ApiException.of(Code.VALIDATION_FAILED, "the query is too large or too deeply nested").at("$.query");
        } catch (InvalidSyntaxException e) {
            throw ApiException.of(Code.PARSE_FAILED, syntaxError(e)).at("$.query");
        }
    }

    /** Where the syntax error is and the token found there, in our words (not graphql-java's). */
    private static String syntaxError(InvalidSyntaxException e) {
        StringBuilder message = new StringBuilder("not a valid graphql query");
        String token = e.getOffendingToken();
        if (token != null && !token.equals("<EOF>")) {
            message.append(": unexpected '").append(token.length() > 40 ? token.substring(0, 40) + "…" : token).append("'");
        } else {
            message.append(": unexpected end of query");
        }
        SourceLocation at = e.getLocation();
        if (at != null && at.getLine() > 0) {
            message.append(" at line ").append(at.getLine()).append(", column ").append(at.getColumn());
        }
        return message.toString();
    }
}
