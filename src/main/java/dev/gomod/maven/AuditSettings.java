package dev.gomod.maven;

import dev.gomod.audit.Finding;
import org.apache.maven.plugin.MojoFailureException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** The audit's settings as gomod:audit and gomod:freeze (with gomod.audit) read them. */
final class AuditSettings {
    private AuditSettings() {
    }

    /** gomod.auditFailOn: its value, or called when govulncheck runs and required when not. */
    static Optional<Finding.Reach> failOn(String auditFailOn, boolean reachabilityKnown) throws MojoFailureException {
        String v = auditFailOn == null || auditFailOn.isBlank() ? (reachabilityKnown ? "called" : "required") : auditFailOn.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "none" -> Optional.empty();
            case "required" -> Optional.of(Finding.Reach.REQUIRED);
            case "imported" -> Optional.of(Finding.Reach.IMPORTED);
            case "called" -> {
                if (!reachabilityKnown) {
                    throw new MojoFailureException(Property.AUDIT_FAIL_ON + "=called needs govulncheck's call graph: set "
                            + Property.GOVULNCHECK + "=/path/to/govulncheck, or add 'tool golang.org/x/vuln/cmd/govulncheck' to go.mod"
                            + " and vendor it; or use imported (a vulnerable package is built) or required");
                }
                yield Optional.of(Finding.Reach.CALLED);
            }
            default -> throw new MojoFailureException(Property.AUDIT_FAIL_ON + "=" + auditFailOn + ": use called, imported, required or none");
        };
    }

    /** gomod.auditExceptions read: the file given, else gomod-vex.json beside go.mod; none when it is absent. */
    static dev.gomod.audit.AuditExceptions exceptions(java.io.File given, java.nio.file.Path moduleDir)
            throws java.io.IOException, dev.gomod.mod.FormatException {
        return dev.gomod.audit.AuditExceptions.read(given != null ? given.toPath().toAbsolutePath()
                : moduleDir.resolve(dev.gomod.audit.AuditExceptions.FILE));
    }

    /** gomod.vulndbMaxAge: days ({@code 30d}) or ISO-8601 ({@code P30D}); empty when unset. */
    static Optional<Duration> maxAge(String vulndbMaxAge) throws MojoFailureException {
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

    /**
     * gomod.vulndbArtifact: {@code groupId:artifactId} (the newest version, {@code [0,)}), or with a
     * version or a Maven version range; the type and classifier are the database bundle's.
     */
    static org.eclipse.aether.artifact.Artifact vulndbArtifact(String spec, String classifier, String type) throws MojoFailureException {
        String[] p = spec.strip().split(":", -1);
        if ((p.length != 2 && p.length != 3) || java.util.Arrays.stream(p).anyMatch(String::isBlank)) {
            throw new MojoFailureException(Property.VULNDB_ARTIFACT + "=" + spec + ": use groupId:artifactId (the newest version),"
                    + " or groupId:artifactId:version, where the version may be a range such as [2026.12,)");
        }
        return new org.eclipse.aether.artifact.DefaultArtifact(p[0], p[1], classifier, type, p.length == 3 ? p[2] : "[0,)");
    }
}
