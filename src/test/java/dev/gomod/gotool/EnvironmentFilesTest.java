package dev.gomod.gotool;

import dev.gomod.testkit.IsolatedGo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * offline.env read by sh and bash, and offline.vars read as docker and systemd read it: go env, asked
 * in each, prints exactly the values written, two GOFLAGS and a path with a space and a quote among them.
 */
class EnvironmentFilesTest {
    @TempDir
    Path tmp;

    private static final List<String> KEYS = List.of("GOFLAGS", "GOPROXY", "GOWORK", "GONOPROXY", "GOSUMDB", "GOTOOLCHAIN");

    @Test
    void bothFormsGiveGoExactlyTheValues() throws Exception {
        IsolatedGo.requireGo();
        Path spaced = Files.createDirectories(tmp.resolve("my work's dir"));
        Files.writeString(spaced.resolve("go.work"), "go 1.22\n");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GOFLAGS", "-modcacherw -buildvcs=false -mod=vendor");
        env.put("GOPROXY", "off");
        env.put("GOWORK", spaced.resolve("go.work").toString());
        env.put("GONOPROXY", "none.invalid");
        env.put("GOSUMDB", "off");
        env.put("GOTOOLCHAIN", "local");
        List<Path> files = EnvironmentFiles.write(tmp, "offline", env, List.of("a comment"));
        assertEquals(List.of(tmp.resolve("offline.env"), tmp.resolve("offline.vars")), files);

        for (String shell : List.of("sh", "bash")) {
            String out = run(List.of(shell, "-c", "set -a; . '" + files.get(0) + "'; go env " + String.join(" ", KEYS)), Map.of());
            assertEquals(String.join("\n", KEYS.stream().map(env::get).toList()) + "\n", out, shell);
        }
        // a tool that reads no shell: one KEY=value a line, the value to the end of the line, comments skipped
        Map<String, String> read = new HashMap<>();
        for (String line : Files.readAllLines(files.get(1), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                read.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertEquals(env, read);
        assertEquals(String.join("\n", KEYS.stream().map(env::get).toList()) + "\n", run(goEnv(), read));
    }

    @Test
    void aValueOfTwoLinesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EnvironmentFiles.write(tmp, "x", Map.of("GOFLAGS", "a\nb"), List.of()));
        assertTrue(Files.notExists(tmp.resolve("x.env")));
    }

    private static List<String> goEnv() {
        List<String> cmd = new java.util.ArrayList<>(List.of("go", "env"));
        cmd.addAll(KEYS);
        return cmd;
    }

    private String run(List<String> cmd, Map<String, String> extra) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GO"));
        pb.environment().put("GOENV", "off");
        pb.environment().putAll(extra);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
