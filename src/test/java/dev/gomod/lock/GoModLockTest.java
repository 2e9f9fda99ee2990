package dev.gomod.lock;

import dev.gomod.mod.FormatException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoModLockTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String H1 = "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=";

    @Test
    void writesAFixedOrderAndReadsItBack() throws Exception {
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles("example.com/m", A, B), "1.19", null, "go1.19.8", null)
                .withPin(PinKey.VENDOR, H1);
        String text = new String(lock.toBytes(), StandardCharsets.UTF_8);
        assertEquals("""
                # gomod.lock: written by gomod-maven-plugin; commit it next to go.mod. Do not edit.
                lock 1
                module example.com/m
                go 1.19
                vendored-by go1.19.8
                go.mod sha256:%s
                go.sum sha256:%s
                vendor %s
                """.formatted(A, B, H1), text);
        GoModLock back = GoModLock.parse("gomod.lock", lock.toBytes());
        assertEquals(lock, back);
        assertArrayEquals(lock.toBytes(), back.toBytes());
        GoModLock noSum = new GoModLock(new GoModLock.ModuleFiles("example.com/m", A, GoModLock.NONE), null, null, null, null)
                .withPin(PinKey.MODCACHE, H1);
        assertEquals(noSum, GoModLock.parse("gomod.lock", noSum.toBytes()));
        assertTrue(new String(noSum.toBytes(), StandardCharsets.UTF_8).contains("go.sum none\n"));
    }

    @Test
    void aWorkspaceLockRoundTripsInFormat2() throws Exception {
        GoModLock.Work work = new GoModLock.Work(A, GoModLock.NONE, java.util.List.of(
                new GoModLock.Use("api", "example.com/ws/api", A, A), new GoModLock.Use(".", "example.com/ws", A, GoModLock.NONE)));
        GoModLock lock = new GoModLock(work, "1.22", null, "go1.26.8", null).withPin(PinKey.VENDOR, "h1:" + "a".repeat(43) + "=");
        String text = new String(lock.toBytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\nlock 2\nworkspace go.work\ngo 1.22\nvendored-by go1.26.8\ngo.work sha256:" + A + "\ngo.work.sum none\n"
                + "use api example.com/ws/api sha256:" + A + " sha256:" + A + "\nuse . example.com/ws sha256:" + A + " none\n"), text);
        assertEquals(lock, GoModLock.parse("gomod.lock", lock.toBytes()));
        assertTrue(lock.isWork());
    }

    @Test
    void errorsNameTheLine() {
        FormatException e = assertThrows(FormatException.class, () -> GoModLock.parse("gomod.lock",
                ("lock 1\nmodule m\ngo.mod sha256:" + A + "\ngo.sum sha256:xyz\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(4, e.line());
        assertEquals(2, assertThrows(FormatException.class, () -> GoModLock.parse("gomod.lock",
                "lock 1\nfuture thing\n".getBytes(StandardCharsets.UTF_8))).line());
        assertTrue(assertThrows(FormatException.class, () -> GoModLock.parse("gomod.lock",
                "lock 3\n".getBytes(StandardCharsets.UTF_8))).getMessage().contains("format 3 is not supported"));
        assertTrue(assertThrows(FormatException.class, () -> GoModLock.parse("gomod.lock",
                "lock 2\nworkspace go.work\ngo.work sha256:".concat(A).concat("\ngo.work.sum none\n").getBytes(StandardCharsets.UTF_8)))
                .getMessage().contains("needs its 'use' lines"));
        assertTrue(assertThrows(FormatException.class, () -> GoModLock.parse("gomod.lock",
                "lock 2\nmodule m\n".getBytes(StandardCharsets.UTF_8))).getMessage().contains("missing 'workspace'"));
        assertEquals(3, assertThrows(FormatException.class, () -> GoModLock.parse("gomod.lock",
                "lock 2\nworkspace go.work\nuse api example.com/api sha256:abc none\n".getBytes(StandardCharsets.UTF_8))).line());
        assertTrue(assertThrows(FormatException.class, () -> GoModLock.parse("gomod.lock",
                "lock 1\nmodule m\n".getBytes(StandardCharsets.UTF_8))).getMessage().contains("missing 'go.mod'"));
    }

    @Test
    void pinsOneToolchainPerPlatformAsTheChecksumDatabaseWritesIt() throws Exception {
        String arm = "h1:XriDgll2yv4W2YeUo2X/WuUuy+iGJkXGH0CQloMBEXo=";
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles("example.com/m", A, B), "1.25.0", null, "go1.26.8", null)
                .withPin(PinKey.VENDOR, H1)
                .withPins(PinKind.TOOLCHAIN, java.util.Map.of("v0.0.1-go1.26.8.linux-arm64", arm, "v0.0.1-go1.26.8.linux-amd64", H1));
        String text = new String(lock.toBytes(), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("vendor " + H1 + "\n"
                + "golang.org/toolchain v0.0.1-go1.26.8.linux-amd64 " + H1 + "\n"
                + "golang.org/toolchain v0.0.1-go1.26.8.linux-arm64 " + arm + "\n"), text);
        GoModLock back = GoModLock.parse("gomod.lock", lock.toBytes());
        assertEquals(lock, back);
        assertEquals(arm, back.pins(PinKind.TOOLCHAIN).get("v0.0.1-go1.26.8.linux-arm64"));
        assertEquals(back.pins(PinKind.TOOLCHAIN), back.withVendor("go1.26.8", H1).withPin(PinKey.MODCACHE, H1).pins(PinKind.TOOLCHAIN),
                "withers keep the pins");

        String base = "lock 1\nmodule m\ngo.mod sha256:" + A + "\ngo.sum none\n";
        FormatException bad = assertThrows(FormatException.class, () -> GoModLock.parse("gomod.lock",
                (base + "golang.org/toolchain go1.26.8 " + H1 + "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(5, bad.line());
        assertTrue(bad.getMessage().contains("want 'golang.org/toolchain v0.0.1-go<release>.<goos>-<goarch> h1:<hash>'"), bad.getMessage());
        FormatException twice = assertThrows(FormatException.class, () -> GoModLock.parse("gomod.lock",
                (base + "golang.org/toolchain v0.0.1-go1.26.8.linux-amd64 " + H1 + "\ngolang.org/toolchain v0.0.1-go1.26.8.linux-amd64 " + arm + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(6, twice.line());
    }

    /**
     * Every kind of line, as the lock wrote it before its pins were keyed by kind (the text below
     * was printed by that code): the same lock, its pins given in any order, writes the same bytes,
     * and reads back equal.
     */
    @Test
    void writesTheSameBytesAsBeforePinsWereKeyed() throws Exception {
        String h2 = "h1:XriDgll2yv4W2YeUo2X/WuUuy+iGJkXGH0CQloMBEXo=";
        String module = """
                # gomod.lock: written by gomod-maven-plugin; commit it next to go.mod. Do not edit.
                lock 1
                module example.com/m
                modfile go.prod.mod
                go 1.25.0
                toolchain go1.26.8
                vendored-by go1.26.8
                go.mod sha256:%1$s
                go.sum sha256:%2$s
                vendor %3$s
                modcache %4$s
                golang.org/toolchain v0.0.1-go1.26.8.linux-amd64 %3$s
                golang.org/toolchain v0.0.1-go1.26.8.linux-arm64 %4$s
                """.formatted(A, B, H1, h2);
        java.util.Map<PinKey, String> reversed = new java.util.LinkedHashMap<>();
        reversed.put(PinKey.toolchain("v0.0.1-go1.26.8.linux-arm64"), h2);
        reversed.put(PinKey.toolchain("v0.0.1-go1.26.8.linux-amd64"), H1);
        reversed.put(PinKey.MODCACHE, h2);
        reversed.put(PinKey.VENDOR, H1);
        GoModLock lock = new GoModLock(new GoModLock.ModuleFiles("example.com/m", A, B, "go.prod.mod"), "1.25.0", "go1.26.8", "go1.26.8",
                new java.util.TreeMap<>(reversed));
        assertEquals(module, new String(lock.toBytes(), StandardCharsets.UTF_8));
        GoModLock back = GoModLock.parse("gomod.lock", module.getBytes(StandardCharsets.UTF_8));
        assertEquals(lock, back);
        assertEquals("go.prod.mod", back.modFileName());

        String work = """
                # gomod.lock: written by gomod-maven-plugin; commit it next to go.mod. Do not edit.
                lock 2
                workspace go.work
                go 1.22
                toolchain go1.23.1
                vendored-by go1.26.8
                go.work sha256:%1$s
                go.work.sum none
                use api example.com/ws/api sha256:%1$s sha256:%2$s
                use . example.com/ws sha256:%2$s none
                vendor %4$s
                golang.org/toolchain v0.0.1-go1.26.8.linux-amd64 %3$s
                golang.org/toolchain v0.0.1-go1.26.8.linux-arm64 %4$s
                """.formatted(A, B, H1, h2);
        GoModLock.Work files = new GoModLock.Work(A, GoModLock.NONE, java.util.List.of(
                new GoModLock.Use("api", "example.com/ws/api", A, B), new GoModLock.Use(".", "example.com/ws", B, GoModLock.NONE)));
        GoModLock workLock = new GoModLock(files, "1.22", "go1.23.1", "go1.26.8", null)
                .withPins(PinKind.TOOLCHAIN, java.util.Map.of("v0.0.1-go1.26.8.linux-arm64", h2, "v0.0.1-go1.26.8.linux-amd64", H1))
                .withPin(PinKey.VENDOR, h2);
        assertEquals(work, new String(workLock.toBytes(), StandardCharsets.UTF_8));
        assertEquals(workLock, GoModLock.parse("gomod.lock", work.getBytes(StandardCharsets.UTF_8)));
    }

    /** The locks committed in this repository read back to their own bytes. */
    @Test
    void committedLocksRoundTrip() throws Exception {
        for (String path : java.util.List.of("examples/hello-service/gomod.lock", "src/it/verify-clean/gomod.lock")) {
            byte[] bytes = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path));
            assertArrayEquals(bytes, GoModLock.parse(path, bytes).toBytes(), path);
        }
    }

    @Test
    void aPinKeyTakesAQualifierExactlyWhenItsKindDoes() {
        assertThrows(IllegalArgumentException.class, () -> new PinKey(PinKind.TOOLCHAIN, null));
        assertThrows(IllegalArgumentException.class, () -> new PinKey(PinKind.VENDOR, "x"));
        assertThrows(IllegalArgumentException.class, () -> new GoModLock(new GoModLock.ModuleFiles("m", A, B), null, null, null, null)
                .withPin(PinKey.VENDOR, "sha256:" + A), "a pin value is checked as the parser checks it");
        assertEquals("golang.org/toolchain v0.0.1-go1.26.8.linux-amd64", PinKey.toolchain("v0.0.1-go1.26.8.linux-amd64").prefix());
    }
}
