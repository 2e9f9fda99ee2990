package dev.gomod.hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** sha256 digests of files, streams and bytes, as lowercase hex. */
public final class Sha256 {
    /** The read size for hashing files: large enough that the digest works on whole runs of blocks. */
    public static final int BUFFER = 64 * 1024;

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static byte[] digest(InputStream in) throws IOException {
        return digest(in, newDigest(), new byte[BUFFER]);
    }

    /** The stream's sha256, with a digest (left reset) and a buffer the caller reuses. */
    public static byte[] digest(InputStream in, MessageDigest md, byte[] buffer) throws IOException {
        md.reset();
        int n;
        while ((n = in.read(buffer)) > 0) {
            md.update(buffer, 0, n);
        }
        return md.digest();
    }

    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(newDigest().digest(data));
    }

    public static String hex(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(digest(in));
        }
    }

    public static String hex(InputStream in) throws IOException {
        return HexFormat.of().formatHex(digest(in));
    }
}
