package dev.gomod.lock;

import java.util.Comparator;
import java.util.Objects;

/**
 * Which pin of a lock: its kind and, for a qualified kind, its qualifier (a toolchain's module
 * version). Ordered as the lock writes its lines: by kind, then by qualifier.
 */
public record PinKey(PinKind kind, String qualifier) implements Comparable<PinKey> {
    public static final PinKey VENDOR = new PinKey(PinKind.VENDOR, null);
    public static final PinKey MODCACHE = new PinKey(PinKind.MODCACHE, null);
    public static final PinKey VULNDB = new PinKey(PinKind.VULNDB, null);

    private static final Comparator<PinKey> ORDER = Comparator.comparing(PinKey::kind)
            .thenComparing(PinKey::qualifier, Comparator.nullsFirst(Comparator.naturalOrder()));

    public PinKey {
        Objects.requireNonNull(kind, "kind");
        if (kind.qualified() != (qualifier != null)) {
            throw new IllegalArgumentException(kind.qualified() ? kind.key() + " pins need a qualifier" : kind.key() + " pins take no qualifier");
        }
    }

    /** The pin of one toolchain module version ({@code v0.0.1-go1.26.8.linux-amd64}). */
    public static PinKey toolchain(String version) {
        return new PinKey(PinKind.TOOLCHAIN, version);
    }

    /** The line's words before the value: {@code vendor}, {@code golang.org/toolchain v0.0.1-go1.26.8.linux-amd64}. */
    public String prefix() {
        return qualifier == null ? kind.key() : kind.key() + " " + qualifier;
    }

    @Override
    public int compareTo(PinKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return prefix();
    }
}
