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
    void aReportWithNoSbomNamesTheFileAndTheGoalsThatWriteIt() {
        String m = Remedies.noSbomForReport(java.nio.file.Path.of("/w/target/app-1.0-go-cyclonedx.json"));
        assertTrue(m.startsWith("no SBOM at /w/target/app-1.0-go-cyclonedx.json: ") && m.contains("'mvn package gomod:report'")
                && m.contains("gomod:sbom") && m.contains("'mvn package site'"), m);
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

    /** go's own words, as the real go printed them (the 403 from the Go module proxy here, for a toolchain it does not serve). */
    @Test
    void eachWayGoSaysAModuleCouldNotBeHadGetsItsOwnRemedy() {
        String forbidden = "go: golang.org/toolchain@v0.0.1-go1.27.4.linux-riscv64: reading https://proxy.golang.org/golang.org/toolchain/@v/"
                + "v0.0.1-go1.27.4.linux-riscv64.info: 403 Forbidden\n\tserver response: This module version is not available.\n";
        String said = Remedies.forWhatGoSaid(forbidden);
        assertTrue(said.startsWith("https://proxy.golang.org answered 403 Forbidden: it wants credentials go did not have"), said);
        assertTrue(said.contains("settings.xml <server> whose id is the host name (or name it with gomod.serverId)"), said);

        String gone = "go: example.com/private@v1.0.0: reading https://mirror.corp.example/go/example.com/private/@v/v1.0.0.mod: 404 Not Found\n";
        assertTrue(Remedies.forWhatGoSaid(gone).contains("add its path to gomod.goprivate"), Remedies.forWhatGoSaid(gone));
        assertTrue(Remedies.forWhatGoSaid("go: example.com/x@v9: no matching versions for query \"v9\"\n").startsWith("No version of the module"));
        assertTrue(Remedies.forWhatGoSaid("go: git.corp.example/lib@v1.2.3: invalid version: unknown revision v1.2.3\n")
                .contains("GOPRIVATE pattern (gomod.goprivate) covers it"));
        assertTrue(Remedies.forWhatGoSaid("fatal: could not read Username for 'https://git.corp.example': terminal prompts disabled\n")
                .startsWith("git wanted a password"));
        assertTrue(Remedies.forWhatGoSaid("verifying example.com/x@v1.0.0: checksum mismatch\n\tdownloaded: h1:a\n\tgo.sum:     h1:b\n")
                .contains("do not edit go.sum to match"));
        // as go 1.26 printed them for a git host in PrivateGitHostIT: secure only, and with GOINSECURE
        String noSecure = Remedies.forWhatGoSaid("go: corp.example/service imports\n\tcode.corp.example/team/auth.git: no secure protocol found for repository\n");
        assertTrue(noSecure.contains("name the module path in gomod.goinsecure") && noSecure.contains("settings.xml <server>"), noSecure);
        String none = Remedies.forWhatGoSaid("go: git.corp.example/team/lib.git@v1.0.0: no protocol found for repository\n");
        assertTrue(none.contains("no way there answered") && !none.contains("no secure way"), none);
        assertEquals("", Remedies.forWhatGoSaid("go: updates to go.mod needed\n"));
        // and through the remedy every go failure gets
        assertTrue(Remedies.remedy(new GoException(GoException.Kind.FAILED, "go mod download failed", 1, forbidden), false)
                .contains("answered 403 Forbidden"));
    }
}
