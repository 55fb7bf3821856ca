package junction.remote;

import graphql.language.Value;
import java.util.List;

/**
 * The value a role's {@code @preset} gives an argument or input field, as a GraphQL literal in the
 * remote's original names. Values read from the session are variable references
 * ({@code $x_hasura_user_id}) to the {@link #sessions()} it lists, so one query text serves every user.
 */
public record Preset(Value<?> value, List<SessionPreset> sessions) {
    public Preset {
        sessions = List.copyOf(sessions);
    }
}
