package junction.execute;

import graphql.language.Document;
import graphql.validation.OperationValidationRule;
import graphql.validation.QueryComplexityLimits;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.util.List;
import java.util.Locale;
import junction.schema.RoleSchema;

/**
 * Validates a document against the role's schema with graphql-java, after the engine's own size
 * limits, and reports the first problem as Hasura does ({@link ValidationFailures}): {@code validation-failed},
 * a message such as "field 'x' not found in type: 'y'", and a path such as {@code $.selectionSet.a.selectionSet.x}.
 */
final class OperationValidator {
    private final QueryLimits limits;

    OperationValidator(QueryLimits limits) {
        this.limits = limits;
    }

    void validate(RoleSchema schema, Document document) {
        limits.check(document);
        List<ValidationError> errors = new Validator().validateDocument(schema.graphql(), document,
                rule -> rule != OperationValidationRule.GOOD_FAITH_INTROSPECTION,
                Locale.ENGLISH, QueryComplexityLimits.NONE);
        if (!errors.isEmpty()) {
            throw ValidationFailures.translate(schema.graphql(), document, errors.getFirst());
        }
    }
}
