package dev.gomod.conformance;

import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoWork;
import dev.gomod.mod.ModulesTxt;
import dev.gomod.mod.VendorConsistency;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.WorkspaceFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code go work vendor} writes for a four-module workspace, and our workspace-mode
 * consistency verdicts against the ones the real go gives for the same modules.txt: clean, and
 * after each of several edits, the same lines in the same words.
 */
class WorkspaceVendorConformanceTest {
    @TempDir
    static Path tmp;
    static WorkspaceFixture.Workspace ws;
    static byte[] modulesTxt;

    @BeforeAll
    static void vendor() throws IOException {
        IsolatedGo.requireGo();
        ws = WorkspaceFixture.tidied(tmp);
        ws.go().run(ws.dir(), "work", "vendor").ok();
        modulesTxt = Files.readAllBytes(ws.dir().resolve("vendor/modules.txt"));
    }

    @Test
    void goWorkVendorWritesAWorkspaceModulesTxtThatIsConsistent() throws Exception {
        ModulesTxt txt = ModulesTxt.parse(modulesTxt);
        assertTrue(txt.workspace());
        assertEquals(List.of(), ours(modulesTxt));
        assertEquals(Set.of(), goSays(modulesTxt));
        // the siblings' directory replacements, rewritten relative to go.work
        String text = new String(modulesTxt, StandardCharsets.UTF_8);
        assertTrue(text.contains("# example.com/ws/api v0.0.0 => ./api\n"), text);
        assertFalse(text.contains("../"), text);
    }

    @Test
    void aRequireNotMarkedExplicit() throws Exception {
        assertSameVerdict(edit("# example.com/licensed v1.0.0\n## explicit; go 1.17\n", "# example.com/licensed v1.0.0\n## go 1.17\n"));
    }

    @Test
    void aGoWorkReplacementRecordedDifferently() throws Exception {
        assertSameVerdict(edit("=> example.com/fork v1.0.1", "=> example.com/fork v1.0.0"));
    }

    @Test
    void aReplacementRecordedThatTheWorkspaceDoesNotHave() throws Exception {
        assertSameVerdict(edit("# example.com/text v0.9.0\n", "# example.com/text v0.9.0 => ./text\n"));
    }

    @Test
    void anExplicitModuleNoGoModRequires() throws Exception {
        String txt = new String(modulesTxt, StandardCharsets.UTF_8)
                + "# example.com/extra v1.0.0\n## explicit; go 1.17\nexample.com/extra\n";
        assertSameVerdict(txt.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void goWorkParses() throws Exception {
        GoWork work = GoWork.parse("go.work", Files.readAllBytes(ws.dir().resolve("go.work")));
        assertEquals("1.22", work.goVersion());
        assertEquals(List.of("api", "app", "lib", "tools"), work.useDirs());
        assertEquals(1, work.replaces().size());
    }

    private byte[] edit(String from, String to) {
        String txt = new String(modulesTxt, StandardCharsets.UTF_8);
        assertTrue(txt.contains(from), txt);
        return txt.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private void assertSameVerdict(byte[] txt) throws Exception {
        Set<String> go = goSays(txt);
        assertFalse(go.isEmpty(), "go found the edit consistent; the case proves nothing");
        assertEquals(go, new TreeSet<>(ours(txt)));
    }

    private static List<String> ours(byte[] txt) throws IOException, FormatException {
        GoWork work = GoWork.parse("go.work", Files.readAllBytes(ws.dir().resolve("go.work")));
        List<VendorConsistency.WorkspaceModule> modules = new ArrayList<>();
        for (String dir : work.useDirs()) {
            Path goMod = ws.dir().resolve(dir).resolve("go.mod");
            modules.add(new VendorConsistency.WorkspaceModule(dir, GoMod.parse(goMod.toString(), Files.readAllBytes(goMod), true)));
        }
        return VendorConsistency.checkWorkspace(work, modules, ModulesTxt.parse(txt)).stream().map(Object::toString).toList();
    }

    /** The lines of go's "inconsistent vendoring" report for this modules.txt. */
    private static Set<String> goSays(byte[] txt) throws IOException {
        Path file = ws.dir().resolve("vendor/modules.txt");
        Files.write(file, txt);
        try {
            IsolatedGo.Result r = ws.go().run(ws.dir(), "list", "example.com/ws/app");
            if (r.exit() == 0) {
                return Set.of();
            }
            assertTrue(r.stderr().contains("inconsistent vendoring"), r.stderr());
            return r.stderr().lines().filter(l -> l.startsWith("\t") && l.contains(": "))
                    .map(String::strip).filter(l -> !l.startsWith("To ")).collect(Collectors.toCollection(TreeSet::new));
        } finally {
            Files.write(file, modulesTxt);
        }
    }
}
