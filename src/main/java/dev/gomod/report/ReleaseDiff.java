package dev.gomod.report;

import dev.gomod.mod.Semver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What changed between two releases' dependency sets: modules added, removed, upgraded or downgraded
 * (by semantic version, as go orders them), licenses that changed, and the vulnerabilities each SBOM
 * records, gained or fixed.
 *
 * @param previous the earlier release's name (its Maven version)
 */
public record ReleaseDiff(String previous, List<Change> modules, List<Change> licenses, SortedSet<DependencySet.Finding> gained,
                          SortedSet<DependencySet.Finding> fixed) {

    /** How a module changed. */
    public enum Kind { ADDED, REMOVED, UPGRADED, DOWNGRADED, LICENSE }

    /** One change: {@code before} and {@code after} are versions, or licenses for {@link Kind#LICENSE}; null where none. */
    public record Change(String module, Kind kind, String before, String after) {
    }

    public boolean empty() {
        return modules.isEmpty() && licenses.isEmpty() && gained.isEmpty() && fixed.isEmpty();
    }

    public static ReleaseDiff between(String previousName, DependencySet before, DependencySet after) {
        SortedSet<String> paths = new TreeSet<>(before.modules().keySet());
        paths.addAll(after.modules().keySet());
        List<Change> modules = new ArrayList<>();
        List<Change> licenses = new ArrayList<>();
        for (String p : paths) {
            DependencySet.Module b = before.modules().get(p);
            DependencySet.Module a = after.modules().get(p);
            if (b == null) {
                modules.add(new Change(p, Kind.ADDED, null, a.version()));
            } else if (a == null) {
                modules.add(new Change(p, Kind.REMOVED, b.version(), null));
            } else {
                int c = Semver.compare(a.version(), b.version());
                if (c > 0) {
                    modules.add(new Change(p, Kind.UPGRADED, b.version(), a.version()));
                } else if (c < 0) {
                    modules.add(new Change(p, Kind.DOWNGRADED, b.version(), a.version()));
                }
                if (!Objects.equals(a.license(), b.license())) {
                    licenses.add(new Change(p, Kind.LICENSE, b.license(), a.license()));
                }
            }
        }
        SortedSet<DependencySet.Finding> gained = new TreeSet<>(after.vulnerabilities());
        gained.removeAll(before.vulnerabilities());
        SortedSet<DependencySet.Finding> fixed = new TreeSet<>(before.vulnerabilities());
        fixed.removeAll(after.vulnerabilities());
        return new ReleaseDiff(previousName, List.copyOf(modules), List.copyOf(licenses), gained, fixed);
    }
}
