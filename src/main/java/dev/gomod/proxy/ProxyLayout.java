package dev.gomod.proxy;

import dev.gomod.mod.ModulePath;
import dev.gomod.mod.ModuleVersion;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a module's files live in a GOPROXY-layout directory. Accepts either the layout directory
 * itself or a GOMODCACHE, whose {@code cache/download} is one.
 */
public final class ProxyLayout {
    private final Path root;

    private ProxyLayout(Path root) {
        this.root = root;
    }

    /** The layout rooted at {@code dir}, or at {@code dir/cache/download} when {@code dir} is a GOMODCACHE. */
    public static ProxyLayout at(Path dir) {
        Path download = dir.resolve("cache").resolve("download");
        return new ProxyLayout(Files.isDirectory(download) ? download : dir);
    }

    public Path root() {
        return root;
    }

    /** {@code <root>/<escaped path>/@v}; throws IllegalArgumentException for an invalid module path. */
    public Path versionDir(String modulePath) {
        return root.resolve(ModulePath.escape(modulePath)).resolve("@v");
    }

    public Path zip(ModuleVersion m) {
        return file(m, ".zip");
    }

    public Path mod(ModuleVersion m) {
        return file(m, ".mod");
    }

    public Path info(ModuleVersion m) {
        return file(m, ".info");
    }

    public Path ziphash(ModuleVersion m) {
        return file(m, ".ziphash");
    }

    public Path list(String modulePath) {
        return versionDir(modulePath).resolve("list");
    }

    private Path file(ModuleVersion m, String ext) {
        return versionDir(m.path()).resolve(ModulePath.escapeVersion(m.version()) + ext);
    }
}
