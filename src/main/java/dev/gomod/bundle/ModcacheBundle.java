package dev.gomod.bundle;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.WorkspaceException.Reason;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;
import dev.gomod.gotool.ToolchainModule;
import dev.gomod.hash.DirHash;
import dev.gomod.hash.Sha256;
import dev.gomod.lock.PinKey;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoSum;
import dev.gomod.proxy.ModuleSumCheck;
import dev.gomod.proxy.ProxyLayout;
import dev.gomod.workspace.DirectorySwap;
import dev.gomod.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The module-cache bundle ({@code go-modcache}): every module the build needs, in GOPROXY layout
 * under {@code goproxy/} (list, .info, .mod, .zip byte for byte as go stored them, .ziphash).
 * Restored anywhere, {@code GOPROXY=file://<dir>} serves a build with no network. Its tree hash
 * covers the .mod and .zip files only: they are what go.sum vouches for, while .info holds proxy
 * metadata that may differ between proxies serving the same modules. Restoring checks every .zip
 * and .mod against the workspace's go.sum.
 */
public final class ModcacheBundle extends BundleLayout {
    /** The directory inside the bundle that is the GOPROXY. */
    public static final String PREFIX = "goproxy/";

    ModcacheBundle() {
        super(BundleManifest.MODCACHE, PREFIX, "module cache", List.of());
    }

    @Override
    public BundleKind bundleKind() {
        return BundleKind.MODCACHE;
    }

    @Override
    public String classifier() {
        return "go-modcache";
    }

    @Override
    public PinKey pinKey() {
        return PinKey.MODCACHE;
    }

    @Override
    public Path target(RestoreDirs dirs) {
        return dirs.goproxy();
    }

    @Override
    public boolean needsGo() {
        return true;
    }

    /** The module cache go.sum names, downloaded through go into a fresh cache, with the shipped toolchains. */
    @Override
    public Path source(BundleSources sources) throws IOException, GoException, WorkspaceException, FormatException {
        Workspace ws = sources.workspace();
        return download(ws.go(sources.go()), ws.dir(), ws.goSumFile(), sources.scratch().resolve("modcache"), sources.toolchains());
    }

    @Override
    public boolean hashed(String name) {
        return name.startsWith(PREFIX) && (name.endsWith(".mod") || name.endsWith(".zip"));
    }

    @Override
    void checkSource(Workspace workspace, Path download) {
        // download() has checked every file against go.sum already
    }

    /** The files of a {@code cache/download} directory that belong in a bundle, named {@code goproxy/<relative path>}. */
    @Override
    List<DirHash.FileSource> files(Path download) throws IOException {
        List<DirHash.FileSource> out = new ArrayList<>();
        for (DirHash.FileSource f : DirHash.listDir(download, "")) {
            String n = f.name();
            if (n.startsWith("sumdb/") || !(n.endsWith("/list") || n.endsWith(".info") || n.endsWith(".mod")
                    || n.endsWith(".zip") || n.endsWith(".ziphash"))) {
                continue; // .lock files, partial downloads, the checksum database's cache
            }
            out.add(new DirHash.FileSource(PREFIX + n, f.path()));
        }
        return out;
    }

    /** One line per module zip: path, version and its go.sum h1. */
    @Override
    List<String> manifestModules(Workspace workspace, Path download) throws IOException, FormatException {
        List<String> modules = new ArrayList<>();
        Path goSumFile = workspace.goSumFile();
        if (Files.isRegularFile(goSumFile)) {
            for (GoSum.Entry e : GoSum.parse(goSumFile.toString(), Files.readAllBytes(goSumFile)).sorted().entries()) {
                if (!e.goMod() && Files.isRegularFile(ProxyLayout.at(download).zip(e.module()))) {
                    modules.add(e.module().path() + " " + e.module().version() + " " + e.hash());
                }
            }
        }
        return modules;
    }

    @Override
    String checkRestored(Workspace workspace, Path archive, Path extract, Reporter reporter)
            throws IOException, FormatException, WorkspaceException {
        Path goSumFile = workspace.goSumFile();
        if (!Files.isRegularFile(goSumFile)) {
            return "";
        }
        ModuleSumCheck.Report r = ModuleSumCheck.check(ProxyLayout.at(extract.resolve(PREFIX)),
                GoSum.parse(goSumFile.toString(), Files.readAllBytes(goSumFile)), Runtime.getRuntime().availableProcessors());
        if (!r.mismatches().isEmpty() || !r.invalid().isEmpty()) {
            List<String> problems = new ArrayList<>(r.invalid());
            r.mismatches().forEach(m -> problems.add(m.toString()));
            throw new WorkspaceException(Reason.TAMPERED, "REFUSED " + archive.getFileName() + ": module files do not match go.sum:\n  "
                    + String.join("\n  ", problems));
        }
        r.missing().forEach(m -> reporter.warn("the module cache bundle lacks " + m));
        return (r.zipsChecked() + r.modsChecked()) + " zip and go.mod files checked against go.sum";
    }

    /**
     * Runs {@code go mod download} into a fresh, private GOMODCACHE (so nothing unrelated is captured)
     * and checks every zip and .mod go.sum names against it: the source a module-cache bundle is packed from.
     *
     * @return the {@code cache/download} directory
     */
    public static Path download(GoCommand go, Path moduleDir, Path freshCache) throws IOException, GoException, WorkspaceException, FormatException {
        return download(go, moduleDir, moduleDir.resolve("go.sum"), freshCache, List.of());
    }

    /**
     * As {@link #download(GoCommand, Path, Path)}, checked against {@code goSumFile} (go.sum, or an
     * alternate go.mod's .sum file, which {@code go} must then be told of with -modfile), with these toolchain modules beside the build's
     * modules: restored as {@code GOPROXY=file://<dir>} (a single file:// entry, the one case where
     * cmd/go needs no checksum database for a toolchain), the directory also lets plain go switch
     * to them ({@code GOTOOLCHAIN=go1.X.Y}) with no network.
     */
    public static Path download(GoCommand go, Path moduleDir, Path goSumFile, Path freshCache, List<ToolchainModule> toolchains)
            throws IOException, GoException, WorkspaceException, FormatException {
        DirectorySwap.deleteTree(freshCache);
        Files.createDirectories(freshCache);
        String flags = go.environment().get("GOFLAGS");
        // -modcacherw: go makes extracted modules read-only, and we must be able to delete this cache.
        // -mod=mod: with a vendor/ directory, go would otherwise refuse to download.
        GoCommand isolated = go.with("GOMODCACHE", freshCache.toString())
                .with("GOFLAGS", ((flags == null ? "" : flags) + " -modcacherw -mod=mod").strip());
        isolated.run(moduleDir, "mod", "download");
        if (!toolchains.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("mod", "download"));
            toolchains.forEach(t -> args.add(t.toString()));
            // outside the module: a toolchain is no requirement of it
            isolated.with("GOWORK", "off").run(Files.createDirectories(freshCache.resolve(".toolchain-work")), args.toArray(String[]::new));
        }
        Path download = freshCache.resolve("cache").resolve("download");
        Files.createDirectories(download);
        if (Files.isRegularFile(goSumFile)) {
            GoSum sum = GoSum.parse(goSumFile.toString(), Files.readAllBytes(goSumFile));
            ModuleSumCheck.Report r = ModuleSumCheck.check(ProxyLayout.at(download), sum, Runtime.getRuntime().availableProcessors());
            if (!r.mismatches().isEmpty() || !r.invalid().isEmpty()) {
                List<String> problems = new ArrayList<>(r.invalid());
                r.mismatches().forEach(m -> problems.add(m.toString()));
                throw new WorkspaceException(Reason.TAMPERED, "modules go downloaded do not match go.sum (SECURITY: a proxy served different content):\n  "
                        + String.join("\n  ", problems));
            }
        }
        return download;
    }

    /** Copies a restored GOPROXY directory into a GOMODCACHE's {@code cache/download}, refusing to overwrite other content. */
    public static void copyInto(Path proxyDir, Path gomodcache) throws IOException, WorkspaceException {
        Path to = gomodcache.resolve("cache").resolve("download");
        for (DirHash.FileSource f : DirHash.listDir(proxyDir, "")) {
            Path dest = to.resolve(f.name());
            if (Files.exists(dest)) {
                if ((f.name().endsWith(".zip") || f.name().endsWith(".mod")) && !Sha256.hex(dest).equals(Sha256.hex(f.path()))) {
                    throw new WorkspaceException(Reason.UNSAFE_CONTENT, dest + " already exists with other content; the module cache "
                            + gomodcache + " is damaged: clean it (go clean -modcache with GOMODCACHE set to it)");
                }
                continue;
            }
            Files.createDirectories(dest.getParent());
            Files.copy(f.path(), dest);
        }
    }
}
