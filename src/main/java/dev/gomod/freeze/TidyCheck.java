package dev.gomod.freeze;

import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;
import dev.gomod.gotool.ModFileCopy;
import dev.gomod.mod.GoReleases;
import dev.gomod.mod.GoVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Is the module tidy? Runs {@code go mod tidy -modfile=<copy>} and compares the copies with the
 * user's go.mod and go.sum, line by line, so the answer names what tidy would add or remove. From
 * go 1.27 on ({@link GoReleases#REQUIRE_AT_MOST_TWO}) tidy also merges require blocks into one
 * direct and one indirect: that is said in one sentence, and the lines it only moves are not listed.
 */
public final class TidyCheck {
    private TidyCheck() {
    }

    /** The lines tidy would change, as {@code go.mod:7: - line} or {@code go.sum: + line}; empty when tidy. */
    public static List<String> differences(GoCommand go, Path moduleDir, ModFileCopy copy) throws GoException, IOException {
        go.run(moduleDir, "mod", "tidy", copy.flag());
        List<String> out = new ArrayList<>();
        String modName = copy.originalGoMod().getFileName().toString();
        List<String> before = lines(copy.originalGoMod());
        List<String> after = lines(copy.goMod());
        int blocksBefore = requireStatements(before);
        int blocksAfter = requireStatements(after);
        Optional<String> goLine = after.stream().filter(l -> l.startsWith("go ")).findFirst().map(l -> l.replaceFirst("//.*", "").strip());
        boolean merged = blocksAfter < blocksBefore
                && goLine.flatMap(g -> GoVersion.parse(g.substring(3))).map(v -> v.atLeast(GoReleases.REQUIRE_AT_MOST_TWO)).orElse(false);
        if (merged) {
            out.add(modName + ": " + goLine.get() + " merges the " + blocksBefore + " require blocks and lines into "
                    + (blocksAfter == 1 ? "one" : "two, one direct and one indirect") + " (Go " + GoReleases.REQUIRE_AT_MOST_TWO
                    + " and later, golang/go#56471)");
        }
        int listed = out.size();
        diff(modName, before, after, merged, out);
        if (out.size() == listed && !merged && !before.equals(after)) {
            out.add(modName + ": tidy would reorder or regroup its lines");
        }
        diff(copy.originalGoSum().getFileName().toString(), lines(copy.originalGoSum()), lines(copy.goSum()), false, out);
        return out;
    }

    /**
     * @param requirementsOnly compare requirements, not where they stand: a line {@code require m v}
     *                         and the block line {@code m v} are the same, block brackets are left out
     */
    private static void diff(String name, List<String> before, List<String> after, boolean requirementsOnly, List<String> out) {
        out.addAll(LineDiff.changes(name, before, after, l -> key(l, requirementsOnly), "   (tidy would remove)", "   (tidy would add)"));
    }

    /** What of a line counts; blank for a line that does not (a block's brackets, when comparing requirements). */
    private static String key(String line, boolean requirementsOnly) {
        if (!requirementsOnly) {
            return line;
        }
        String t = line.strip();
        return t.equals("require (") || t.equals(")") ? "" : t.replaceFirst("^require\\s+(?!\\()", "");
    }

    /** The require blocks and single require lines of a go.mod, counted as go.mod's syntax has them. */
    private static int requireStatements(List<String> lines) {
        return (int) lines.stream().filter(l -> l.startsWith("require ") || l.startsWith("require\t") || l.equals("require(")).count();
    }

    private static List<String> lines(Path p) throws IOException {
        return Files.exists(p) ? List.of(Files.readString(p, StandardCharsets.UTF_8).split("\n", -1)) : List.of();
    }
}
