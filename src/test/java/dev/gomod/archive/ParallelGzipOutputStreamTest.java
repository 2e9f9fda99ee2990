package dev.gomod.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelGzipOutputStreamTest {
    @TempDir
    Path tmp;

    private static byte[] gzip(byte[] data, int threads, int chunk) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream out = new ParallelGzipOutputStream(bytes, 6, threads)) {
            for (int i = 0; i < data.length; i += chunk) {
                out.write(data, i, Math.min(chunk, data.length - i));
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    /** Go-ish text: compressible like source code. */
    static byte[] text(long seed, int size) {
        String[] words = {"func", "return", "if", "err", "!=", "nil", "{", "}", "package", "import", "var", ":=", "for", "range",
                "string", "int", "struct", "type", "interface", "// comment", "fmt.Sprintf", "x", "y", "value", "key", "\n", "\t"};
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(size + 32);
        while (b.length() < size) {
            b.append(words[r.nextInt(words.length)]).append(r.nextInt(10) == 0 ? "_" + r.nextInt(1000) : "").append(' ');
        }
        return b.substring(0, size).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void roundTripsAtEveryBlockBoundary() throws IOException {
        int block = 128 * 1024;
        for (int size : new int[] {0, 1, block - 1, block, block + 1, 3 * block, 5_000_000}) {
            byte[] data = text(size, size);
            assertArrayEquals(data, gunzip(gzip(data, 4, 8191)), "size " + size);
        }
        byte[] random = new byte[3_000_000];
        new Random(5).nextBytes(random);
        assertArrayEquals(random, gunzip(gzip(random, 2, 100_000)));
    }

    @Test
    void threadCountAndWriteSizesDoNotChangeAByte() throws IOException {
        byte[] data = text(9, 4_000_000);
        byte[] one = gzip(data, 1, 1 << 20);
        assertArrayEquals(one, gzip(data, 2, 4096));
        assertArrayEquals(one, gzip(data, 8, 77));
        assertEquals((byte) 0, one[4] | one[5] | one[6] | one[7], "no mtime");
        assertEquals((byte) 255, one[9], "OS unknown");
    }

    @Test
    void gzipReadsItAndTheSizeIsWithinFivePercentOfGzipMinus6() throws Exception {
        byte[] data = text(11, 8_000_000);
        Path ours = tmp.resolve("ours.gz");
        Files.write(ours, gzip(data, 2, 65536));
        Path plain = tmp.resolve("plain");
        Files.write(plain, data);
        Process d = new ProcessBuilder("gzip", "-dc", ours.toString()).start();
        byte[] back = d.getInputStream().readAllBytes();
        assertEquals(0, d.waitFor());
        assertArrayEquals(data, back);
        Process g = new ProcessBuilder("gzip", "-6", "-n", "-c", plain.toString()).start();
        long reference = g.getInputStream().readAllBytes().length;
        assertEquals(0, g.waitFor());
        double ratio = (double) Files.size(ours) / reference;
        assertTrue(ratio <= 1.05, "size ratio " + ratio + " vs gzip -6");
    }
}
