package dev.gomod.freeze;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.testkit.Checkout;
import dev.gomod.testkit.FileGoProxy;
import dev.gomod.testkit.GoMatrix;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.TestModule;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Go 1.27's tidy merges require blocks into one direct and one indirect (golang/go#56471): a go 1.27
 * module with three is untidy, freeze says so in one sentence, and freeze's own tidy writes what go1.27 writes.
 */
class RequireBlockMergeTest {
    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();

    private static final String THREE_BLOCKS = """
            module example.com/main

            go 1.27.0

            require example.com/a v1.0.0

            require (
            \texample.com/b v1.0.0 // kept: the API we build against
            )

            require example.com/c v1.0.0 // indirect
            """;

    @Test
    void threeBlocksAreUntidyUnderGo127AndTidyWritesGo127sTwo() throws Exception {
        FileGoProxy proxy = new FileGoProxy(tmp.resolve("proxy")).publish(
                TestModule.of("example.com/a", "v1.0.0").go("1.21.0").require("example.com/c", "v1.0.0").goPackage("", "a", "example.com/c"),
                TestModule.of("example.com/b", "v1.0.0").go("1.21.0").goPackage("", "b"),
                TestModule.of("example.com/c", "v1.0.0").go("1.21.0").goPackage("", "c"));
        Path main = Files.createDirectories(tmp.resolve("main"));
        Files.writeString(main.resolve("main.go"), "package main\n\nimport (\n\t_ \"example.com/a\"\n\t_ \"example.com/b\"\n)\n\nfunc main() {}\n");
        Files.writeString(main.resolve("go.mod"), THREE_BLOCKS);
        IsolatedGo go = new IsolatedGo(tmp.resolve("go"), proxy.url(), GoMatrix.newest());
        go.run(main, "mod", "download", "all").ok();
        go.run(main, "mod", "verify").ok(); // go.sum written by download; go.mod as the user wrote it
        assertEquals(THREE_BLOCKS, Files.readString(main.resolve("go.mod")));
        Path reference = Checkout.sources(main, tmp.resolve("reference"));
        go.run(reference, "mod", "tidy").ok();
        String go127 = Files.readString(reference.resolve("go.mod"));
        assertEquals(2, go127.lines().filter(l -> l.startsWith("require")).count(), go127);
        assertTrue(go127.contains("example.com/b v1.0.0 // kept: the API we build against"), "comments are kept: " + go127);

        WorkspaceException e = assertThrows(WorkspaceException.class, () -> freeze(main, go, false).run());
        assertEquals(WorkspaceException.Reason.NOT_TIDY, e.reason());
        List<String> said = e.getMessage().lines().skip(1).map(String::strip).toList();
        assertEquals(List.of("go.mod: go 1.27.0 merges the 3 require blocks and lines into two, one direct and one indirect"
                + " (Go 1.27 and later, golang/go#56471)"), said, e.getMessage());
        assertEquals(THREE_BLOCKS, Files.readString(main.resolve("go.mod")), "a refused freeze writes nothing");
        assertFalse(Files.exists(main.resolve("gomod.lock")));

        freeze(main, go, true).run();
        assertEquals(go127, Files.readString(main.resolve("go.mod")), "gomod.tidy=true writes go1.27's form, byte for byte");
        assertTrue(Files.exists(main.resolve("gomod.lock")));
    }

    private Freeze freeze(Path main, IsolatedGo go, boolean tidy) {
        return new Freeze(Workspace.of(main), Reporter.of(log::add), new Freeze.Options(go.command(log::add), DependencyPolicy.permissive(), tidy, java.util.List.of()));
    }
}
