package dev.gomod.freeze;

import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;
import dev.gomod.gotool.ModFileCopy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Is the module tidy? Runs {@code go mod tidy -modfile=<copy>} and compares the copies with the
 * user's go.mod and go.sum, line by line, so the answer names what tidy would add or remove.
 */
public final class TidyCheck {
    private TidyCheck() {
    }

    /** The lines tidy would change, as {@code go.mod:7: - line} or {@code go.sum: + line}; empty when tidy. */
    public static List<String> differences(GoCommand go, Path moduleDir, ModFileCopy copy) throws GoException, IOException {
        go.run(moduleDir, "mod", "tidy", copy.flag());
        List<String> out = new ArrayList<>();
        diff(copy.originalGoMod().getFileName().toString(), copy.originalGoMod(), copy.goMod(), out);
        diff(copy.originalGoSum().getFileName().toString(), copy.originalGoSum(), copy.goSum(), out);
        return out;
    }

    private static void diff(String name, Path original, Path tidied, List<String> out) throws IOException {
        List<String> before = lines(original);
        List<String> after = lines(tidied);
        Set<String> beforeSet = new HashSet<>(before);
        Set<String> afterSet = new HashSet<>(after);
        for (int i = 0; i < before.size(); i++) {
            String l = before.get(i);
            if (!l.isBlank() && !afterSet.contains(l)) {
                out.add(name + ":" + (i + 1) + ": - " + l.strip() + "   (tidy would remove)");
            }
        }
        for (String l : after) {
            if (!l.isBlank() && !beforeSet.contains(l)) {
                out.add(name + ": + " + l.strip() + "   (tidy would add)");
            }
        }
    }

    private static List<String> lines(Path p) throws IOException {
        return Files.exists(p) ? List.of(Files.readString(p, StandardCharsets.UTF_8).split("\n", -1)) : List.of();
    }
}
