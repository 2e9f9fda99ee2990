package dev.gomod.gotool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * A scratch copy of go.mod and go.sum for {@code go ... -modfile=<copy>}: go reads and writes the
 * copy (and the go.sum beside it) instead of the user's files, so that no job mutates go.mod or
 * go.sum unless asked to. Relative directory replacements still resolve against the module root.
 */
public final class ModFileCopy {
    private final Path originalMod;
    private final Path originalSum;
    private final Path dir;

    private ModFileCopy(Path originalMod, Path originalSum, Path dir) {
        this.originalMod = originalMod;
        this.originalSum = originalSum;
        this.dir = dir;
    }

    /** A copy of {@code moduleDir}'s go.mod and go.sum. */
    public static ModFileCopy create(Path moduleDir, Path scratchDir) throws IOException {
        return create(moduleDir.resolve("go.mod"), moduleDir.resolve("go.sum"), scratchDir);
    }

    /** A copy of a go.mod file and its checksum file, whatever they are called (go.prod.mod and go.prod.sum). */
    public static ModFileCopy create(Path goMod, Path goSum, Path scratchDir) throws IOException {
        Files.createDirectories(scratchDir);
        Files.copy(goMod, scratchDir.resolve("go.mod"), StandardCopyOption.REPLACE_EXISTING);
        if (Files.exists(goSum)) {
            Files.copy(goSum, scratchDir.resolve("go.sum"), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(scratchDir.resolve("go.sum"));
        }
        return new ModFileCopy(goMod, goSum, scratchDir);
    }

    /** The user's go.mod file the copy was made from. */
    public Path originalGoMod() {
        return originalMod;
    }

    /** The user's go.sum file (which need not exist). */
    public Path originalGoSum() {
        return originalSum;
    }

    /** The flag to pass to go. */
    public String flag() {
        return "-modfile=" + dir.resolve("go.mod");
    }

    public Path goMod() {
        return dir.resolve("go.mod");
    }

    public Path goSum() {
        return dir.resolve("go.sum");
    }

    /** True when go changed the copy of go.mod or go.sum: the user's files would have been changed. */
    public boolean changed() throws IOException {
        return !same(originalMod, goMod()) || !same(originalSum, goSum());
    }

    private static boolean same(Path a, Path b) throws IOException {
        boolean ea = Files.exists(a);
        boolean eb = Files.exists(b);
        if (!ea || !eb) {
            return ea == eb || !ea && Files.size(b) == 0;
        }
        return Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
    }
}
