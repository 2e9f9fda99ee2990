package dev.gomod.mod;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemverTest {
    /** Ascending, as golang.org/x/mod/semver orders them. */
    private static final List<String> ORDERED = List.of(
            "bad", // invalid versions sort first
            "v0.0.0-20190101000000-abcdef123456",
            "v0.0.0",
            "v0.0.1-0.20200101000000-abcdef123456",
            "v0.0.1",
            "v1.0.0-0.20200101000000-abcdef123456",
            "v1.0.0-alpha",
            "v1.0.0-alpha.1",
            "v1.0.0-alpha.beta",
            "v1.0.0-beta",
            "v1.0.0-beta.2",
            "v1.0.0-beta.11",
            "v1.0.0-rc.1",
            "v1.0.0",
            "v1.2.0",
            "v1.10.0",
            "v2.0.0+incompatible",
            "v10.0.0");

    @Test
    void sortsLikeGo() {
        List<String> shuffled = new ArrayList<>(ORDERED);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.sort(Semver.ORDER);
        assertEquals(ORDERED, shuffled);
    }

    @Test
    void shorthandAndBuildCompareEqual() {
        assertEquals(0, Semver.compare("v1", "v1.0.0"));
        assertEquals(0, Semver.compare("v1.2", "v1.2.0"));
        assertEquals(0, Semver.compare("v1.2.3+meta", "v1.2.3"));
        assertEquals(0, Semver.compare("x", "y"));
    }

    @Test
    void validity() {
        for (String ok : List.of("v1", "v1.2", "v1.2.3", "v1.2.3-pre", "v1.2.3-pre+build", "v2.0.0+incompatible", "v0.0.0-20191109021931-daa7c04131f5")) {
            assertTrue(Semver.isValid(ok), ok);
        }
        for (String bad : List.of("", "1.2.3", "v01.2.3", "v1.2.3-", "v1.2.3-01", "v1.2.3+", "v1.2-pre", "v1.2.3.4", "vx")) {
            assertFalse(Semver.isValid(bad), bad);
        }
    }

    @Test
    void canonicalForms() {
        assertEquals("v1.0.0", Semver.canonical("v1"));
        assertEquals("v1.2.0", Semver.canonical("v1.2"));
        assertEquals("v1.2.3-pre", Semver.canonical("v1.2.3-pre+build"));
        assertEquals("v2.0.0", Semver.canonical("v2.0.0+incompatible"));
        assertEquals("v2.0.0+incompatible", Semver.canonicalModuleVersion("v2.0.0+incompatible"));
        assertEquals("", Semver.canonical("1.0"));
        assertEquals("v2", Semver.major("v2.3.4"));
        assertEquals("-rc.1", Semver.prerelease("v1.0.0-rc.1+b"));
    }

    @Test
    void pseudoVersions() {
        assertTrue(Semver.isPseudo("v0.0.0-20191109021931-daa7c04131f5"));
        assertTrue(Semver.isPseudo("v1.2.4-0.20191109021931-daa7c04131f5"));
        assertTrue(Semver.isPseudo("v1.2.3-pre.0.20191109021931-daa7c04131f5"));
        assertTrue(Semver.isPseudo("v2.0.1-0.20191109021931-daa7c04131f5+incompatible"));
        assertFalse(Semver.isPseudo("v1.2.3"));
        assertFalse(Semver.isPseudo("v1.2.3-rc.1"));
        assertFalse(Semver.isPseudo("v0.0.0-2019110902193-daa7c04131f5"));
    }
}
