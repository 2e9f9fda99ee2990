package dev.gomod.conformance;

import dev.gomod.hash.DirHash;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoSum;
import dev.gomod.mod.ModuleVersion;
import dev.gomod.proxy.ModuleSumCheck;
import dev.gomod.proxy.ProxyLayout;
import dev.gomod.testkit.FileGoProxy;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.TestModule;
import dev.gomod.testkit.GoMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our h1 hashes, go.sum lines and go.mod reading against what the real {@code go} computes and
 * writes, for modules that exercise every corner of the formats; with every Go of the matrix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@MethodSource("dev.gomod.testkit.GoMatrix#all")
class HashConformanceTest {
    @Parameter
    GoMatrix.Go release;

    private Path tmp;
    private List<TestModule> modules;
    private FileGoProxy proxy;
    private IsolatedGo go;
    private Map<String, Map<String, String>> downloaded;

    @BeforeParameterizedClassInvocation(injectArguments = false)
    void downloadEverythingWithGo(@TempDir Path dir) throws IOException {
        tmp = dir;
        modules = GeneratedModules.all();
        assertTrue(modules.size() >= 20, "at least 20 modules");
        proxy = new FileGoProxy(tmp.resolve("proxy")).publish(modules.toArray(TestModule[]::new));
        go = new IsolatedGo(tmp.resolve("go"), proxy.url(), release);
        List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
        modules.forEach(m -> args.add(m.toString()));
        IsolatedGo.Result r = go.run(Files.createDirectories(tmp.resolve("scratch")), args.toArray(String[]::new)).ok();
        downloaded = GoJson.objects(r.stdout()).stream().collect(Collectors.toMap(o -> o.get("Path") + "@" + o.get("Version"), Function.identity()));
        assertEquals(modules.size(), downloaded.size(), r.stdout());
    }

    @Test
    void zipAndGoModHashesEqualGosSums() throws IOException {
        for (TestModule m : modules) {
            Map<String, String> d = downloaded.get(m.toString());
            assertNull(d.get("Error"), m + ": " + d.get("Error"));
            assertEquals(d.get("Sum"), DirHash.hashZip(proxy.zip(m)), m + " zip hash");
            assertEquals(d.get("GoModSum"), DirHash.hashGoMod(Files.readAllBytes(proxy.mod(m))), m + " go.mod hash");
        }
    }

    @Test
    void extractedDirectoryHashEqualsTheZipHash() throws IOException {
        for (TestModule m : modules) {
            Map<String, String> d = downloaded.get(m.toString());
            assertEquals(d.get("Sum"), DirHash.hashDir(Path.of(d.get("Dir")), m.path() + "@" + m.version()), m + " dir hash");
            String ziphash = Files.readString(Path.of(d.get("Zip")).resolveSibling(
                    Path.of(d.get("Zip")).getFileName().toString().replace(".zip", ".ziphash")), StandardCharsets.UTF_8);
            assertEquals(d.get("Sum"), ziphash.strip(), m + " .ziphash");
        }
    }

    @Test
    void goSumWeWouldWriteEqualsTheOneGoModTidyWrites() throws Exception {
        Path main = Files.createDirectories(tmp.resolve("main"));
        StringBuilder goMod = new StringBuilder("module example.com/main\n\ngo 1.17\n\nrequire (\n");
        StringBuilder imports = new StringBuilder("package main\n\nimport (\n");
        for (TestModule m : modules) {
            goMod.append('\t').append(m.path()).append(' ').append(m.version()).append('\n');
            imports.append("\t_ \"").append(m.path()).append("\"\n");
        }
        goMod.append(")\n");
        imports.append(")\n\nfunc main() {}\n");
        Files.writeString(main.resolve("go.mod"), goMod);
        Files.writeString(main.resolve("main.go"), imports);
        go.run(main, "mod", "tidy").ok();

        List<GoSum.Entry> ours = new ArrayList<>();
        for (TestModule m : modules) {
            ModuleVersion mv = new ModuleVersion(m.path(), m.version());
            ours.add(new GoSum.Entry(mv, true, DirHash.hashGoMod(m.goModBytes())));
            ours.add(new GoSum.Entry(mv, false, DirHash.hashZip(proxy.zip(m))));
        }
        byte[] goWrote = Files.readAllBytes(main.resolve("go.sum"));
        assertEquals(new String(goWrote, StandardCharsets.UTF_8), new String(GoSum.of(ours).sorted().toBytes(), StandardCharsets.UTF_8));
        assertEquals(new String(goWrote, StandardCharsets.UTF_8),
                new String(GoSum.parse("go.sum", goWrote).toBytes(), StandardCharsets.UTF_8), "round trip");

        GoMod tidied = GoMod.parse("go.mod", Files.readAllBytes(main.resolve("go.mod")), true);
        assertEquals(modules.size(), tidied.requires().size());
        assertFalse(tidied.requires().stream().anyMatch(GoMod.Require::indirect));

        // The module cache go filled agrees with that go.sum, and a damaged zip is named.
        GoSum sum = GoSum.parse("go.sum", goWrote);
        ModuleSumCheck.Report clean = ModuleSumCheck.check(ProxyLayout.at(go.modcache()), sum, 2);
        assertTrue(clean.clean(), clean.toString());
        assertEquals(modules.size(), clean.zipsChecked());
        assertEquals(modules.size(), clean.modsChecked());
    }
}
