package dev.gomod.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A realistic dependency graph and a main module that uses it: a build list of 15 modules (14 served
 * by the proxy, one of them through a fork, and a directory replacement) with upper-case paths, a /v2 module, a module replacement (a fork that keeps its upstream
 * module line), a directory replacement, assembly files, a LICENSE only in a parent directory of the
 * imported package, and an eight-module chain of indirect dependencies. Four modules carry the SPDX
 * text of a license (Apache-2.0, BSD-3-Clause, MIT, ISC in COPYING); the others none. Two more modules are
 * published but not required, for "unused require" and "missing require" cases.
 *
 * <p>The main module's go.mod lists the direct requirements only and there is no go.sum: run
 * {@code go mod tidy} to complete them, as a developer would. {@link #main} writes the fixture for
 * the invoker ITs.
 */
public final class GraphFixture {
    public static final String MAIN_MODULE = "example.com/hello";

    private GraphFixture() {
    }

    public static List<TestModule> proxyModules() {
        TestModule text = TestModule.of("example.com/text", "v0.9.0").goPackage("", "text").file("LICENSE", license("MIT"));
        List<TestModule> chain = new java.util.ArrayList<>();
        for (int i = 8; i >= 1; i--) {
            TestModule c = TestModule.of("example.com/chain/c" + i, "v1.0." + i);
            if (i == 8) {
                c.require("example.com/text", "v0.9.0").goPackage("", "c8", "example.com/text");
            } else {
                c.require("example.com/chain/c" + (i + 1), "v1.0." + (i + 1)).goPackage("", "c" + i, "example.com/chain/c" + (i + 1));
            }
            chain.add(0, c);
        }
        TestModule util = TestModule.of("example.com/util", "v0.3.0")
                .file("sum_amd64.s", "#include \"textflag.h\"\n\nTEXT ·Sum(SB),NOSPLIT,$0-24\n\tMOVQ a+0(FP), AX\n\tADDQ b+8(FP), AX\n\tMOVQ AX, ret+16(FP)\n\tRET\n")
                .file("sum_amd64.go", "package util\n\n// Sum adds, in assembly on amd64.\nfunc Sum(a, b int64) int64\n")
                .file("sum_other.go", "//go:build !amd64\n\npackage util\n\n// Sum adds.\nfunc Sum(a, b int64) int64 { return a + b }\n")
                .file("util.go", "// Package util has small helpers.\npackage util\n")
                .file("COPYING", license("ISC"));
        TestModule core = TestModule.of("github.com/Acme/Core", "v1.2.0").require("example.com/util", "v0.3.0")
                .file("core.go", "// Package core is the Acme core.\npackage core\n\nimport \"example.com/util\"\n\n// Answer is 42.\nfunc Answer() int64 { return util.Sum(40, 2) }\n")
                .file("LICENSE", license("Apache-2.0"));
        TestModule licensed = TestModule.of("example.com/licensed", "v1.0.0")
                .file("LICENSE", license("BSD-3-Clause"))
                .file("sub/NOTICE", "notice in the middle directory\n")
                .file("sub/pkg/pkg.go", "// Package pkg is nested two levels below the LICENSE.\npackage pkg\n\n// Licensed is true.\nconst Licensed = true\n")
                .file("sub/pkg/testdata/big.txt", "not vendored\n");
        TestModule old = TestModule.of("example.com/old", "v1.0.0").file("old.go", "// Package old is upstream.\npackage old\n\n// Who says which.\nconst Who = \"upstream\"\n");
        TestModule fork = TestModule.of("example.com/fork", "v1.0.1").goMod("module example.com/old\n\ngo 1.16\n")
                .file("old.go", "// Package old is the fork.\npackage old\n\n// Who says which.\nconst Who = \"fork\"\n");
        TestModule v2 = TestModule.of("example.com/mixed/v2", "v2.0.0").file("mixed.go", "// Package mixed is a v2 module.\npackage mixed\n\n// V is 2.\nconst V = 2\n");
        TestModule unused = TestModule.of("example.com/unused", "v1.0.0").goPackage("", "unused");
        TestModule extra = TestModule.of("example.com/extra", "v1.0.0").goPackage("", "extra");
        List<TestModule> all = new java.util.ArrayList<>(List.of(text, util, core, licensed, old, fork, v2, unused, extra));
        all.addAll(chain);
        return all;
    }

    /** The SPDX license list's text of {@code id}, with a copyright line filled in (test resource licenses/ID.txt). */
    public static String license(String id) {
        try (java.io.InputStream in = GraphFixture.class.getResourceAsStream("/licenses/" + id + ".txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("test resource licenses/" + id + ".txt", e);
        }
    }

    /** Writes the main module (go.mod with direct requirements, main.go, the ./local replacement) into {@code dir}. */
    public static void writeMain(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("local"));
        Files.writeString(dir.resolve("go.mod"), "module " + MAIN_MODULE + "\n\ngo 1.19\n\nrequire (\n"
                + "\texample.com/chain/c1 v1.0.1\n"
                + "\texample.com/licensed v1.0.0\n"
                + "\texample.com/local v0.0.0\n"
                + "\texample.com/mixed/v2 v2.0.0\n"
                + "\texample.com/old v1.0.0\n"
                + "\tgithub.com/Acme/Core v1.2.0\n"
                + ")\n\n"
                + "replace example.com/old v1.0.0 => example.com/fork v1.0.1\n\n"
                + "replace example.com/local => ./local\n");
        Files.writeString(dir.resolve("main.go"), "package main\n\nimport (\n\t\"fmt\"\n\n"
                + "\t_ \"example.com/chain/c1\"\n"
                + "\t\"example.com/licensed/sub/pkg\"\n"
                + "\t\"example.com/local\"\n"
                + "\t\"example.com/mixed/v2\"\n"
                + "\t\"example.com/old\"\n"
                + "\tcore \"github.com/Acme/Core\"\n"
                + ")\n\nfunc main() {\n\tfmt.Println(core.Answer(), pkg.Licensed, local.Name, mixed.V, old.Who)\n}\n");
        Files.writeString(dir.resolve("local/go.mod"), "module example.com/local\n\ngo 1.19\n");
        Files.writeString(dir.resolve("local/local.go"), "// Package local lives next to the main module.\npackage local\n\n// Name names it.\nconst Name = \"local\"\n");
    }

    /** A tidied checkout of the graph: its proxy, an isolated go that uses it, and the main module. */
    public record Workspace(FileGoProxy proxy, IsolatedGo go, Path main) {
    }

    /** Publishes the graph under {@code dir/proxy} and writes the main module in {@code dir/main}, tidied by go. */
    public static Workspace tidied(Path dir) throws IOException {
        return tidied(dir, GoMatrix.pathGo());
    }

    /** As {@link #tidied(Path)}, tidied by one Go of the matrix, whose IsolatedGo the workspace carries. */
    public static Workspace tidied(Path dir, GoMatrix.Go release) throws IOException {
        FileGoProxy proxy = new FileGoProxy(dir.resolve("proxy")).publish(proxyModules().toArray(TestModule[]::new));
        IsolatedGo go = new IsolatedGo(dir.resolve("go"), proxy.url(), release);
        Path main = dir.resolve("main");
        writeMain(main);
        go.run(main, "mod", "tidy").ok();
        return new Workspace(proxy, go, main);
    }

    /** For the invoker ITs: {@code GraphFixture <dir>} writes {@code <dir>/goproxy} and {@code <dir>/main}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        new FileGoProxy(out.resolve("goproxy")).publish(proxyModules().toArray(TestModule[]::new));
        writeMain(out.resolve("main"));
    }
}
