package dev.gomod.mod;

/**
 * A module at a version, {@code path@version}. The version is empty for a directory replacement's
 * target, or for a replacement that applies to every version of a path.
 */
public record ModuleVersion(String path, String version) implements Comparable<ModuleVersion> {
    public ModuleVersion {
        if (path == null || version == null) {
            throw new IllegalArgumentException("path and version must not be null");
        }
    }

    @Override
    public String toString() {
        return version.isEmpty() ? path : path + "@" + version;
    }

    /** Path order, then semver order: the order Go sorts build lists in. */
    @Override
    public int compareTo(ModuleVersion o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : Semver.compare(version, o.version);
    }
}
