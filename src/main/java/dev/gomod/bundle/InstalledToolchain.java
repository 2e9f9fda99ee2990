package dev.gomod.bundle;

import dev.gomod.Reporter;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.gotool.ToolchainModule;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.PinKind;
import dev.gomod.mod.FormatException;
import dev.gomod.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The toolchain a workspace's lock pins for this platform, as an earlier install left it in an
 * install directory ({@code <base>/<go1.X.Y>.<goos>-<goarch>}): found only when it still hashes to
 * the pin, checked the way an install's no-op checks it (the stat cache; only files whose stat
 * changed are read). Otherwise, the reason none is used, for the log.
 *
 * @param goroot the installed GOROOT; null when none is usable
 * @param why    which toolchain and why, or why none
 */
public record InstalledToolchain(Path goroot, ToolchainModule module, String why) {
    /** The go command of the installed toolchain, when there is one. */
    public Optional<Path> executable() {
        return goroot == null ? Optional.empty() : Optional.of(goroot.resolve(module.executable()));
    }

    /** True when the lock pins a toolchain for this platform: then its absence is worth saying. */
    public boolean pinned() {
        return module != null;
    }

    /**
     * @param installBase where installs go, one directory per release and platform
     * @param platform    this machine's platform; empty where Go ships no toolchain
     */
    public static InstalledToolchain find(Workspace workspace, Path installBase, Optional<String> platform) {
        String lockName = workspace.lockFile().getFileName().toString();
        Optional<GoModLock> lock;
        try {
            lock = workspace.lock();
        } catch (IOException | FormatException e) {
            return new InstalledToolchain(null, null, lockName + " is unreadable (" + e.getMessage() + ")");
        }
        Optional<String> pinned = platform.flatMap(p -> lock.flatMap(l -> l.pins(PinKind.TOOLCHAIN).keySet().stream()
                .filter(v -> v.endsWith("." + p)).findFirst()));
        if (pinned.isEmpty()) {
            return new InstalledToolchain(null, null, lockName + " pins no toolchain for " + platform.orElse("this platform"));
        }
        String version = pinned.get();
        Optional<ToolchainModule> named = ToolchainModule.ofVersion(version);
        if (named.isEmpty()) {
            return new InstalledToolchain(null, null, lockName + " pins " + version + ", which names no toolchain");
        }
        ToolchainModule module = named.get();
        ToolchainBundle layout = new ToolchainBundle(module);
        Path goroot = layout.target(new RestoreDirs(null, null, installBase, null));
        String what = "the toolchain " + lockName + " pins (" + module.go() + " " + module.platform() + ")";
        if (!Files.isDirectory(goroot)) {
            return new InstalledToolchain(null, module, what + " is not installed in " + goroot);
        }
        try {
            Restore check = new Restore(workspace, Reporter.SILENT, new Restore.Options(layout, goroot,
                    SafeExtractor.Limits.DEFAULT));
            // go.mod may have changed since freeze (verify says so): the toolchain the lock pins is still the one to run
            if (check.holdsPinnedTree().isPresent()) {
                return new InstalledToolchain(goroot, module, what + ", installed in " + goroot);
            }
        } catch (IOException | FormatException e) {
            // reported as not matching
        }
        return new InstalledToolchain(null, module, goroot + " does not match " + what);
    }
}
