package dev.gomod.maven;

import dev.gomod.audit.Audit;
import dev.gomod.audit.AuditExceptions;
import dev.gomod.audit.Finding;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
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
     * Which findings fail the build: {@code required} (any module of the build carries it),
     * {@code imported} (a package the advisory names is built), or {@code none}. {@code called}
     * needs govulncheck's call graph, which the audit does not run yet.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.AUDIT_FAIL_ON, defaultValue = "required")
    private String auditFailOn;

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

    @Override
    protected void run() throws Exception {
        Path file = auditExceptions != null ? auditExceptions.toPath().toAbsolutePath() : moduleDir().resolve(AuditExceptions.FILE);
        new Audit(workspace(), MavenReporter.of(getLog(), false), new Audit.Options(vulndbDir.toPath().toAbsolutePath().normalize(),
                failOn(), AuditExceptions.read(file), maxAge(), java.time.Instant.now(), workPath().resolve("audit.json"))).run();
    }

    private Optional<Finding.Reach> failOn() throws MojoFailureException {
        String v = auditFailOn == null ? "required" : auditFailOn.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "none" -> Optional.empty();
            case "required" -> Optional.of(Finding.Reach.REQUIRED);
            case "imported" -> Optional.of(Finding.Reach.IMPORTED);
            case "called" -> throw new MojoFailureException(Property.AUDIT_FAIL_ON + "=called needs govulncheck's call graph, which"
                    + " gomod:audit does not run yet: use imported (a vulnerable package is built) or required");
            default -> throw new MojoFailureException(Property.AUDIT_FAIL_ON + "=" + auditFailOn + ": use required, imported or none");
        };
    }

    private Optional<Duration> maxAge() throws MojoFailureException {
        if (vulndbMaxAge == null || vulndbMaxAge.isBlank()) {
            return Optional.empty();
        }
        String v = vulndbMaxAge.strip();
        try {
            return Optional.of(v.matches("[0-9]+d") ? Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1))) : Duration.parse(v));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MojoFailureException(Property.VULNDB_MAX_AGE + "=" + vulndbMaxAge + ": want days (30d) or an ISO-8601 duration (P30D)");
        }
    }
}
