package dev.gomod.lock;

import dev.gomod.mod.FormatException;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code gomod.lock}: small, line-oriented and diff-friendly, one {@code key value} per line in a
 * fixed order, so that the same inputs always give the same bytes:
 * <pre>
 * # gomod.lock: written by gomod-maven-plugin; commit it next to go.mod. Do not edit.
 * lock 1
 * module example.com/hello
 * go 1.19
 * toolchain go1.21.0                       (only when go.mod has one)
 * vendored-by go1.19.8                     (the Go that made the vendor tree)
 * go.mod sha256:&lt;hex&gt;
 * go.sum sha256:&lt;hex&gt;                       (or "none" for a module without go.sum)
 * vendor h1:&lt;base64&gt;                        (tree hash of vendor/, names prefixed "vendor/")
 * modcache h1:&lt;base64&gt;                      (when a module-cache bundle was made)
 * golang.org/toolchain v0.0.1-go1.26.8.linux-amd64 h1:&lt;base64&gt;   (one per platform of a toolchain bundle)
 * </pre>
 * A toolchain line is the line Go's checksum database holds for that module
 * ({@code https://sum.golang.org/lookup/golang.org/toolchain@v0.0.1-go1.26.8.linux-amd64}), so anyone
 * can check the pin against it; the lines are sorted by version.
 */
public record GoModLock(String modulePath, String goVersion, String toolchain, String vendoredBy,
                        String goModSha256, String goSumSha256, String vendorHash, String modcacheHash,
                        SortedMap<String, String> toolchains) {

    /** The format version this code writes and reads. */
    public static final int FORMAT = 1;
    /** Written for a module without a go.sum file. */
    public static final String NONE = "none";

    private static final String HEADER =
            "# gomod.lock: written by gomod-maven-plugin; commit it next to go.mod. Do not edit.";
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern H1 = Pattern.compile("^h1:[A-Za-z0-9+/]{43}=$");
    private static final Pattern TOOLCHAIN_VERSION = Pattern.compile("^v0\\.0\\.1-go1\\.[0-9a-z.]+\\.[a-z0-9]+-[a-z0-9]+$");

    public GoModLock {
        if (modulePath == null || goModSha256 == null || goSumSha256 == null) {
            throw new IllegalArgumentException("a lock needs the module path and the go.mod and go.sum digests");
        }
        toolchains = Collections.unmodifiableSortedMap(new TreeMap<>(toolchains == null ? Map.of() : toolchains));
    }

    /** A lock that pins no toolchain. */
    public GoModLock(String modulePath, String goVersion, String toolchain, String vendoredBy,
                     String goModSha256, String goSumSha256, String vendorHash, String modcacheHash) {
        this(modulePath, goVersion, toolchain, vendoredBy, goModSha256, goSumSha256, vendorHash, modcacheHash, null);
    }

    /** The module path of the toolchain lines. */
    public static final String TOOLCHAIN_MODULE = "golang.org/toolchain";

    public GoModLock withVendor(String vendoredByGo, String hash) {
        return new GoModLock(modulePath, goVersion, toolchain, vendoredByGo, goModSha256, goSumSha256, hash, modcacheHash, toolchains);
    }

    public GoModLock withModcache(String hash) {
        return new GoModLock(modulePath, goVersion, toolchain, vendoredBy, goModSha256, goSumSha256, vendorHash, hash, toolchains);
    }

    /** The same lock pinning these toolchains (module version to h1) instead. */
    public GoModLock withToolchains(Map<String, String> pins) {
        return new GoModLock(modulePath, goVersion, toolchain, vendoredBy, goModSha256, goSumSha256, vendorHash, modcacheHash,
                new TreeMap<>(pins));
    }

    public byte[] toBytes() {
        StringBuilder b = new StringBuilder();
        b.append(HEADER).append('\n');
        b.append("lock ").append(FORMAT).append('\n');
        b.append("module ").append(modulePath).append('\n');
        line(b, "go", goVersion);
        line(b, "toolchain", toolchain);
        line(b, "vendored-by", vendoredBy);
        b.append("go.mod sha256:").append(goModSha256).append('\n');
        b.append("go.sum ").append(NONE.equals(goSumSha256) ? NONE : "sha256:" + goSumSha256).append('\n');
        line(b, "vendor", vendorHash);
        line(b, "modcache", modcacheHash);
        toolchains.forEach((version, h1) -> b.append(TOOLCHAIN_MODULE).append(' ').append(version).append(' ').append(h1).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, String key, String value) {
        if (value != null) {
            b.append(key).append(' ').append(value).append('\n');
        }
    }

    public static GoModLock parse(String file, byte[] data) throws FormatException {
        Map<String, String> values = new LinkedHashMap<>();
        SortedMap<String, String> toolchains = new TreeMap<>();
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n", -1);
        int formatLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int sp = line.indexOf(' ');
            if (sp <= 0) {
                throw new FormatException(file, i + 1, "malformed line (want 'key value'): " + line);
            }
            String key = line.substring(0, sp);
            String value = line.substring(sp + 1).strip();
            if (key.equals(TOOLCHAIN_MODULE)) {
                String[] f = value.split("\\s+");
                if (f.length != 2 || !TOOLCHAIN_VERSION.matcher(f[0]).matches() || !H1.matcher(f[1]).matches()) {
                    throw new FormatException(file, i + 1, "want '" + TOOLCHAIN_MODULE
                            + " v0.0.1-go<release>.<goos>-<goarch> h1:<hash>', not: " + line);
                }
                if (toolchains.put(f[0], f[1]) != null) {
                    throw new FormatException(file, i + 1, "repeated toolchain " + f[0]);
                }
                continue;
            }
            if (values.containsKey(key)) {
                throw new FormatException(file, i + 1, "repeated key '" + key + "'");
            }
            switch (key) {
                case "lock" -> formatLine = i + 1;
                case "module", "go", "toolchain", "vendored-by" -> {
                }
                case "go.mod", "go.sum" -> {
                    if (key.equals("go.sum") && value.equals(NONE)) {
                        break;
                    }
                    if (!value.startsWith("sha256:") || !SHA256.matcher(value.substring(7)).matches()) {
                        throw new FormatException(file, i + 1, key + " must be sha256:<64 hex digits>, not " + value);
                    }
                    value = value.substring(7);
                }
                case "vendor", "modcache" -> {
                    if (!H1.matcher(value).matches()) {
                        throw new FormatException(file, i + 1, key + " must be an h1: hash, not " + value);
                    }
                }
                default -> throw new FormatException(file, i + 1, "unknown key '" + key + "'");
            }
            values.put(key, value);
        }
        String format = values.get("lock");
        if (format == null) {
            throw new FormatException(file, 0, "not a gomod.lock file: no 'lock " + FORMAT + "' line");
        }
        if (!format.equals(String.valueOf(FORMAT))) {
            throw new FormatException(file, formatLine, "lock format " + format
                    + " is not supported (this plugin reads format " + FORMAT + "); use the plugin version that wrote it");
        }
        for (String required : new String[] {"module", "go.mod", "go.sum"}) {
            if (!values.containsKey(required)) {
                throw new FormatException(file, 0, "missing '" + required + "' line");
            }
        }
        return new GoModLock(values.get("module"), values.get("go"), values.get("toolchain"), values.get("vendored-by"),
                values.get("go.mod"), values.get("go.sum"), values.get("vendor"), values.get("modcache"), toolchains);
    }
}
