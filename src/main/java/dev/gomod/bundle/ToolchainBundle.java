package dev.gomod.bundle;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.WorkspaceException.Reason;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoEnvironment;
import dev.gomod.gotool.GoException;
import dev.gomod.gotool.ModuleZipDownload;
import dev.gomod.gotool.SecretMasker;
import dev.gomod.gotool.ToolchainModule;
import dev.gomod.hash.DirHash;
import dev.gomod.lock.PinKey;
import dev.gomod.mod.FormatException;
import dev.gomod.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * The toolchain bundle ({@code go-toolchain}): one Go release for one platform, as the module zip
 * of {@code golang.org/toolchain} byte for byte, so that its h1 is the one Go's checksum database
 * holds and gomod.lock pins. It has no manifest and no workspace files: the zip is Go's format, and
 * its root is the zip's own prefix ({@code golang.org/toolchain@v0.0.1-go1.26.8.linux-amd64/}).
 * Restored, that root becomes a GOROOT in a directory shared by every build on the machine, fixed up
 * as cmd/go fixes up a toolchain it downloads: execute bits on {@code bin/}, {@code pkg/tool/} and
 * {@code lib/**}{@code /go_*_exec}, and a {@code go.mod} beside every {@code _go.mod} (distpack
 * renames nested go.mod files so that the module zip keeps them; cmd/go copies them back). The tree
 * hash of an installed toolchain leaves those copies out, so an installed GOROOT hashes to the
 * zip's h1.
 */
public final class ToolchainBundle extends BundleLayout {
    /** The manifest kind and the classifier's stem. */
    public static final String KIND = "go-toolchain";

    private final ToolchainModule module;

    public ToolchainBundle(ToolchainModule module) {
        super(KIND, module.zipPrefix(), "Go toolchain " + module.go() + " " + module.platform(), List.of());
        this.module = module;
    }

    @Override
    public BundleKind bundleKind() {
        return BundleKind.TOOLCHAIN;
    }

    /** One classifier per platform: {@code go-toolchain-linux-amd64}. */
    @Override
    public String classifier() {
        return KIND + "-" + module.platform();
    }

    @Override
    public PinKey pinKey() {
        return PinKey.toolchain(module.version());
    }

    /** A GOROOT per release and platform in the machine's toolchain directory: {@code go1.26.8.linux-amd64}. */
    @Override
    public Path target(RestoreDirs dirs) {
        return dirs.toolchains().resolve(module.go() + "." + module.platform());
    }

    /** Go's module zip, whatever format the other bundles use. */
    @Override
    public ReproducibleArchive.Format format(ReproducibleArchive.Format requested) {
        return ReproducibleArchive.Format.ZIP;
    }

    @Override
    public boolean needsGo() {
        return true;
    }

    /** The module zip, downloaded through go (see {@link #download}). */
    @Override
    public Path source(BundleSources sources) throws IOException, GoException, WorkspaceException, FormatException {
        return download(sources.go(), sources.scratch().resolve("toolchain"));
    }

    /**
     * A release's zip never changes (Go's checksum database holds it), so a pin the lock already has
     * is kept; otherwise the zip is downloaded through go, which checks it against that database.
     */
    @Override
    public String freezePin(BundleSources sources, Optional<String> previous, Reporter reporter)
            throws IOException, GoException, WorkspaceException, FormatException {
        if (previous.isPresent()) {
            return previous.get();
        }
        Path zip = source(sources);
        String h1 = sourceHash(zip);
        reporter.info("pinned " + module + " " + h1 + " (" + Files.size(zip) + " bytes)");
        return h1;
    }

    /**
     * Refuses, before anything is downloaded, a toolchain the lock does not pin yet for a platform
     * the GOPROXY chain does not list for that release, naming the ones it lists.
     */
    @Override
    public void checkPinnable(List<BundleLayout> unpinned, BundleSources sources, Reporter reporter) throws IOException, WorkspaceException {
        List<ToolchainModule> wanted = unpinned.stream().map(l -> ((ToolchainBundle) l).module()).toList();
        if (wanted.isEmpty()) {
            return;
        }
        String release = wanted.get(0).go();
        SortedSet<String> listed;
        try {
            listed = listedPlatforms(sources.go(), sources.scratch().resolve("toolchain"), release);
        } catch (GoException e) {
            reporter.info("could not ask the GOPROXY chain which platforms it has for " + release + " (" + e.getMessage().lines().findFirst()
                    .orElse("") + "): the platforms are checked by the download alone");
            return;
        }
        List<String> unlisted = wanted.stream().map(ToolchainModule::platform).filter(p -> !listed.contains(p)).toList();
        if (!listed.isEmpty() && !unlisted.isEmpty()) {
            throw new WorkspaceException(Reason.UNLISTED_PLATFORM, "the GOPROXY chain lists " + release + " for " + String.join(", ", listed)
                    + ", not for " + String.join(", ", unlisted), Map.of("platforms", String.join(",", listed)));
        }
    }

    public ToolchainModule module() {
        return module;
    }

    /** Whether an entry name belongs to some toolchain module zip. */
    static boolean isToolchainEntry(String name) {
        return name.startsWith(ToolchainModule.PATH + "@v0.0.1-go");
    }

    @Override
    boolean manifested() {
        return false;
    }

    @Override
    Optional<Path> sharedLockFile(Path target) {
        return Optional.of(target.resolveSibling("." + target.getFileName() + ".lck"));
    }

    @Override
    String pinnedItem() {
        return module.platform();
    }

    @Override
    public boolean hashed(String name) {
        return name.startsWith(root());
    }

    @Override
    List<String> manifestModules(Workspace workspace, Path source) {
        return List.of();
    }

    @Override
    void checkSource(Workspace workspace, Path source) {
        // download() fetched it through go, which checked it against the checksum database
    }

    /**
     * The files of an installed toolchain, named as in the module zip: everything but the go.mod
     * copies of {@code _go.mod} files, which restore (like cmd/go) adds.
     */
    @Override
    List<DirHash.FileSource> files(Path goroot) throws IOException, WorkspaceException {
        List<DirHash.FileSource> out = new ArrayList<>();
        for (DirHash.FileSource f : DirHash.listDir(goroot, "")) {
            String n = f.name();
            if ((n.equals("go.mod") || n.endsWith("/go.mod")) && Files.exists(f.path().resolveSibling("_go.mod"), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            out.add(new DirHash.FileSource(root() + n, f.path()));
        }
        return out;
    }

    /** Its exec bits are set after extraction ({@link #checkRestored}), so no inode is shared with an installed toolchain. */
    @Override
    boolean linksPrevious() {
        return false;
    }

    /**
     * Fixes up the extracted GOROOT as cmd/go does after a download, then, on the platform it is
     * for, runs its {@code go version}: a toolchain that does not run is not installed.
     */
    @Override
    String checkRestored(Workspace workspace, Path archive, Path extract, Reporter reporter) throws IOException, WorkspaceException {
        Path goroot = extract.resolve(root());
        int copies = copyGoModFiles(goroot);
        if (!module.goos().equals("windows")) {
            setExecutable(goroot);
        }
        if (!ToolchainModule.running().equals(Optional.of(module.platform()))) {
            return copies + " go.mod files restored; not run (built for " + module.platform() + ")";
        }
        String out = runVersion(goroot.resolve(module.executable()), VERSION_TIMEOUT);
        if (!out.equals(module.versionLine())) {
            throw new WorkspaceException(Reason.TAMPERED, "REFUSED " + archive.getFileName() + ": its " + module.executable()
                    + " says '" + out + "', not '" + module.versionLine() + "'");
        }
        return "'" + out + "'";
    }

    private static int copyGoModFiles(Path goroot) throws IOException {
        List<Path> originals;
        try (Stream<Path> s = Files.walk(goroot)) {
            originals = s.filter(p -> p.getFileName().toString().equals("_go.mod") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path p : originals) {
            Files.copy(p, p.resolveSibling("go.mod"));
        }
        return originals.size();
    }

    private static void setExecutable(Path goroot) throws IOException {
        List<Path> executables = new ArrayList<>();
        for (String dir : List.of("bin", "pkg/tool")) {
            Path d = goroot.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    s.filter(Files::isRegularFile).forEach(executables::add);
                }
            }
        }
        Path lib = goroot.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.walk(lib)) {
                s.filter(p -> p.getFileName().toString().matches("go_.*_exec") && Files.isRegularFile(p)).forEach(executables::add);
            }
        }
        Set<PosixFilePermission> mode = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
        for (Path p : executables) {
            Files.setPosixFilePermissions(p, mode);
        }
    }

    /** How long {@code go version} of a restored toolchain may take before it and its children are killed. */
    static final Duration VERSION_TIMEOUT = Duration.ofSeconds(60);

    /**
     * {@code go version} of this toolchain exactly (no switch, no go.env of the user's, no GOROOT from
     * outside), through GoCommand so that a binary that hangs is killed, with its children, at the timeout.
     */
    static String runVersion(Path go, Duration timeout) throws IOException, WorkspaceException {
        Map<String, String> base = new HashMap<>(System.getenv());
        base.remove("GOROOT");
        GoEnvironment env = new GoEnvironment(base, new SecretMasker()).set("GOTOOLCHAIN", "local").set("GOENV", "off");
        try {
            return new GoCommand(go.toString(), env, timeout, 0, Duration.ZERO, Reporter.SILENT).run(go.getParent(), "version").stdout().strip();
        } catch (GoException e) {
            if (e.kind() == GoException.Kind.FAILED) {
                throw new WorkspaceException(Reason.TAMPERED, go + " version failed: " + e.output().strip());
            }
            throw new IOException(go + " version: " + e.getMessage(), e);
        }
    }

    /**
     * The platforms the configured GOPROXY chain lists for {@code release}: {@code go list -m -versions
     * -retracted golang.org/toolchain} (-retracted, or go fetches the newest version to read its
     * retractions) in a stub module of its own, since the scratch directory lies inside the user's
     * module, whose vendor/ would put go in vendor mode, where it lists no versions.
     *
     * @throws GoException when the chain cannot be asked (offline, say): then the download speaks
     */
    public static SortedSet<String> listedPlatforms(GoCommand go, Path scratch, String release) throws IOException, GoException {
        Path work = Files.createDirectories(scratch.resolve("list"));
        Files.writeString(work.resolve("go.mod"), "module toolchain.list\n");
        String flags = go.environment().get("GOFLAGS");
        GoCommand isolated = go.with("GOWORK", "off").with("GOFLAGS", (flags == null ? "" : flags).replaceAll("-mod=\\S+", "").strip());
        String out = isolated.run(work, "list", "-m", "-versions", "-retracted", ToolchainModule.PATH).stdout();
        return ToolchainModule.listedPlatforms(List.of(out.strip().split("\\s+")), release);
    }

    /**
     * Fetches this toolchain's module zip with the go command ({@code go mod download}) into a fresh,
     * private GOMODCACHE: through the configured GOPROXY chain, and checked by go against the checksum
     * database (GOSUMDB) unless the user turned that off.
     *
     * @return the module zip, byte for byte as the proxy served it
     */
    public Path download(GoCommand go, Path freshCache) throws IOException, GoException {
        return ModuleZipDownload.fetch(go, freshCache, ToolchainModule.PATH, module.version()).zip();
    }
}
