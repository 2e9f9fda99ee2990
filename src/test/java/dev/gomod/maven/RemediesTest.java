package dev.gomod.maven;

import dev.gomod.WorkspaceException;
import dev.gomod.WorkspaceException.Reason;
import dev.gomod.archive.UnsafeArchiveException;
import dev.gomod.gotool.GoException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The remedies are worded in Maven's vocabulary here, and only here. */
class RemediesTest {
    @Test
    void driftNamesTheLockAndTheGoalsThatFixIt() {
        WorkspaceException e = new WorkspaceException(Reason.DRIFT, "ci.lock no longer matches /m:\n  go.sum changed", Map.of("lock", "ci.lock"));
        assertEquals("ci.lock no longer matches /m:\n  go.sum changed\nIf the change is intended, run 'mvn gomod:freeze' and commit ci.lock;"
                + " otherwise restore go.mod/go.sum from git (and vendor/ with 'mvn gomod:vendor' or 'mvn gomod:restore')",
                Remedies.explain(e, false));
    }

    @Test
    void everyReasonIsWorded() {
        for (Reason r : Reason.values()) {
            String remedy = Remedies.forWorkspace(new WorkspaceException(r, "m", Map.of("found", "vendor", "kind", "modcache", "go", "go1.22.12",
                    "needs", "1.18", "lock", "gomod.lock")));
            assertTrue(r == Reason.UNSAFE_CONTENT || !remedy.isBlank(), r + " has no remedy");
        }
        assertEquals("Run 'go mod tidy' (or 'mvn gomod:freeze -Dgomod.tidy=true') and commit go.mod and go.sum",
                Remedies.forWorkspace(new WorkspaceException(Reason.NOT_TIDY, "m")));
        assertEquals("Restore it as what it is (-Dgomod.kind=vendor), or point gomod.artifact at a modcache bundle",
                Remedies.forWorkspace(new WorkspaceException(Reason.WRONG_KIND, "m", Map.of("found", "vendor", "kind", "modcache"))));
        assertEquals("Use go1.22.12 (gomod.go=/path/to/go) or refresh the lock with 'mvn gomod:freeze' and commit gomod.lock",
                Remedies.forWorkspace(new WorkspaceException(Reason.LOCKED_BY_OTHER_GO, "m", Map.of("go", "go1.22.12", "lock", "gomod.lock"))));
    }

    @Test
    void goFailuresNameTheSettingThatHelps() {
        assertEquals("If go needs longer, raise gomod.timeout (seconds)",
                Remedies.remedy(new GoException(GoException.Kind.TIMED_OUT, "go mod download timed out", -1, ""), false));
        assertEquals("Install Go, or point gomod.go at the go executable",
                Remedies.remedy(new GoException(GoException.Kind.NOT_STARTED, "cannot run 'go'", -1, ""), false));
        assertEquals("", Remedies.remedy(new GoException(GoException.Kind.FAILED, "go build failed", 1, "syntax error"), true));
        String offline = Remedies.remedy(new GoException(GoException.Kind.FAILED, "go mod download", 1,
                "module lookup disabled by GOPROXY=off"), true);
        assertTrue(offline.startsWith("Maven is offline (-o)"), offline);
        assertEquals("If the archive is genuine, raise gomod.maxEntries",
                Remedies.remedy(new UnsafeArchiveException("b.tar.gz", null, "more than 5 entries", UnsafeArchiveException.Limit.ENTRIES), false));
        assertEquals("", Remedies.remedy(new UnsafeArchiveException("b.tar.gz", "../x", "escapes"), false));
    }

    /** Outside {@code maven/}, no string names a goal, a {@code gomod.*} property or an mvn command line. */
    @Test
    void theCoreNamesNoGoalAndNoProperty() throws IOException {
        Path core = Path.of("src/main/java/dev/gomod");
        Pattern maven = Pattern.compile("\"[^\"\\n]*(gomod\\.(?!lock\\b)[a-zA-Z]+|gomod:[a-z]|mvn )[^\"\\n]*\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(core)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(core.resolve("maven"))).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = maven.matcher(lines.get(i));
                    if (m.find()) {
                        found.add(core.relativize(f) + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(Files.isDirectory(core.resolve("bundle")), "run from the project directory");
        assertEquals(List.of(), found);
    }
}
