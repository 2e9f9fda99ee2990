package dev.gomod.conformance;

import dev.gomod.Reporter;
import dev.gomod.mod.GoReleases;
import dev.gomod.mod.GoVersion;
import dev.gomod.testkit.GoMatrix;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.verify.WorkspaceCheck;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every removed godebug setting, at an old value and at another, in go.mod and in go.work, judged by
 * verify's rule and by each real Go from 1.21 to 1.27: the same lines refused, in the same words.
 */
class RemovedGodebugConformanceTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gomod.testkit.GoMatrix#modern")
    void verifyRefusesExactlyTheGodebugLinesThisGoRefusesInItsWords(GoMatrix.Go release) throws Exception {
        GoVersion builder = GoVersion.parse(release.version()).orElseThrow();
        IsolatedGo go = new IsolatedGo(tmp.resolve("go"), "off", release);
        Map<String, String> ours = new TreeMap<>();
        Map<String, String> theirs = new TreeMap<>();
        for (String[] setting : settings()) {
            String line = setting[0] + "=" + setting[1];
            for (boolean work : new boolean[] {false, true}) {
                String key = (work ? "go.work " : "go.mod ") + line;
                Path dir = Files.createDirectories(tmp.resolve((work ? "work-" : "mod-") + line.replace('=', '-')));
                String debug = work ? "" : "godebug " + line + "\n";
                Files.writeString(dir.resolve("go.mod"), "module example.com/m\n\ngo 1.21\n\n" + debug);
                Files.writeString(dir.resolve("main.go"), "package main\n\nfunc main() {}\n");
                if (work) {
                    Files.writeString(dir.resolve("go.work"), "go 1.21\n\nuse .\n\ngodebug " + line + "\n");
                }
                go.set("GOWORK", work ? dir.resolve("go.work").toString() : "off");
                IsolatedGo.Result r = go.run(dir, "list", "-m");
                String refused = r.exit() == 0 ? "" : r.stderr().lines().filter(l -> l.startsWith(work ? "go.work:" : "go.mod:"))
                        .findFirst().orElse("go failed otherwise: " + r.stderr());
                // Go before 1.23 knows no godebug directive at all: that is go's own parse error, not this rule
                theirs.put(key, r.stderr().contains("unknown directive: godebug") ? "" : refused);
                WorkspaceCheck.Report report = new WorkspaceCheck(Workspace.of(dir), Reporter.SILENT,
                        WorkspaceCheck.Options.NONE.builder(builder)).run();
                ours.put(key, String.join("\n", report.of(WorkspaceCheck.Category.GODEBUG_REMOVED).stream()
                        .map(WorkspaceCheck.Finding::message).toList()));
            }
        }
        assertEquals(theirs, ours);
        long refused = theirs.values().stream().filter(v -> !v.isEmpty()).count();
        // 1.24 to 1.26 refuse both values of x509sha1 and tlskyber (unknown, or from 1.26 x509sha1 removed) in each file;
        // 1.27 refuses the 10 old values in each file
        assertEquals(builder.atLeast(GoReleases.OLD_GODEBUG_VALUES) ? 20 : builder.atLeast(GoVersion.parse("1.24").orElseThrow()) ? 8 : 0,
                refused, theirs.toString());
    }

    /** Each removed setting at each old value and at one value that is not old. */
    private static List<String[]> settings() {
        List<String[]> out = new ArrayList<>();
        for (GoReleases.RemovedGodebug r : GoReleases.REMOVED_GODEBUGS) {
            r.old().stream().sorted().forEach(v -> out.add(new String[] {r.name(), v}));
            out.add(new String[] {r.name(), r.old().contains("0") ? "1" : "0"});
        }
        return out;
    }
}
