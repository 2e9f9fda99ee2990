package dev.gomod.mod;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoVersionTest {
    private static GoVersion v(String s) {
        return GoVersion.parse(s).orElseThrow(() -> new AssertionError("unparsed: " + s));
    }

    @Test
    void ordersAsCmdGoDoes() {
        List<String> ordered = List.of("1.9", "1.19", "1.19.8", "1.21", "1.21rc1", "1.21rc2", "1.21.0", "1.21.1", "1.21.13", "1.22", "1.22.0", "2.0");
        for (int i = 0; i + 1 < ordered.size(); i++) {
            assertTrue(v(ordered.get(i)).compareTo(v(ordered.get(i + 1))) < 0, ordered.get(i) + " < " + ordered.get(i + 1));
        }
        assertEquals(0, v("go1.22.3").compareTo(v("1.22.3")));
        assertTrue(v("1.22.0").isNewerThan(v("1.22")), "go 1.22.0 satisfies go 1.22");
    }

    @Test
    void readsGoLinesToolchainNamesAndGoversion() {
        assertEquals("1.21.3", v("go1.21.3").toString());
        assertEquals("1.21rc1", v("1.21rc1").toString());
        assertEquals("1.22.1", v("go1.22.1-custom").toString());
        assertTrue(v("1.23").isLanguageVersion());
        assertEquals("1.26.8", GoVersion.ofGoVersionOutput("go1.26.8\n").orElseThrow().toString());
        assertEquals("1.27", GoVersion.ofGoVersionOutput("devel go1.27-abcdef Tue Nov 1").orElseThrow().toString());
        for (String bad : new String[] {"", "1", "1.02", "v1.2", "1.21.0rc1", "default", "go"}) {
            assertTrue(GoVersion.parse(bad).isEmpty(), bad);
        }
    }
}
