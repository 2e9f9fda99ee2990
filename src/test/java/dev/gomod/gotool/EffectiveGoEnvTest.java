package dev.gomod.gotool;

import dev.gomod.Reporter;
import dev.gomod.testkit.IsolatedGo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings the plugin passes on are what the user's go would use: a real go env file (go env -w
 * writes it), $GOROOT/go.env and go's defaults, each named as the source; what is given explicitly keeps its value.
 */
class EffectiveGoEnvTest {
    @TempDir
    Path tmp;

    @Test
    void theGoEnvFileIsHonouredAndEachSettingNamesItsSource() throws Exception {
        IsolatedGo.requireGo();
        Path goenv = tmp.resolve("go-env");
        Map<String, String> inherited = new HashMap<>(Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString(), "GOENV", goenv.toString(),
                "GOCACHE", tmp.resolve("cache").toString(), "GOPATH", tmp.resolve("gopath").toString()));
        // as a user would: go env -w, into the file GOENV names
        GoCommand writer = new GoCommand("go", new GoEnvironment(inherited, new SecretMasker()).remove("GOTOOLCHAIN"),
                Duration.ofSeconds(60), 0, Duration.ZERO, Reporter.SILENT);
        writer.run(tmp, "env", "-w", "GOPROXY=https://mirror.corp.example/go,direct", "GOFLAGS=-buildvcs=false -modcacherw",
                "GOPRIVATE=git.corp.example/*", "GOTOOLCHAIN=go1.26.8+auto");
        assertTrue(Files.readString(goenv).contains("GOPROXY=https://mirror.corp.example/go,direct"));

        GoEnvironment env = new GoEnvironment(inherited, new SecretMasker());
        GoCommand go = new GoCommand("go", env, Duration.ofSeconds(60), 0, Duration.ZERO, Reporter.SILENT);
        Map<String, EffectiveGoEnv.Setting> s = byName(EffectiveGoEnv.apply(env, go, tmp, Map.of()));
        assertEquals(new EffectiveGoEnv.Setting("GOPROXY", "https://mirror.corp.example/go,direct", "go env file " + goenv), s.get("GOPROXY"));
        assertEquals(new EffectiveGoEnv.Setting("GOFLAGS", "-buildvcs=false -modcacherw", "go env file " + goenv), s.get("GOFLAGS"));
        assertEquals(new EffectiveGoEnv.Setting("GOPRIVATE", "git.corp.example/*", "go env file " + goenv), s.get("GOPRIVATE"));
        assertEquals(new EffectiveGoEnv.Setting("GOTOOLCHAIN", "go1.26.8+auto", "go env file " + goenv), s.get("GOTOOLCHAIN"));
        // GOPRIVATE implies GONOSUMDB and GONOPROXY, as go computes them
        assertEquals("git.corp.example/*", s.get("GONOSUMDB").value());
        assertEquals("", s.get("GOINSECURE").value());
        assertEquals("go's default", s.get("GOINSECURE").source());
        assertTrue(s.get("GOSUMDB").source().startsWith("$GOROOT/go.env") || s.get("GOSUMDB").source().equals("go's default"), s.toString());
        // what go will be given is what go would have used
        assertEquals("https://mirror.corp.example/go,direct", env.get("GOPROXY"));
        assertEquals("-buildvcs=false -modcacherw", env.get("GOFLAGS"));
        assertEquals("https://mirror.corp.example/go,direct", go.with("GOPROXY", env.get("GOPROXY")).run(tmp, "env", "GOPROXY").stdout().strip());
        // the module cache go picks (GOPATH's here), where the probes ask whether a module is there already
        assertEquals(tmp.resolve("gopath").resolve("pkg/mod").toString(), env.get("GOMODCACHE"));

        // the process environment and the plugin's properties win over the file, as they do for go
        GoEnvironment given = new GoEnvironment(inherited, new SecretMasker()).set("GOPROXY", "file:///srv/goproxy").set("GOTOOLCHAIN", "local");
        Map<String, EffectiveGoEnv.Setting> g = byName(EffectiveGoEnv.apply(given, go, tmp,
                Map.of("GOPROXY", "environment", "GOTOOLCHAIN", "property gomod.gotoolchain")));
        assertEquals(new EffectiveGoEnv.Setting("GOPROXY", "file:///srv/goproxy", "environment"), g.get("GOPROXY"));
        assertEquals(new EffectiveGoEnv.Setting("GOTOOLCHAIN", "local", "property gomod.gotoolchain"), g.get("GOTOOLCHAIN"));
        assertEquals("file:///srv/goproxy", given.get("GOPROXY"));

        // no go env file: GOTOOLCHAIN is the plugin's own default, local
        Map<String, String> noFile = new HashMap<>(inherited);
        noFile.put("GOENV", "off");
        GoEnvironment plain = new GoEnvironment(noFile, new SecretMasker());
        Map<String, EffectiveGoEnv.Setting> p = byName(EffectiveGoEnv.apply(plain, go, tmp, Map.of()));
        assertEquals("local", p.get("GOTOOLCHAIN").value());
        assertTrue(p.get("GOTOOLCHAIN").source().startsWith("the plugin's default"), p.toString());
        assertEquals("local", plain.get("GOTOOLCHAIN"));
        assertTrue(List.of("https://proxy.golang.org,direct").contains(p.get("GOPROXY").value()), p.toString());
    }

    private static Map<String, EffectiveGoEnv.Setting> byName(List<EffectiveGoEnv.Setting> settings) {
        assertEquals(EffectiveGoEnv.NAMES, settings.stream().map(EffectiveGoEnv.Setting::name).toList());
        return settings.stream().collect(Collectors.toMap(EffectiveGoEnv.Setting::name, Function.identity()));
    }
}
