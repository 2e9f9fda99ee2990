package dev.gomod.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** What an attacker with write access to the repository does to a zip artifact. */
public final class ZipTampering {
    private ZipTampering() {
    }

    /** Copies a zip, changing one byte of one entry. */
    public static void flipOneByte(Path from, Path to, String entry) throws IOException {
        Files.createDirectories(to.toAbsolutePath().getParent());
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream raw = Files.newOutputStream(to); ZipOutputStream out = new ZipOutputStream(raw)) {
            out.setLevel(1);
            for (ZipEntry e : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    byte[] b = data.readAllBytes();
                    if (e.getName().equals(entry)) {
                        b[b.length / 2] ^= 1;
                    }
                    out.write(b);
                }
                out.closeEntry();
            }
        }
    }
}
