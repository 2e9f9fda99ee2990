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
        GoModLock lock = new GoModLock("example.com/m", "1.19", null, "go1.19.8", A, B, H1, null);
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
        GoModLock noSum = new GoModLock("example.com/m", null, null, null, A, GoModLock.NONE, null, H1);
        assertEquals(noSum, GoModLock.parse("gomod.lock", noSum.toBytes()));
        assertTrue(new String(noSum.toBytes(), StandardCharsets.UTF_8).contains("go.sum none\n"));
    }

    @Test
    void errorsNameTheLine() {
        FormatException e = assertThrows(FormatException.class, () -> GoModLock.parse("gomod.lock",
                ("lock 1\nmodule m\ngo.mod sha256:" + A + "\ngo.sum sha256:xyz\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(4, e.line());
        assertEquals(2, assertThrows(FormatException.class, () -> GoModLock.parse("gomod.lock",
                "lock 1\nfuture thing\n".getBytes(StandardCharsets.UTF_8))).line());
        assertTrue(assertThrows(FormatException.class, () -> GoModLock.parse("gomod.lock",
                "lock 2\n".getBytes(StandardCharsets.UTF_8))).getMessage().contains("format 2 is not supported"));
        assertTrue(assertThrows(FormatException.class, () -> GoModLock.parse("gomod.lock",
                "lock 1\nmodule m\n".getBytes(StandardCharsets.UTF_8))).getMessage().contains("missing 'go.mod'"));
    }
}
