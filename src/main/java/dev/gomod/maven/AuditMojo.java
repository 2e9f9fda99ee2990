package dev.gomod.maven;

import dev.gomod.audit.Audit;
import dev.gomod.audit.Reachability;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.Restore;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoEnvironment;
import dev.gomod.gotool.SecretMasker;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;

import javax.inject.Inject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lists the known vulnerabilities of the module set the lock was frozen from, and of the Go release
 * that builds it, from a restored vulnerability database (gomod:restore with gomod.kind=vulndb):
 * no Go and no network. Fails on findings the policy refuses, unless gomod-vex.json records a
 * decision about them; writes target/gomod/audit.json.
 */
@Mojo(name = "audit", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class AuditMojo extends ModuleMojo {
    /**
     * Skips this goal only ({@code gomod.skip} skips every goal).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SKIP_AUDIT, defaultValue = "false")
    private boolean skipAudit;

    @Override
    protected boolean skipGoal() {
        return skipAudit;
    }

    /**
     * The vulnerability database to read, as gomod:restore restores it; it must be the one gomod.lock
     * pins when the lock pins one.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.VULNDB_DIR, defaultValue = "${project.build.directory}/gomod/vulndb")
    private File vulndbDir;

    /**
     * A vulnerability database published on coordinates of its own ({@code groupId:artifactId}, the
     * newest version the repository has, or with a version or a Maven version range:
     * {@code com.corp.security:go-vulndb:[2026.12,)}), resolved through Maven as {@code zip:go-vulndb}
     * and restored into gomod.vulndbDir, checked against its own manifest, in place of the one
     * gomod.lock pins: a release audited when it was frozen is audited again against today's data
     * without rebuilding it. It may not be older than the pinned one.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.VULNDB_ARTIFACT)
    private String vulndbArtifact;

    /**
     * Which findings fail the build: {@code called} (a vulnerable symbol is reached: needs govulncheck),
     * {@code imported} (a package the advisory names is built), {@code required} (any module of the
     * build carries it), or {@code none}. Default: {@code called} when govulncheck is at hand,
     * {@code required} otherwise.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.AUDIT_FAIL_ON)
    private String auditFailOn;

    /**
     * A govulncheck executable, to tell which findings are called (its source mode, run offline in
     * vendor mode against the same database; it needs the go the build uses). Without it, a
     * {@code tool golang.org/x/vuln/cmd/govulncheck} line in go.mod (Go 1.24+, vendored) is run as
     * {@code go tool govulncheck}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GOVULNCHECK)
    private String govulncheck;

    /**
     * The go govulncheck runs with (and runs as {@code go tool govulncheck}); default: as every goal
     * chooses it (the toolchain install-go installed, else go on the PATH).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GO)
    private String go;

    /**
     * The team's decisions about findings (not_affected with a justification, false_positive,
     * will_not_fix until a date); default: gomod-vex.json beside go.mod.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.AUDIT_EXCEPTIONS)
    private File auditExceptions;

    /**
     * How old the database may be (ISO-8601, {@code P30D}, or days, {@code 30d}); unset: any age.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.VULNDB_MAX_AGE)
    private String vulndbMaxAge;

    private final RepositorySystem repositorySystem;

    @Inject
    public AuditMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    protected void run() throws Exception {
        Path database = vulndbDir.toPath().toAbsolutePath().normalize();
        Optional<String> named = restoreNamedDatabase(database);
        Optional<Reachability> reachability = reachability();
        Path report = workPath().resolve("audit.json");
        java.nio.file.Files.deleteIfExists(report); // an earlier build's must not pass for this one's
        try {
            Audit.Options options = new Audit.Options(database, AuditSettings.failOn(auditFailOn, reachability.isPresent()),
                    AuditSettings.exceptions(auditExceptions, moduleDir()), AuditSettings.maxAge(vulndbMaxAge), Instant.now(), report, reachability, Optional.empty());
            new Audit(workspace(), MavenReporter.of(getLog(), false), named.map(options::namedAs).orElse(options)).run();
        } finally {
            if (java.nio.file.Files.isRegularFile(report)) {
                project.getProperties().setProperty(REPORT, report.toString()); // for gomod:sbom later in this build
            }
        }
    }

    /** gomod.vulndbArtifact's newest version, resolved and restored into {@code database}; empty when none is named. */
    private Optional<String> restoreNamedDatabase(Path database) throws Exception {
        if (vulndbArtifact == null || vulndbArtifact.isBlank()) {
            return Optional.empty();
        }
        ReproducibleArchive.Format format = BundleLayout.VULNDB.format(ReproducibleArchive.Format.ZIP);
        Artifact ranged = AuditSettings.vulndbArtifact(vulndbArtifact, BundleLayout.VULNDB.classifier(), format.extension());
        BundleResolver resolver = new BundleResolver(repositorySystem, session.getRepositorySession(), project.getRemoteProjectRepositories());
        Artifact newest = resolver.newest(ranged, Property.VULNDB_ARTIFACT);
        Path bundle = resolver.resolve(newest, Property.VULNDB_ARTIFACT);
        getLog().info("vulnerability database: " + newest + " (the newest in " + ranged.getVersion() + "), " + bundle);
        new Restore(workspace(), MavenReporter.of(getLog(), false), new Restore.Options(BundleLayout.VULNDB, database, SafeExtractor.Limits.DEFAULT, false))
                .run(bundle, format);
        return Optional.of(newest.getGroupId() + ":" + newest.getArtifactId() + ":" + newest.getVersion());
    }

    /** The project property by which a later gomod:sbom of the same build finds the audit's report. */
    static final String REPORT = "gomod.auditReport";

    /** govulncheck as gomod.govulncheck names it, or as go.mod's tool line makes it, run offline in the workspace's mode. */
    private Optional<Reachability> reachability() throws Exception {
        boolean tool = !workspace().goWorkMode() && workspace().goMod().tools().contains(GOVULNCHECK_TOOL);
        if ((govulncheck == null || govulncheck.isBlank()) && !tool) {
            return Optional.empty();
        }
        ChosenGo chosen = chooseGo(go);
        chosen.log(getLog());
        GoEnvironment env = new GoEnvironment(System.getenv(), new SecretMasker()).set("GOTOOLCHAIN", "local").set("GOPROXY", "off")
                .set("GOFLAGS", workspace().withModFile(Files.isDirectory(workspace().vendorDir()) ? "-mod=vendor" : ""))
                .set("GOWORK", workspace().goWorkMode() ? workspace().goWorkFile().toString() : "off");
        if (chosen.goroot() != null) {
            env.set("GOROOT", chosen.goroot().toString());
        }
        Path goBin = Path.of(chosen.executable()).getParent();
        if (goBin != null) {
            // govulncheck runs the go on its PATH: the one chosen here
            env.set("PATH", goBin + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
        }
        Duration timeout = Duration.ofMinutes(10);
        if (govulncheck != null && !govulncheck.isBlank()) {
            return Optional.of(new Reachability(new GoCommand(govulncheck.strip(), env, timeout, 0, Duration.ZERO, MavenReporter.of(getLog(), false)), List.of(),
                    govulncheck.strip()));
        }
        return Optional.of(new Reachability(new GoCommand(chosen.executable(), env, timeout, 0, Duration.ZERO, MavenReporter.of(getLog(), false)),
                List.of("tool", "govulncheck"), "go tool govulncheck (go.mod's tool line)"));
    }

    private static final String GOVULNCHECK_TOOL = "golang.org/x/vuln/cmd/govulncheck";

}
