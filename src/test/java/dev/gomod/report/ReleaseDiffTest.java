package dev.gomod.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReleaseDiffTest {
    static DependencySet set(Map<String, String[]> modules, String... vulns) {
        SortedMap<String, DependencySet.Module> m = new TreeMap<>();
        modules.forEach((p, v) -> m.put(p, new DependencySet.Module(p, v[0], v.length > 1 ? v[1] : null)));
        SortedSet<DependencySet.Finding> f = new TreeSet<>();
        for (String v : vulns) {
            f.add(new DependencySet.Finding(v.split("@")[0], v.split("@")[1]));
        }
        return new DependencySet(List.of("example.com/app"), m, new TreeMap<>(), f);
    }

    @Test
    void addedRemovedUpgradedDowngradedByGosOrderLicensesAndVulnerabilities() {
        DependencySet before = set(Map.of("a", new String[] {"v1.9.0", "MIT"}, "b", new String[] {"v1.0.0"}, "c", new String[] {"v2.0.0-rc.1"},
                "d", new String[] {"v0.0.0-20240101000000-abcdefabcdef", "ISC"}), "GO-1@a", "GO-2@b");
        DependencySet after = set(Map.of("a", new String[] {"v1.10.0", "Apache-2.0"}, "c", new String[] {"v1.5.0"},
                "d", new String[] {"v0.0.0-20240101000000-abcdefabcdef", "ISC"}, "e", new String[] {"v0.1.0"}), "GO-1@a", "GO-3@e");
        ReleaseDiff d = ReleaseDiff.between("1.0.0", before, after);
        assertEquals(List.of(new ReleaseDiff.Change("a", ReleaseDiff.Kind.UPGRADED, "v1.9.0", "v1.10.0"),
                new ReleaseDiff.Change("b", ReleaseDiff.Kind.REMOVED, "v1.0.0", null),
                new ReleaseDiff.Change("c", ReleaseDiff.Kind.DOWNGRADED, "v2.0.0-rc.1", "v1.5.0"),
                new ReleaseDiff.Change("e", ReleaseDiff.Kind.ADDED, null, "v0.1.0")), d.modules());
        assertEquals(List.of(new ReleaseDiff.Change("a", ReleaseDiff.Kind.LICENSE, "MIT", "Apache-2.0")), d.licenses());
        assertEquals(new TreeSet<>(List.of(new DependencySet.Finding("GO-3", "e"))), d.gained());
        assertEquals(new TreeSet<>(List.of(new DependencySet.Finding("GO-2", "b"))), d.fixed());
        assertTrue(ReleaseDiff.between("1.1.0", after, after).empty());
    }
}
