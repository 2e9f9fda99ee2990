package dev.gomod.conformance;

import dev.gomod.testkit.TestModule;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The modules the conformance tests publish: one for each awkward corner of Go's formats, and a
 * batch of seeded random ones. Each has a root package named after its last path element so that a
 * main module can import them all.
 */
final class GeneratedModules {
    private GeneratedModules() {
    }

    static String pkgName(TestModule m) {
        String[] parts = m.path().split("/");
        String last = parts[parts.length - 1];
        if (last.matches("v[0-9]+") && parts.length > 1) {
            last = parts[parts.length - 2];
        }
        return last.toLowerCase().replaceAll("[^a-z0-9]", "");
    }

    private static TestModule withRoot(TestModule m) {
        return m.goPackage("", pkgName(m));
    }

    static List<TestModule> all() {
        List<TestModule> mods = new ArrayList<>();
        mods.add(withRoot(TestModule.of("example.com/plain", "v1.0.0")));
        mods.add(withRoot(TestModule.of("github.com/Azure/UpperCase", "v1.2.3").file("README.md", "# Upper\n")));
        mods.add(withRoot(TestModule.of("example.com/unicode", "v0.1.0")
                .file("data/ünïcödé.txt", "latin\n")
                .file("data/\uFF76.txt", "halfwidth katakana, U+FF76\n")
                .file("data/\uD835\uDD18.txt", "fraktur U, above U+FFFF\n")
                .file("data/\uD835\uDD18\uD835\uDD19/deeper.txt", "two astral letters\n")
                .file("data/a.txt", "a\n")
                .file("data/Z.txt", "Z\n")
                .file("数据/表.txt", "cjk\n")));
        mods.add(withRoot(TestModule.of("example.com/deep", "v1.0.0")
                .goPackage("a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p", "p")
                .file("a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/leaf.txt", "deep\n")));
        mods.add(withRoot(TestModule.of("example.com/empty", "v1.0.0").file("empty.txt", new byte[0]).file("sub/.keep", new byte[0])));
        mods.add(withRoot(TestModule.of("example.com/big", "v1.0.0")
                .file("big.bin", random(1, 1_500_000))
                .file("zz_generated.go", generatedGo(1_200_000))));
        mods.add(withRoot(TestModule.of("example.com/asm", "v1.0.0")
                .file("add_amd64.s", "#include \"textflag.h\"\n\nTEXT ·add(SB),NOSPLIT,$0-24\n\tMOVQ a+0(FP), AX\n\tADDQ b+8(FP), AX\n\tMOVQ AX, ret+16(FP)\n\tRET\n")
                .file("add_amd64.go", "package asm\n\nfunc add(a, b int64) int64\n")
                .file("add_other.go", "//go:build !amd64\n\npackage asm\n\nfunc add(a, b int64) int64 { return a + b }\n")));
        mods.add(withRoot(TestModule.of("example.com/cfiles", "v1.0.0")
                .file("native.c", "#include \"native.h\"\nint twice(int x) { return 2 * x; }\n")
                .file("native.h", "int twice(int x);\n")
                .file("cgo.go", "//go:build cgo\n\npackage cfiles\n\n// #include \"native.h\"\nimport \"C\"\n\nfunc Twice(x int) int { return int(C.twice(C.int(x))) }\n")));
        mods.add(withRoot(TestModule.of("example.com/major/v2", "v2.1.0")));
        mods.add(withRoot(TestModule.of("example.com/prerelease", "v1.0.0-rc.1")));
        mods.add(withRoot(TestModule.of("example.com/pseudo", "v0.0.0-20240101000000-abcdef123456")));
        mods.add(withRoot(TestModule.of("example.com/incompat", "v2.0.0+incompatible").withoutGoMod()));
        mods.add(withRoot(TestModule.of("example.com/licensed", "v1.3.0")
                .file("LICENSE", "Permission is hereby granted...\n")
                .file("testdata/golden.txt", "not vendored\n")
                .goPackage("internal/x", "x")));
        mods.add(withRoot(TestModule.of("example.com/UPPER/Mixed", "v1.0.0-Beta.1")));
        mods.add(withRoot(TestModule.of("example.com/punct", "v1.0.0")
                .file("odd names/a b.txt", "space\n")
                .file("odd names/x[1]{2}@3=4+5,6.txt", "punctuation\n")
                .file("odd names/~tilde#hash$dollar%pct&amp().txt", "more\n")));
        Random r = new Random(42);
        for (int i = 1; i <= 8; i++) {
            TestModule m = TestModule.of(String.format("example.com/gen/m%02d", i), "v1." + i + ".0");
            int files = 5 + r.nextInt(30);
            for (int f = 0; f < files; f++) {
                String dir = "p" + r.nextInt(5) + (r.nextBoolean() ? "/q" + r.nextInt(3) : "");
                m.file(dir + "/f" + f + ".txt", random(i * 100 + f, r.nextInt(20_000)));
            }
            mods.add(withRoot(m));
        }
        return mods;
    }

    static byte[] random(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] generatedGo(int size) {
        StringBuilder b = new StringBuilder("// Code generated for a test. DO NOT EDIT.\n\npackage big\n\nvar table = []string{\n");
        int i = 0;
        while (b.length() < size) {
            b.append("\t\"entry-").append(i++).append("\",\n");
        }
        b.append("}\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
