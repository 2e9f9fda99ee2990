package dev.gomod.bundle;

import java.nio.file.Path;

/**
 * A bundle written to disk: where, its sha256 and size, how many entries, the tree hash of its
 * content, and its manifest (null for a kind that carries none, a toolchain module zip).
 */
public record PackedBundle(Path file, String sha256, long bytes, int entries, String treeHash, BundleManifest manifest) {
}
