package junction.remote;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects the {@link ResultShape} of a client's selection, following fragment spreads. */
final class ShapeCollector {
    private final Map<String, FragmentDefinition> fragments;

    ShapeCollector(Map<String, FragmentDefinition> fragments) {
        this.fragments = fragments;
    }

    ResultShape collect(List<Selection> selections) {
        Level level = new Level();
        add(level, selections, new HashSet<>());
        return level.toShape();
    }

    /** One object level being collected: typename keys, and the selections under each other key. */
    private static final class Level {
        final Set<String> typenames = new LinkedHashSet<>();
        final Map<String, Level> children = new LinkedHashMap<>();

        ResultShape toShape() {
            Map<String, ResultShape> out = new LinkedHashMap<>();
            children.forEach((key, child) -> {
                ResultShape shape = child.toShape();
                if (shape.hasTypenames()) {
                    out.put(key, shape);
                }
            });
            return new ResultShape(typenames, out);
        }
    }

    private void add(Level level, List<Selection> selections, Set<String> visiting) {
        for (Selection<?> selection : selections) {
            switch (selection) {
                case Field field -> field(level, field);
                case InlineFragment inline -> add(level, inline.getSelectionSet().getSelections(), visiting);
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null && visiting.add(spread.getName())) {
                        add(level, fragment.getSelectionSet().getSelections(), visiting);
                        visiting.remove(spread.getName());
                    }
                }
                default -> {
                }
            }
        }
    }

    private void field(Level level, Field field) {
        String key = field.getResultKey();
        if (field.getName().equals("__typename")) {
            level.typenames.add(key);
            return;
        }
        SelectionSet selectionSet = field.getSelectionSet();
        if (selectionSet != null) {
            add(level.children.computeIfAbsent(key, k -> new Level()), selectionSet.getSelections(), new HashSet<>());
        }
    }
}
