package dev.gomod.gotool;

import dev.gomod.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How go processes are run, with stand-in scripts for go so that hangs, flaky networks and secrets
 * can be staged exactly. (The real go is exercised by the freeze and vendor tests.)
 */
class GoCommandTest {
    @TempDir
    Path tmp;

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    private Path script(String body) throws IOException {
        Path p = tmp.resolve("fakego");
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private GoCommand command(Path exe, Duration timeout, int retries, SecretMasker masker) {
        GoEnvironment env = new GoEnvironment(Map.of("PATH", System.getenv("PATH")), masker);
        return new GoCommand(exe.toString(), env, timeout, retries, Duration.ofMillis(10), reporter());
    }

    /** go's lines into {@code lines}, the command's own warnings (retries) into {@code warnings}. */
    private Reporter reporter() {
        return Reporter.to(lines::add, warnings::add, (line, stderr) -> lines.add(line));
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        Path pidFile = tmp.resolve("child.pid");
        Path exe = script("sleep 300 &\necho $! > " + pidFile + "\nwait");
        long start = System.nanoTime();
        GoException e = assertThrows(GoException.class, () -> command(exe, Duration.ofSeconds(1), 3, new SecretMasker()).run(tmp, "mod", "download"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(GoException.Kind.TIMED_OUT, e.kind());
        assertTrue(e.getMessage().startsWith("go mod download timed out after 1 s in "), e.getMessage());
        assertTrue(tookMs < 15_000, "took " + tookMs + " ms");
        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the child sleep survived");
        assertTrue(warnings.isEmpty(), "a timeout is not retried: " + warnings);
    }

    @Test
    void transientFailuresAreRetriedWithBackoff() throws Exception {
        Path count = tmp.resolve("count");
        Path exe = script("n=$(cat " + count + " 2>/dev/null || echo 0); n=$((n+1)); echo $n > " + count + "\n"
                + "if [ $n -lt 3 ]; then echo 'go: example.com/a@v1.0.0: Get \"http://127.0.0.1:9/example.com/a/@v/v1.0.0.mod\": dial tcp 127.0.0.1:9: connect: connection refused' >&2; exit 1; fi\n"
                + "echo ok");
        GoCommand.Result r = command(exe, Duration.ofSeconds(30), 2, new SecretMasker()).run(tmp, "mod", "download");
        assertEquals("ok\n", r.stdout());
        assertEquals("3", Files.readString(count).strip());
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("(attempt 1 of 3); retrying in 10 ms"), warnings.get(0));
        assertTrue(warnings.get(1).contains("retrying in 20 ms"), warnings.get(1));
    }

    @Test
    void proxyErrorsCountAsTransientButGiveUpAfterTheRetries() throws Exception {
        Path exe = script("echo 'go: example.com/a@v1.0.0: reading http://127.0.0.1:1/x/@v/v1.0.0.mod: 503 Service Unavailable' >&2; exit 1");
        GoException e = assertThrows(GoException.class, () -> command(exe, Duration.ofSeconds(30), 1, new SecretMasker()).run(tmp, "mod", "download"));
        assertEquals(GoException.Kind.TRANSIENT, e.kind());
        assertTrue(e.getMessage().contains("(gave up after 2 attempts)"), e.getMessage());
    }

    @Test
    void otherFailuresFailAtOnce() throws Exception {
        Path count = tmp.resolve("count");
        Path exe = script("echo x >> " + count + "; echo 'go: updates to go.mod needed; to update it:' >&2; exit 1");
        GoException e = assertThrows(GoException.class, () -> command(exe, Duration.ofSeconds(30), 3, new SecretMasker()).run(tmp, "build"));
        assertEquals(GoException.Kind.FAILED, e.kind());
        assertFalse(e.environmental());
        assertEquals(1, Files.readAllLines(count).size());
        assertTrue(e.getMessage().contains("go build failed (exit 1) in " + tmp + ":\n  go: updates to go.mod needed"), e.getMessage());
    }

    @Test
    void secretsNeverReachTheLogOrTheError() throws Exception {
        Path exe = script("echo \"fetching https://bob:s3cr3t-Pa55@proxy.corp.example/x\" >&2; echo \"token s3cr3t-Pa55 and NETRC=$NETRC\"; cat \"$NETRC\" >&2; exit 1");
        SecretMasker masker = new SecretMasker();
        GoEnvironment env = new GoEnvironment(Map.of("PATH", System.getenv("PATH")), masker)
                .credentials(new GoEnvironment.Credentials("proxy.corp.example", "bob", "s3cr3t-Pa55"));
        GoCommand go = new GoCommand(exe.toString(), env, Duration.ofSeconds(30), 0, Duration.ZERO, reporter());
        GoException e = assertThrows(GoException.class, () -> go.run(tmp, "mod", "download"));
        String all = String.join("\n", lines) + e.getMessage() + e.output();
        assertFalse(all.contains("s3cr3t-Pa55"), all);
        assertTrue(all.contains("machine proxy.corp.example login bob password ****"), all);
        assertTrue(all.contains("https://bob:****@proxy.corp.example/x"), all);
        String netrc = lines.stream().filter(l -> l.contains("NETRC=")).findFirst().orElseThrow().replaceFirst(".*NETRC=", "");
        assertFalse(Files.exists(Path.of(netrc)), "the credentials file outlived the run");
    }

    @Test
    void missingGoIsAnEnvironmentProblem() {
        GoException e = assertThrows(GoException.class, () -> command(tmp.resolve("no-such-go"), Duration.ofSeconds(5), 0, new SecretMasker()).run(tmp, "version"));
        assertEquals(GoException.Kind.NOT_STARTED, e.kind());
        assertTrue(e.environmental());
        assertTrue(e.getMessage().startsWith("cannot run '" + tmp.resolve("no-such-go") + "'"), e.getMessage());
    }

    @Test
    void thePreflightRunsOnceBeforeTheFirstCommandThatMayReachTheNetworkAndItsFailureSticks() throws Exception {
        Path exe = script("echo ran \"$@\" >> " + tmp.resolve("runs"));
        int[] checks = {0};
        GoCommand go = command(exe, Duration.ofSeconds(10), 0, new SecretMasker()).preflight(() -> {
            checks[0]++;
            throw new UnreachableHostException("git.corp.example/lib.git", "git.corp.example/lib.git: nobody answers");
        });
        go.run(tmp, "env", "GOVERSION");
        go.run(tmp, "version");
        assertEquals(0, checks[0], "go env and go version reach no network");
        UnreachableHostException e = assertThrows(UnreachableHostException.class, () -> go.run(tmp, "mod", "vendor"));
        assertEquals("git.corp.example/lib.git", e.module());
        assertThrows(UnreachableHostException.class, () -> go.with("GOFLAGS", "-mod=mod").run(tmp, "mod", "download"));
        assertEquals(1, checks[0], "asked once, for every copy of the command");
        assertEquals(List.of("ran env GOVERSION", "ran version"), Files.readAllLines(tmp.resolve("runs")), "go never ran after the failure");
    }
}
