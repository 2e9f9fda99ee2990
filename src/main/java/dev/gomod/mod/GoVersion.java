package dev.gomod.mod;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go release or language version as go.mod's {@code go} line, the {@code toolchain} line and
 * {@code go env GOVERSION} write it, ordered as cmd/go's {@code gover} package orders them:
 * {@code 1.21 < 1.21rc1 < 1.21rc2 < 1.21.0 < 1.21.1 < 1.22}. A bare language version ({@code 1.21})
 * stands before every release of that line, so go 1.21.0 satisfies {@code go 1.21}.
 *
 * @param major  1
 * @param minor  the release line (21)
 * @param patch  the patch release, -1 for a language version or a pre-release
 * @param pre    the pre-release kind ({@code rc}, {@code beta}), empty for none
 * @param preNum the pre-release number
 */
public record GoVersion(int major, int minor, int patch, String pre, int preNum) implements Comparable<GoVersion> {
    private static final Pattern FORM = Pattern.compile("^([1-9][0-9]*)\\.(0|[1-9][0-9]*)(?:\\.(0|[1-9][0-9]*))?(?:([a-z]+)([0-9]+))?$");

    /** Parses {@code 1.21}, {@code 1.21.3}, {@code 1.21rc1}, or with a {@code go} prefix ({@code go1.21.3}, a toolchain name). */
    public static Optional<GoVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("go")) {
            t = t.substring(2);
        }
        // a toolchain name may carry a suffix (go1.21.3-custom, go1.22.0+auto)
        t = t.replaceFirst("[-+].*$", "");
        Matcher m = FORM.matcher(t);
        if (!m.matches() || (m.group(3) != null && m.group(4) != null)) {
            return Optional.empty();
        }
        return Optional.of(new GoVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? -1 : Integer.parseInt(m.group(3)), m.group(4) == null ? "" : m.group(4),
                m.group(5) == null ? 0 : Integer.parseInt(m.group(5))));
    }

    /** The release version of {@code go env GOVERSION} output ({@code go1.26.8}, or {@code devel go1.27-abc} for a devel build). */
    public static Optional<GoVersion> ofGoVersionOutput(String goversion) {
        String t = goversion == null ? "" : goversion.strip();
        if (t.startsWith("devel ")) {
            t = t.substring(6);
        }
        return parse(t.split("\\s")[0]);
    }

    /** True for a language version such as {@code 1.21}: no patch and no pre-release. */
    public boolean isLanguageVersion() {
        return patch < 0 && pre.isEmpty();
    }

    /** The release line, {@code 1.21}. */
    public String language() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(GoVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(rank(), o.rank());
        }
        if (c == 0) {
            c = pre.isEmpty() ? Integer.compare(patch, o.patch) : pre.compareTo(o.pre);
        }
        if (c == 0) {
            c = Integer.compare(preNum, o.preNum);
        }
        return c;
    }

    /** language version, then pre-releases, then releases. */
    private int rank() {
        return isLanguageVersion() ? 0 : !pre.isEmpty() ? 1 : 2;
    }

    public boolean isNewerThan(GoVersion o) {
        return compareTo(o) > 0;
    }

    /** Whether this is {@code o} or later: a rule of {@link GoReleases} applies. */
    public boolean atLeast(GoVersion o) {
        return compareTo(o) >= 0;
    }

    /** As go writes it: {@code 1.21}, {@code 1.21.3}, {@code 1.21rc1}. */
    @Override
    public String toString() {
        return major + "." + minor + (patch >= 0 ? "." + patch : "") + pre + (pre.isEmpty() ? "" : preNum);
    }
}
