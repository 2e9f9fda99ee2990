package dev.gomod.audit;

import dev.gomod.mod.Semver;
import dev.gomod.vulndb.OsvEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether an OSV entry affects a module version, and its fix, as golang.org/x/vuln's
 * {@code internal/semver.Affects} and {@code vulncheck.FixedVersion} decide (see the package
 * documentation). Versions may carry a {@code v} or {@code go} prefix or none.
 */
public final class OsvMatch {
    private OsvMatch() {
    }

    /** The entry's affected elements for {@code module} whose ranges contain {@code version}. */
    public static List<OsvEntry.Affected> affecting(OsvEntry entry, String module, String version) {
        List<OsvEntry.Affected> out = new ArrayList<>();
        for (OsvEntry.Affected a : entry.affected()) {
            if (a.module().equals(module) && affects(a.ranges(), version)) {
                out.add(a);
            }
        }
        return out;
    }

    /** x/vuln's Affects: no ranges, or no SEMVER range, means every version. */
    static boolean affects(List<OsvEntry.Range> ranges, String v) {
        if (ranges.isEmpty()) {
            return true;
        }
        boolean semverPresent = false;
        for (OsvEntry.Range r : ranges) {
            if (!r.semver()) {
                continue;
            }
            semverPresent = true;
            if (contains(r, v)) {
                return true;
            }
        }
        return !semverPresent;
    }

    /** x/vuln's ContainsSemver: a left-closed, right-open interval per introduced/fixed pair, events in version order. */
    static boolean contains(OsvEntry.Range r, String v) {
        if (!r.semver()) {
            return false;
        }
        if (r.events().isEmpty()) {
            return true;
        }
        List<OsvEntry.Event> events = new ArrayList<>(r.events());
        events.sort(EVENT_ORDER);
        boolean affected = false;
        for (OsvEntry.Event e : events) {
            if (!affected && e.introduced() != null && !e.introduced().isEmpty()) {
                affected = e.introduced().equals("0") || !less(v, e.introduced());
            } else if (affected && e.fixed() != null && !e.fixed().isEmpty()) {
                affected = less(v, e.fixed());
            }
        }
        return affected;
    }

    /** The earliest fix above {@code version} among the module's affected elements that no range re-introduces; null if none. */
    public static String fixedVersion(OsvEntry entry, String module, String version) {
        List<OsvEntry.Affected> mine = entry.affected().stream().filter(a -> a.module().equals(module)).toList();
        List<String> fixes = new ArrayList<>();
        for (OsvEntry.Affected a : mine) {
            for (OsvEntry.Range r : a.ranges()) {
                if (!r.semver()) {
                    continue;
                }
                for (OsvEntry.Event e : r.events()) {
                    if (e.fixed() != null && !e.fixed().isEmpty() && less(version, e.fixed())) {
                        fixes.add(e.fixed());
                    }
                }
            }
        }
        fixes.sort((a, b) -> less(a, b) ? -1 : less(b, a) ? 1 : 0);
        for (String fix : fixes) {
            boolean negated = false;
            for (OsvEntry.Affected a : mine) {
                for (OsvEntry.Range r : a.ranges()) {
                    negated |= contains(r, fix);
                }
            }
            if (!negated) {
                return fix.startsWith("v") ? fix : "v" + fix;
            }
        }
        return null;
    }

    /** The beginning of time first; otherwise by the event's version (stable, as sort.SliceStable). */
    private static final Comparator<OsvEntry.Event> EVENT_ORDER = (e1, e2) -> {
        if ("0".equals(e1.introduced())) {
            return "0".equals(e2.introduced()) ? 0 : -1;
        }
        if ("0".equals(e2.introduced())) {
            return 1;
        }
        String v1 = e1.fixed() != null && !e1.fixed().isEmpty() ? e1.fixed() : e1.introduced();
        String v2 = e2.fixed() != null && !e2.fixed().isEmpty() ? e2.fixed() : e2.introduced();
        return Integer.signum(Semver.compare(canonical(v1), canonical(v2)));
    };

    static boolean less(String a, String b) {
        return Semver.compare(canonical(a), canonical(b)) < 0;
    }

    /** Strips a {@code v} or {@code go} prefix and adds {@code v}. */
    static String canonical(String v) {
        String s = v == null ? "" : v;
        s = s.startsWith("v") ? s.substring(1) : s;
        s = s.startsWith("go") ? s.substring(2) : s;
        return "v" + s;
    }

    /** x/vuln's GoTagToSemver: {@code go1.26.8} is v1.26.8, {@code go1.22} v1.22.0, {@code go1.21rc2} v1.21.0-rc.2; null if not a Go tag. */
    public static String goTagToSemver(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String t = tag.strip().split("\\s+")[0];
        if (t.equals("go1")) {
            return "v1.0.0";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^go(\\d+\\.\\d+)(\\.\\d+|)((beta|rc|-pre)(\\d+))?$").matcher(t);
        if (!m.matches() || t.equals("go1.0")) {
            return null;
        }
        String version = "v" + m.group(1) + (m.group(2).isEmpty() ? ".0" : m.group(2));
        if (m.group(3) != null) {
            version += (m.group(4).startsWith("-") ? "" : "-") + m.group(4) + "." + m.group(5);
        }
        return version;
    }
}
