package dev.gomod.mod;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoSumTest {
    private static final String TEXT = """
            example.com/a v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
            example.com/a v1.0.0/go.mod h1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=
            example.com/a v1.10.0/go.mod h1:CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC=
            example.com/b v0.0.0-20240101000000-abcdef123456 h1:DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD=
            """;

    @Test
    void roundTripsByteForByte() throws Exception {
        byte[] data = TEXT.getBytes(StandardCharsets.UTF_8);
        GoSum sum = GoSum.parse("go.sum", data);
        assertArrayEquals(data, sum.toBytes());
        assertArrayEquals(data, sum.sorted().toBytes());
        assertEquals(4, sum.entries().size());
        assertEquals("h1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=", sum.goModHash(new ModuleVersion("example.com/a", "v1.0.0")).orElseThrow());
        assertTrue(sum.zipHash(new ModuleVersion("example.com/a", "v1.10.0")).isEmpty());
    }

    @Test
    void sortsVersionsAsSemverNotText() throws Exception {
        String shuffled = "example.com/a v1.10.0/go.mod h1:CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC=\n"
                + "example.com/b v0.0.0-20240101000000-abcdef123456 h1:DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD=\n"
                + "example.com/a v1.0.0/go.mod h1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=\n"
                + "\n"
                + "example.com/a v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
        assertEquals(TEXT, new String(GoSum.parse("go.sum", shuffled.getBytes(StandardCharsets.UTF_8)).sorted().toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void malformedLineNamesFileAndLine() {
        FormatException e = assertThrows(FormatException.class,
                () -> GoSum.parse("/w/go.sum", "example.com/a v1.0.0 h1:x=\nexample.com/a v1.0.0\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("/w/go.sum:2: malformed go.sum line"), e.getMessage());
        assertThrows(FormatException.class, () -> GoSum.parse("go.sum", "example.com/a 1.0 h1:x=\n".getBytes(StandardCharsets.UTF_8)));
    }
}
