package junction.remote;

import graphql.language.FragmentDefinition;
import graphql.language.Selection;
import java.util.List;

/**
 * A client's selection on one of a remote's types, translated to the remote's names: the
 * selections, the fragment definitions they use (translated), the client variables they use, and
 * where {@code __typename} values will be in the answer. The building block for remote joins,
 * which put one such selection under each aliased remote field they send.
 */
public record RemoteSelection(List<Selection> selections, List<FragmentDefinition> fragments, List<String> variableNames,
                              ResultShape shape) {
    public RemoteSelection {
        selections = List.copyOf(selections);
        fragments = List.copyOf(fragments);
        variableNames = List.copyOf(variableNames);
    }
}
