package dev.gomod.maven;

import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.bundle.BundleKind;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.BundleSources;
import dev.gomod.bundle.LayoutChoices;
import dev.gomod.bundle.Pack;
import dev.gomod.bundle.PackedBundle;
import dev.gomod.gotool.ToolchainModule;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Packs vendor/ (with go.mod, go.sum, gomod.lock and a manifest) into a byte-reproducible archive
 * attached with classifier {@code go-vendor}, and optionally the module cache, in GOPROXY layout,
 * as {@code go-modcache}, and the Go toolchain, one module zip per platform, as
 * {@code go-toolchain-<os>-<arch>}. Needs Go only for the module cache and the toolchain.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends GoMojo {
    /**
     * Skips this goal only ({@code gomod.skip} skips every goal).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SKIP_PACKAGE, defaultValue = "false")
    private boolean skipPackage;

    @Override
    protected boolean skipGoal() {
        return skipPackage;
    }

    /** Archive time when project.build.outputTimestamp is not set: any constant keeps builds reproducible. */
    static final Instant DEFAULT_TIME = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * What to make, comma-separated: {@code vendor}, {@code modcache}, {@code toolchain}, {@code vulndb}.
     * With {@code vulndb} alone the project needs no go.mod: the database serves any module, and is
     * published this way on coordinates of its own for gomod:audit's {@code gomod.vulndbArtifact}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.BUNDLES, defaultValue = "vendor")
    private String bundles;

    /**
     * {@code tar.gz} or {@code zip} (also the artifact type).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.FORMAT, defaultValue = "tar.gz")
    private String format;

    /**
     * Every entry's time: ISO-8601 or seconds since the epoch.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /**
     * With {@code toolchain} in gomod.bundles: the platforms whose toolchains are attached, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.TOOLCHAIN_PLATFORMS, defaultValue = "linux-amd64")
    private String toolchainPlatforms;

    /**
     * With {@code vulndb} in gomod.bundles: where the Go vulnerability database comes from.
     * {@code module:golang.org/x/vulndb@<version>} takes the repository's OSV entries through the
     * GOPROXY chain and indexes them as x/vulndb's {@code cmd/indexdb} does; a directory or
     * {@code .zip} (a path or a {@code file:} URL) takes a database in govulncheck's layout, or a
     * directory of OSV entries; an {@code https:} URL reads vuln.go.dev or a mirror of it as govulncheck
     * does (or a bulk {@code .zip}), through settings.xml's proxy with the {@code <server>} credentials
     * whose id is its host. Pin a version (not {@code latest}) for a freeze that writes the same
     * lock tomorrow.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.VULNDB, defaultValue = "module:golang.org/x/vulndb@latest")
    private String vulndb;


    /**
     * The Go release to ship when go.mod names none that has a toolchain module (a go line older than 1.21).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.TOOLCHAIN_VERSION)
    private String toolchainVersion;

    /**
     * Attach the bundles to the project so that install and deploy carry them.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.ATTACH, defaultValue = "true")
    private boolean attach;

    private final MavenProjectHelper projectHelper;

    @Inject
    public PackageMojo(SettingsDecrypter decrypter, MavenProjectHelper projectHelper) {
        super(decrypter);
        this.projectHelper = projectHelper;
    }

    @Override
    protected void run() throws Exception {
        Set<BundleKind> kinds = KindSetting.parseList(bundles, Property.BUNDLES);
        if (kinds.stream().noneMatch(BundleKind::ofWorkspace)) {
            allowNoModule(); // a vulnerability database serves any module: a project with no go.mod may publish it alone
        }
        requireKindsForMode(kinds, Property.BUNDLES);
        ReproducibleArchive.Format fmt;
        try {
            fmt = ReproducibleArchive.Format.of(format);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage() + " (" + Property.FORMAT + ")");
        }
        Instant time = time();
        Path out = Path.of(project.getBuild().getDirectory());
        String sbom = SbomMojo.attachedPin(project);
        String base = project.getBuild().getFinalName();
        getLog().info("packing " + String.join(", ", kinds.stream().map(BundleKind::id).toList()) + " of " + moduleDir() + " as "
                + fmt.extension() + ", entry time " + time);
        if (!lockPath().toFile().isFile() && hasModule()) {
            getLog().warn(Remedies.noLock(lockPath().getFileName().toString()));
        }
        List<ToolchainModule> toolchains = kinds.contains(BundleKind.TOOLCHAIN) ? toolchains() : List.of();
        // with toolchains shipped, the module cache carries them too, for plain go's offline switch
        LayoutChoices choices = new LayoutChoices(toolchains, KindSetting.vulndbSource(vulndb, moduleDir(), this::httpFetch));
        List<BundleLayout> layouts = kinds.stream().flatMap(k -> k.layouts(choices).stream()).toList();
        BundleSources sources = new BundleSources(workspace(), layouts.stream().anyMatch(BundleLayout::needsGo) ? goCommand() : null, workPath(), toolchains);
        for (BundleLayout layout : layouts) {
            ReproducibleArchive.Format bundleFormat = layout.format(fmt);
            Path target = out.resolve(base + "-" + layout.classifier() + "." + bundleFormat.extension());
            Pack pack = new Pack(workspace(), reporter(), new Pack.Options(layout, bundleFormat, time, sbom));
            report(layout.classifier(), pack.run(layout.source(sources), target), bundleFormat);
        }
    }

    private List<ToolchainModule> toolchains() throws Exception {
        return ToolchainChoice.modules(workspace().versionSource(), toolchainVersion, toolchainPlatforms);
    }

    private void report(String classifier, PackedBundle p, ReproducibleArchive.Format fmt) {
        getLog().info(classifier + " bundle " + p.file() + ": " + p.entries() + " entries, " + p.bytes() + " bytes, sha256 "
                + p.sha256() + ", tree " + p.treeHash());
        if (attach) {
            projectHelper.attachArtifact(project, fmt.extension(), classifier, p.file().toFile());
        }
    }

    private Instant time() throws MojoFailureException {
        Instant t = outputTime(outputTimestamp);
        return t == null ? DEFAULT_TIME : t;
    }

    /** project.build.outputTimestamp as an instant, or null when not set. */
    static Instant outputTime(String outputTimestamp) throws MojoFailureException {
        if (outputTimestamp == null || outputTimestamp.isBlank() || outputTimestamp.length() < 2) {
            return null; // Maven treats a one-character value as "not set"
        }
        try {
            if (outputTimestamp.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(outputTimestamp));
            }
            return OffsetDateTime.parse(outputTimestamp).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MojoFailureException("project.build.outputTimestamp '" + outputTimestamp
                    + "' is neither ISO-8601 (2026-01-01T00:00:00Z) nor seconds since the epoch");
        }
    }
}
