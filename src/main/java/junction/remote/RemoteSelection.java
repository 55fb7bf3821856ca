package junction.remote;

import graphql.language.FragmentDefinition;
import graphql.language.Selection;
import java.util.List;

/**
 * A client's selection on one of a remote's types, translated to the remote's names: the
 * selections, the fragment definitions they use (translated), the client variables they use, and
 * where {@code __typename} values will be in the answer; the role's session presets it uses
 * (variables to declare and fill from the session) and the client variables that need the role's
 * input field presets added (variable → original input type). The building block for remote joins,
 * which put one such selection under each aliased remote field they send.
 */
public record RemoteSelection(List<Selection> selections, List<FragmentDefinition> fragments, List<String> variableNames,
                              ResultShape shape, List<SessionPreset> sessions, java.util.Map<String, String> patches) {
    public RemoteSelection {
        selections = List.copyOf(selections);
        fragments = List.copyOf(fragments);
        variableNames = List.copyOf(variableNames);
        sessions = List.copyOf(sessions);
        patches = java.util.Map.copyOf(patches);
    }
}
