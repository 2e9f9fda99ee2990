package dev.gomod.audit;

import java.util.List;

/**
 * One known vulnerability in one module of the release.
 *
 * @param fixed    the earliest version that fixes it ({@code v1.2.3}), or null
 * @param packages the entry's packages the build imports (reach {@code imported}), else empty
 */
public record Finding(String id, List<String> aliases, String summary, String module, String version, String fixed, Reach reach,
                      List<String> packages) {
    /** How close the build comes to the vulnerable code, in govulncheck's terms; in increasing order. */
    public enum Reach {
        /** The module is in the build. */
        REQUIRED,
        /** A package the entry names is built (or the entry names none). */
        IMPORTED,
        /** A vulnerable symbol is called (govulncheck's source mode). */
        CALLED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One line for the log: {@code GO-2022-1059 (CVE-2022-32149, GHSA-…) golang.org/x/text@v0.3.7 → v0.3.8, imported: summary}. */
    public String describe() {
        return id + (aliases.isEmpty() ? "" : " (" + String.join(", ", aliases) + ")") + " " + module + "@" + version
                + (fixed == null ? " (no fix yet)" : " → " + fixed) + ", " + reach.id() + (packages.isEmpty() ? "" : " " + String.join(" ", packages))
                + (summary.isEmpty() ? "" : ": " + summary);
    }
}
