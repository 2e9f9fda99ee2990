package dev.gomod.maven;

import dev.gomod.hash.Sha256;
import dev.gomod.sbom.CycloneDxSbom;
import dev.gomod.sbom.LicenseAnswerCache;
import dev.gomod.sbom.ModuleInventory;
import dev.gomod.sbom.SbomJob;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the CycloneDX 1.6 SBOM of the Go dependency set and attaches it as
 * {@code g:a:json:go-cyclonedx:v}. Bound before {@code package} in the same phase, it is pinned by
 * the bundles' manifests.
 */
@Mojo(name = "sbom", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class SbomMojo extends GoMojo {
    /**
     * Skips this goal only ({@code gomod.skip} skips every goal).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SKIP_SBOM, defaultValue = "false")
    private boolean skipSbom;

    @Override
    protected boolean skipGoal() {
        return skipSbom;
    }

    /** The classifier: not {@code cyclonedx}, which cyclonedx-maven-plugin uses for the Java dependencies. */
    static final String CLASSIFIER = "go-cyclonedx";

    /**
     * {@code all} modules of the build list ({@code go list -m all}), or only the {@code vendored} ones.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SBOM_SCOPE, defaultValue = "all")
    private String sbomScope;

    /**
     * The document's timestamp: ISO-8601 or seconds since the epoch; none when unset.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /**
     * Where the license answers are kept between builds (a directory; {@code none} keeps none). By
     * default {@code gomod/licenses} beside the local repository, where install-go keeps toolchains.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.LICENSE_CACHE)
    private String licenseCache;

    /**
     * Attach the SBOM to the project so that install and deploy carry it.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.ATTACH, defaultValue = "true")
    private boolean attach;

    private final MavenProjectHelper projectHelper;

    @Inject
    public SbomMojo(SettingsDecrypter decrypter, MavenProjectHelper projectHelper) {
        super(decrypter);
        this.projectHelper = projectHelper;
    }

    @Override
    protected void run() throws Exception {
        ModuleInventory.Scope scope = scope(sbomScope);
        if (!attachedBundles(project).isEmpty()) {
            getLog().warn("gomod:package ran before gomod:sbom in this build, so its bundles do not pin the SBOM;"
                    + " list the sbom goal before package in the execution");
        }
        Path target = file(project);
        String version = mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
        // gomod:audit earlier in this build: its findings, with the team's decisions, become the SBOM's vulnerabilities (VEX)
        String audit = project.getProperties().getProperty(AuditMojo.REPORT);
        if (audit != null) {
            getLog().info("the SBOM carries the findings of gomod:audit (" + audit + ") as its vulnerabilities");
        }
        SbomJob.Options options = new SbomJob.Options(goCommand(), scope, PackageMojo.outputTime(outputTimestamp),
                new CycloneDxSbom.Tool("dev.gomod", "gomod-maven-plugin", version), licenseCache(licenseCache, session),
                java.util.Optional.ofNullable(audit).map(Path::of));
        SbomJob.Result r = new SbomJob(workspace(), reporter(), options).run(target);
        if (attach) {
            projectHelper.attachArtifact(project, "json", CLASSIFIER, r.file().toFile());
        }
    }

    /** The license answer cache {@code value} names: a directory, none, or by default beside the local repository. */
    static LicenseAnswerCache licenseCache(String value, MavenSession session) {
        if (value != null && value.trim().equals("none")) {
            return null;
        }
        if (value != null && !value.isBlank()) {
            return new LicenseAnswerCache(Path.of(value.trim()).toAbsolutePath().normalize());
        }
        if (session == null || session.getLocalRepository() == null) {
            return null;
        }
        Path localRepository = Path.of(session.getLocalRepository().getBasedir()).toAbsolutePath().normalize();
        return new LicenseAnswerCache(localRepository.resolveSibling("gomod").resolve("licenses"));
    }

    static ModuleInventory.Scope scope(String value) throws MojoFailureException {
        try {
            return ModuleInventory.Scope.of(value);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage() + " (" + Property.SBOM_SCOPE + ")");
        }
    }

    /** Where gomod:sbom writes the project's SBOM. */
    static Path file(MavenProject project) {
        return Path.of(project.getBuild().getDirectory()).resolve(project.getBuild().getFinalName() + "-" + CLASSIFIER + ".json");
    }

    /** The SBOM gomod:sbom attached earlier in this build, if it did. */
    static java.util.Optional<Path> attached(MavenProject project) {
        for (Artifact a : project.getAttachedArtifacts()) {
            if (CLASSIFIER.equals(a.getClassifier()) && a.getFile() != null && a.getFile().isFile()) {
                return java.util.Optional.of(a.getFile().toPath());
            }
        }
        return java.util.Optional.empty();
    }

    /** {@code sha256:<hex> <file name>} of the SBOM gomod:sbom attached earlier in this build, or null. */
    static String attachedPin(MavenProject project) throws IOException {
        java.util.Optional<Path> sbom = attached(project);
        return sbom.isEmpty() ? null : "sha256:" + Sha256.hex(sbom.get()) + " " + sbom.get().getFileName();
    }

    /** The bundles gomod:package attached earlier in this build (every {@code go-} classifier but the SBOM's). */
    static java.util.List<Artifact> attachedBundles(MavenProject project) {
        return project.getAttachedArtifacts().stream()
                .filter(a -> a.getClassifier() != null && a.getClassifier().startsWith("go-") && !CLASSIFIER.equals(a.getClassifier())).toList();
    }
}
