package dev.gomod.lock;

import java.util.regex.Pattern;

/**
 * The kinds of line by which gomod.lock pins an artifact, in the order the lock writes them: the
 * line's key, what a qualified kind puts between key and value (a toolchain's module version), and
 * the value's syntax. A bundle layout names the kind that pins it; the lock knows nothing of
 * layouts, only of these lines, which it must read back exactly.
 */
public enum PinKind implements LockDrift.Item {
    /** {@code vendor h1:<base64>}: the tree hash of vendor/. */
    VENDOR("vendor", "vendor/", null, null),
    /** {@code modcache h1:<base64>}: the tree hash of the module cache in GOPROXY layout. */
    MODCACHE("modcache", "module cache", null, null),
    /**
     * {@code golang.org/toolchain v0.0.1-go1.26.8.linux-amd64 h1:<base64>}: the module zip's h1, the
     * line Go's checksum database holds; one per platform.
     */
    TOOLCHAIN("golang.org/toolchain", "Go toolchain", Pattern.compile("^v0\\.0\\.1-go1\\.[0-9a-z.]+\\.[a-z0-9]+-[a-z0-9]+$"),
            "v0.0.1-go<release>.<goos>-<goarch>"),
    /**
     * {@code vulndb h1:<base64> 2026-11-05T23:49:57Z}: the tree hash of the vulnerability database
     * and the time it states, so that its age shows in the lock.
     */
    VULNDB("vulndb", "vulnerability database", null, null) {
        @Override
        boolean validValue(String value) {
            String[] f = value.split(" ");
            return f.length == 2 && H1.matcher(f[0]).matches() && TIME.matcher(f[1]).matches();
        }

        @Override
        String valueSyntax() {
            return "h1:<hash> <RFC 3339 time, UTC>";
        }
    };

    /** An h1: hash, Go's dirhash Hash1. */
    static final Pattern H1 = Pattern.compile("^h1:[A-Za-z0-9+/]{43}=$");
    /** A time as Go's RFC 3339 in UTC writes it. */
    static final Pattern TIME = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$");

    private final String key;
    private final String what;
    private final Pattern qualifier;
    private final String qualifierSyntax;

    PinKind(String key, String what, Pattern qualifier, String qualifierSyntax) {
        this.key = key;
        this.what = what;
        this.qualifier = qualifier;
        this.qualifierSyntax = qualifierSyntax;
    }

    /** The line's first word. */
    public String key() {
        return key;
    }

    @Override
    public String what() {
        return what;
    }

    /** Whether the lock holds one line of this kind per qualifier (a toolchain per platform) rather than one. */
    public boolean qualified() {
        return qualifier != null;
    }

    /** The kind whose lines start with {@code key}, or null. */
    static PinKind ofKey(String key) {
        for (PinKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }

    /** Whether {@code value} is a valid pin value. */
    boolean validValue(String value) {
        return H1.matcher(value).matches();
    }

    /** The value's syntax, as errors quote it. */
    String valueSyntax() {
        return "h1:<hash>";
    }

    /** The tree hash a pin value states: the value, or its first word. */
    public String hash(String value) {
        int sp = value.indexOf(' ');
        return sp < 0 ? value : value.substring(0, sp);
    }

    /** The time a pin value states after its hash (a vulnerability database's), if it states one. */
    public java.util.Optional<java.time.Instant> time(String value) {
        int sp = value.indexOf(' ');
        return sp < 0 ? java.util.Optional.empty() : java.util.Optional.of(java.time.Instant.parse(value.substring(sp + 1)));
    }

    /** Whether {@code q} is a valid qualifier of this kind. */
    boolean validQualifier(String q) {
        return qualifier != null && qualifier.matcher(q).matches();
    }

    /** The line's syntax, as errors quote it. */
    String syntax() {
        return qualified() ? key + " " + qualifierSyntax + " " + valueSyntax() : key + " " + valueSyntax();
    }
}
