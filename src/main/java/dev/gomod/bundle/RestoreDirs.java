package dev.gomod.bundle;

import java.nio.file.Path;

/**
 * Where restored content goes, by what it is: a workspace's vendor/, the GOPROXY directory a
 * module cache becomes, the machine's directory of installed toolchains, and the directory a
 * vulnerability database is read from ({@code govulncheck -db file://…}). Each layout picks its
 * own ({@link BundleLayout#target}), so that no goal decides for a kind it does not know.
 */
public record RestoreDirs(Path vendor, Path goproxy, Path toolchains, Path vulndb) {
}
