package dev.gomod.bundle;

import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.ToolchainModule;
import dev.gomod.workspace.Workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * What a layout may need to make what it packs or freeze pins ({@link BundleLayout#source}): the
 * workspace, the go command (null where no layout asked for needs one, {@link BundleLayout#needsGo},
 * so that packing vendor/ needs no Go), a scratch directory, and the toolchains shipped beside it
 * (the module cache carries them too, for plain go's offline switch).
 */
public record BundleSources(Workspace workspace, GoCommand go, Path scratch, List<ToolchainModule> toolchains) {
    public BundleSources {
        toolchains = List.copyOf(toolchains);
    }

    /** The go command, for the kinds that need one. */
    @Override
    public GoCommand go() {
        if (go == null) {
            throw new IllegalStateException("no go command was given for a kind that needs one");
        }
        return go;
    }
}
