package dev.gomod.freeze;

import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;
import dev.gomod.mod.FormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The license policy, as freeze asks it before writing the lock: the frozen dependency set's
 * violations, one line each. Freeze knows only this shape; dev.gomod.sbom answers it, so the license
 * inventory is the SBOM's own.
 */
@FunctionalInterface
public interface LicenseCheck {
    /** Asks nothing. */
    LicenseCheck NONE = (go, dir, modfileFlag, buildList, vendorDir, inputs) -> List.of();

    /**
     * @param go          go in the dependency set's mode (GOWORK, -modfile)
     * @param dir         the module's or the workspace's directory
     * @param modfileFlag {@code -modfile=…} of a scratch copy, or null
     * @param vendorDir   the vendor tree freeze made
     * @param inputs      the dependency set's files (go.mod, go.sum, …), which go must leave as they are
     */
    List<String> violations(GoCommand go, Path dir, String modfileFlag, List<BuildList.Module> buildList, Path vendorDir, List<Path> inputs)
            throws IOException, GoException, FormatException;
}
