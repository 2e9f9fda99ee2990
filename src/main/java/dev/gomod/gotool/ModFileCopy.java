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
    private final Path moduleDir;
    private final Path dir;

    private ModFileCopy(Path moduleDir, Path dir) {
        this.moduleDir = moduleDir;
        this.dir = dir;
    }

    public static ModFileCopy create(Path moduleDir, Path scratchDir) throws IOException {
        Files.createDirectories(scratchDir);
        Files.copy(moduleDir.resolve("go.mod"), scratchDir.resolve("go.mod"), StandardCopyOption.REPLACE_EXISTING);
        Path sum = moduleDir.resolve("go.sum");
        if (Files.exists(sum)) {
            Files.copy(sum, scratchDir.resolve("go.sum"), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(scratchDir.resolve("go.sum"));
        }
        return new ModFileCopy(moduleDir, scratchDir);
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
        return !same(moduleDir.resolve("go.mod"), goMod()) || !same(moduleDir.resolve("go.sum"), goSum());
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
