package dev.gomod.bundle;

import java.nio.file.Path;

/** A bundle written to disk: where, its sha256 and size, how many entries, and its manifest. */
public record PackedBundle(Path file, String sha256, long bytes, int entries, BundleManifest manifest) {
}
