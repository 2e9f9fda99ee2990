package dev.gomod.maven;

import dev.gomod.audit.Audit;
import dev.gomod.bundle.BundleKind;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.LayoutChoices;
import dev.gomod.freeze.DependencyPolicy;
import dev.gomod.freeze.Freeze;
import dev.gomod.freeze.LicenseCheck;
import dev.gomod.sbom.LicensePolicy;
import dev.gomod.gotool.ToolchainModule;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Proves the module is tidy and within policy, records the build list, vendors into a scratch
 * directory to learn the vendor tree hash, and writes gomod.lock. Changes go.mod/go.sum only with
 * {@code -Dgomod.tidy=true}; never touches vendor/.
 */
@Mojo(name = "freeze", threadSafe = true)
public class FreezeMojo extends GoMojo {
    /**
     * Skips this goal only ({@code gomod.skip} skips every goal).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SKIP_FREEZE, defaultValue = "false")
    private boolean skipFreeze;

    @Override
    protected boolean skipGoal() {
        return skipFreeze;
    }

    /**
     * Run {@code go mod tidy} on go.mod and go.sum first, instead of failing when they are not tidy.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.TIDY, defaultValue = "false")
    private boolean tidy;

    /**
     * Never write the lock: where the inputs make another lock than the one there (or there is
     * none), fail naming each line that would go ({@code gomod.lock:6: - go.sum sha256:…}) and come
     * ({@code gomod.lock: + go.sum sha256:…}), as {@code cargo --locked} and {@code npm ci} do; for
     * CI. Not with {@code gomod.tidy}. Off by default, not keyed on {@code CI}: the job that is
     * meant to update the lock (a developer, a dependency bot) runs in CI too, and a setting that
     * changes with the machine surprises; set {@code <gomod.locked>true</gomod.locked>} in a CI
     * profile, or pass it.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.LOCKED, defaultValue = "false")
    private boolean locked;

    /**
     * Allow {@code replace ... => ./dir} in go.mod.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.ALLOW_DIRECTORY_REPLACE, defaultValue = "false")
    private boolean allowDirectoryReplace;

    /**
     * Comma-separated module path globs (GOPRIVATE syntax: {@code github.com/corp/*} matches every
     * path below) no dependency may match.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.DENY)
    private String deny;

    /**
     * When set, module path patterns (GOPRIVATE syntax) every dependency must match.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.ALLOW)
    private String allow;

    /**
     * Refuse dependencies at pseudo-versions (untagged commits).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.REFUSE_PSEUDO_VERSIONS, defaultValue = "false")
    private boolean refusePseudoVersions;

    /**
     * With {@code modcache} in it, freeze also downloads the module cache into a scratch GOMODCACHE
     * and pins its hash in the lock; with {@code toolchain}, it pins the h1 of the toolchain of
     * each platform of {@code gomod.toolchainPlatforms} (downloaded through go, so Go's checksum
     * database checks it; a pin the lock already has for that exact release is kept, since a
     * release's zip never changes); with {@code vulndb}, it builds the vulnerability database from
     * {@code gomod.vulndb} and pins its tree and time.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.BUNDLES, defaultValue = "vendor")
    private String bundles;

    /**
     * With {@code toolchain} in gomod.bundles: the platforms whose toolchains freeze pins,
     * comma-separated {@code <goos>-<goarch>}, e.g.
     * {@code linux-amd64,linux-arm64,darwin-arm64,windows-amd64}; before anything is downloaded,
     * checked against the platforms the GOPROXY chain lists for the release ({@code go list -m
     * -versions -retracted golang.org/toolchain}): one it does not list is refused, naming those it
     * does ({@code the GOPROXY chain lists go1.27.4 for darwin-amd64, darwin-arm64, linux-amd64,
     * linux-arm64, not for linux-riscv64}).
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
     * Audit the dependency set before the lock is written (as gomod:audit does, at the imported and
     * required levels), and refuse to lock one the policy refuses: against the database this freeze
     * pins ({@code vulndb} in gomod.bundles), else the one in gomod.vulndbDir.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.AUDIT, defaultValue = "false")
    private boolean audit;

    /**
     * With gomod.audit and no {@code vulndb} in gomod.bundles: the restored database to audit against.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.VULNDB_DIR, defaultValue = "${project.build.directory}/gomod/vulndb")
    private java.io.File vulndbDir;

    /**
     * With gomod.audit: which findings refuse the dependency set, {@code imported}, {@code required}
     * (the default) or {@code none}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.AUDIT_FAIL_ON)
    private String auditFailOn;

    /**
     * With gomod.audit: the team's decisions about findings; default: gomod-vex.json beside go.mod.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.AUDIT_EXCEPTIONS)
    private java.io.File auditExceptions;

    /**
     * With gomod.audit: how old the database may be (ISO-8601, {@code P30D}, or days, {@code 30d}); unset: any age.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.VULNDB_MAX_AGE)
    private String vulndbMaxAge;


    /**
     * The Go release to ship when go.mod names none that has a toolchain module (a go line before
     * 1.21); otherwise go.mod's toolchain line, else its go line ({@code go 1.22} means go1.22.0).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.TOOLCHAIN_VERSION)
    private String toolchainVersion;

    /**
     * SPDX license ids the dependencies may carry, comma-separated; when set, every license found must be one of them.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.LICENSES_ALLOW)
    private String licensesAllow;

    /**
     * SPDX license ids no dependency may carry, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.LICENSES_DENY)
    private String licensesDeny;

    /**
     * A dependency whose licenses nothing answers for: {@code warn} (listed; the default) or {@code fail}.
     * That is one with no license found or declared in its license files, or one whose license file the
     * license library failed on and that declares none.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.LICENSES_UNKNOWN)
    private String licensesUnknown;

    /**
     * Where license answers are kept between builds, as for gomod:sbom ({@code none} keeps none).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.LICENSE_CACHE)
    private String licenseCache;

    /**
     * Which modules the license policy looks at: {@code all} of the build list, or the {@code vendored} ones.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SBOM_SCOPE, defaultValue = "all")
    private String sbomScope;

    @Inject
    public FreezeMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run() throws Exception {
        if (locked && tidy) {
            throw new MojoFailureException(Property.TIDY + "=true rewrites go.mod and go.sum, which " + Property.LOCKED
                    + "=true forbids: run one or the other");
        }
        Set<BundleKind> kinds = KindSetting.parseList(bundles, Property.BUNDLES);
        requireKindsForMode(kinds, Property.BUNDLES);
        List<ToolchainModule> toolchains = kinds.contains(BundleKind.TOOLCHAIN)
                ? ToolchainChoice.modules(workspace().versionSource(), toolchainVersion, toolchainPlatforms) : List.of();
        List<BundleLayout> pin = new ArrayList<>();
        for (BundleKind kind : kinds) {
            if (kind != BundleKind.VENDOR) { // freeze pins vendor/ always, from its own vendor tree
                pin.addAll(kind.layouts(new LayoutChoices(toolchains, KindSetting.vulndbSource(vulndb, moduleDir(), this::httpFetch))));
            }
        }
        DependencyPolicy policy = new DependencyPolicy(allowDirectoryReplace, deny, allow, refusePseudoVersions);
        String unknown = setting(licensesUnknown, Property.LICENSES_UNKNOWN, null, Property.OLD_LICENSES_UNKNOWN);
        unknown = unknown == null ? "warn" : unknown.trim();
        if (!List.of("warn", "fail").contains(unknown)) {
            throw new MojoFailureException(Property.LICENSES_UNKNOWN + " is '" + unknown + "': warn or fail");
        }
        LicensePolicy licenses = LicensePolicy.of(setting(licensesAllow, Property.LICENSES_ALLOW, null, Property.OLD_LICENSES_ALLOW),
                setting(licensesDeny, Property.LICENSES_DENY, null, Property.OLD_LICENSES_DENY), unknown.equals("fail"));
        LicenseCheck check = licenses.freezeCheck(SbomMojo.scope(sbomScope), reporter(), SbomMojo.licenseCache(licenseCache, session));
        Freeze.Options options = new Freeze.Options(goCommand(), policy, tidy, pin, check, locked);
        if (audit) {
            options = options.audited(auditOptions(kinds.contains(BundleKind.VULNDB)));
        }
        new Freeze(workspace(), reporter(), options).run();
    }

    /** gomod:audit's settings for the audit before the lock is written; the database is this freeze's when it pins one. */
    private Audit.Options auditOptions(boolean pinsDatabase) throws Exception {
        Path database = null;
        if (!pinsDatabase) {
            database = vulndbDir.toPath().toAbsolutePath().normalize();
            if (!Files.isRegularFile(database.resolve(dev.gomod.vulndb.VulnDbIndex.DB))) {
                throw new MojoFailureException(Property.AUDIT + "=true needs a vulnerability database: add vulndb to " + Property.BUNDLES
                        + " (freeze then audits against the one it pins), or restore one into " + database
                        + " (mvn gomod:restore -D" + Property.KIND + "=vulndb)");
            }
        }
        return new Audit.Options(database, AuditSettings.failOn(auditFailOn, false), AuditSettings.exceptions(auditExceptions, moduleDir()),
                AuditSettings.maxAge(vulndbMaxAge), Instant.now(), workPath().resolve("audit.json"));
    }
}
