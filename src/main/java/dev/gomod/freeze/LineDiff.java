package dev.gomod.freeze;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a rewrite of a text file would change, as lines: each line of the old text the new one lacks,
 * with its line number ({@code go.mod:7: - line}), then each line the new one adds ({@code go.mod: + line}).
 * Lines are compared as sets, so a line that only moves is no change; blank lines are left out.
 */
final class LineDiff {
    private LineDiff() {
    }

    /**
     * @param key     what of a line counts (the line itself, or a normal form of it)
     * @param removed what follows a removed line, e.g. {@code "   (tidy would remove)"}; may be empty
     * @param added   what follows an added line
     */
    static List<String> changes(String name, List<String> before, List<String> after, UnaryOperator<String> key, String removed, String added) {
        Set<String> beforeKeys = new HashSet<>(before.stream().map(key).toList());
        Set<String> afterKeys = new HashSet<>(after.stream().map(key).toList());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            String l = before.get(i);
            if (!key.apply(l).isBlank() && !afterKeys.contains(key.apply(l))) {
                out.add(name + ":" + (i + 1) + ": - " + l.strip() + removed);
            }
        }
        for (String l : after) {
            if (!key.apply(l).isBlank() && !beforeKeys.contains(key.apply(l))) {
                out.add(name + ": + " + l.strip() + added);
            }
        }
        return out;
    }
}
