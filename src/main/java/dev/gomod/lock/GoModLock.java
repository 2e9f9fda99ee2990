package dev.gomod.lock;

import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * A module frozen from an alternate go.mod ({@code go -modfile=go.prod.mod}) says so after its
 * module line, {@code modfile go.prod.mod}; its go.mod and go.sum lines then pin go.prod.mod and
 * go.prod.sum.
 * A toolchain line is the line Go's checksum database holds for that module
 * ({@code https://sum.golang.org/lookup/golang.org/toolchain@v0.0.1-go1.26.8.linux-amd64}), so anyone
 * can check the pin against it; the lines are sorted by version.
 *
 * <p>A workspace (go.work) is locked in format 2, so that a plugin that knows only format 1 says so
 * instead of misreading it. In place of the module, go.mod and go.sum lines:
 * <pre>
 * lock 2
 * workspace go.work
 * go 1.22                                  (go.work's go line)
 * go.work sha256:&lt;hex&gt;
 * go.work.sum sha256:&lt;hex&gt;                  (or "none")
 * use api example.com/ws/api sha256:&lt;go.mod hex&gt; sha256:&lt;go.sum hex&gt;   (one per use directory, in go.work's order; go.sum may be "none")
 * </pre>
 * The other lines are as in format 1; the vendor tree is the one {@code go work vendor} writes beside go.work.
 */
public record GoModLock(String modulePath, String goVersion, String toolchain, String vendoredBy,
                        String goModSha256, String goSumSha256, String vendorHash, String modcacheHash,
                        SortedMap<String, String> toolchains, Work work, String modFile) {

    /** What a workspace lock pins instead of one module's files. */
    public record Work(String goWorkSha256, String goWorkSumSha256, List<Use> uses) {
        public Work {
            uses = List.copyOf(uses);
        }

        /** The {@code go.work}, {@code go.work.sum} and {@code use} lines, as the lock and bundle manifests write them. */
        public void appendLines(StringBuilder b) {
            b.append("go.work sha256:").append(goWorkSha256).append('\n');
            b.append("go.work.sum ").append(digest(goWorkSumSha256)).append('\n');
            for (Use u : uses) {
                b.append("use ").append(u.dir()).append(' ').append(u.modulePath()).append(" sha256:").append(u.goModSha256())
                        .append(' ').append(digest(u.goSumSha256())).append('\n');
            }
        }
    }

    /** One workspace module: its use directory, module path, and its go.mod and go.sum digests (go.sum may be {@link #NONE}). */
    public record Use(String dir, String modulePath, String goModSha256, String goSumSha256) {
        /** Parses the value of a {@code use} line; {@code line} is the line number for the error. */
        public static Use parse(String file, int line, String value) throws FormatException {
            String[] f = value.split("\\s+");
            if (f.length != 4 || !isDigest(f[2], false) || !isDigest(f[3], true)) {
                throw new FormatException(file, line, "want 'use <dir> <module path> sha256:<go.mod hex> sha256:<go.sum hex>|none', not: use " + value);
            }
            return new Use(f[0], f[1], f[2].substring(7), f[3].equals(NONE) ? NONE : f[3].substring(7));
        }
    }

    /** The format version this code writes and reads for one module. */
    public static final int FORMAT = 1;
    /** The format version of a workspace lock. */
    public static final int WORK_FORMAT = 2;
    /** Written for a module without a go.sum file. */
    public static final String NONE = "none";

    private static final String HEADER =
            "# gomod.lock: written by gomod-maven-plugin; commit it next to go.mod. Do not edit.";
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern H1 = Pattern.compile("^h1:[A-Za-z0-9+/]{43}=$");
    private static final Pattern TOOLCHAIN_VERSION = Pattern.compile("^v0\\.0\\.1-go1\\.[0-9a-z.]+\\.[a-z0-9]+-[a-z0-9]+$");

    public GoModLock {
        if (work == null && (modulePath == null || goModSha256 == null || goSumSha256 == null)) {
            throw new IllegalArgumentException("a lock needs the module path and the go.mod and go.sum digests");
        }
        toolchains = Collections.unmodifiableSortedMap(new TreeMap<>(toolchains == null ? Map.of() : toolchains));
        if (GoMod.FILE.equals(modFile)) {
            modFile = null; // the default is not written
        }
    }

    /** A lock of one module or of a workspace, its module read from go.mod. */
    public GoModLock(String modulePath, String goVersion, String toolchain, String vendoredBy,
                     String goModSha256, String goSumSha256, String vendorHash, String modcacheHash,
                     SortedMap<String, String> toolchains, Work work) {
        this(modulePath, goVersion, toolchain, vendoredBy, goModSha256, goSumSha256, vendorHash, modcacheHash, toolchains, work, null);
    }

    /** The go.mod file the lock was frozen from: go.mod, or the alternate {@code -modfile} named, whose .sum file goes with it. */
    public String modFileName() {
        return modFile == null ? GoMod.FILE : modFile;
    }

    /** The same lock, frozen from this go.mod file ({@code go.mod} or an alternate). */
    public GoModLock withModFile(String name) {
        return new GoModLock(modulePath, goVersion, toolchain, vendoredBy, goModSha256, goSumSha256, vendorHash, modcacheHash, toolchains, work, name);
    }

    /** A lock that pins no toolchain. */
    public GoModLock(String modulePath, String goVersion, String toolchain, String vendoredBy,
                     String goModSha256, String goSumSha256, String vendorHash, String modcacheHash) {
        this(modulePath, goVersion, toolchain, vendoredBy, goModSha256, goSumSha256, vendorHash, modcacheHash, null);
    }

    /** A lock of one module. */
    public GoModLock(String modulePath, String goVersion, String toolchain, String vendoredBy,
                     String goModSha256, String goSumSha256, String vendorHash, String modcacheHash,
                     SortedMap<String, String> toolchains) {
        this(modulePath, goVersion, toolchain, vendoredBy, goModSha256, goSumSha256, vendorHash, modcacheHash, toolchains, null);
    }

    /** A lock of a workspace. */
    public static GoModLock ofWork(String goVersion, String toolchain, String vendoredBy, Work work, String vendorHash,
                                   String modcacheHash, SortedMap<String, String> toolchains) {
        return new GoModLock(null, goVersion, toolchain, vendoredBy, null, null, vendorHash, modcacheHash, toolchains, work);
    }

    /** True for a workspace lock (format 2). */
    public boolean isWork() {
        return work != null;
    }

    /** The module path of the toolchain lines. */
    public static final String TOOLCHAIN_MODULE = "golang.org/toolchain";

    public GoModLock withVendor(String vendoredByGo, String hash) {
        return new GoModLock(modulePath, goVersion, toolchain, vendoredByGo, goModSha256, goSumSha256, hash, modcacheHash, toolchains, work, modFile);
    }

    public GoModLock withModcache(String hash) {
        return new GoModLock(modulePath, goVersion, toolchain, vendoredBy, goModSha256, goSumSha256, vendorHash, hash, toolchains, work, modFile);
    }

    /** The same lock pinning these toolchains (module version to h1) instead. */
    public GoModLock withToolchains(Map<String, String> pins) {
        return new GoModLock(modulePath, goVersion, toolchain, vendoredBy, goModSha256, goSumSha256, vendorHash, modcacheHash,
                new TreeMap<>(pins), work, modFile);
    }

    public byte[] toBytes() {
        StringBuilder b = new StringBuilder();
        b.append(HEADER).append('\n');
        b.append("lock ").append(work == null ? FORMAT : WORK_FORMAT).append('\n');
        if (work == null) {
            b.append("module ").append(modulePath).append('\n');
            line(b, "modfile", modFile);
        } else {
            b.append("workspace go.work\n");
        }
        line(b, "go", goVersion);
        line(b, "toolchain", toolchain);
        line(b, "vendored-by", vendoredBy);
        if (work == null) {
            b.append("go.mod sha256:").append(goModSha256).append('\n');
            b.append("go.sum ").append(digest(goSumSha256)).append('\n');
        } else {
            work.appendLines(b);
        }
        line(b, "vendor", vendorHash);
        line(b, "modcache", modcacheHash);
        toolchains.forEach((version, h1) -> b.append(TOOLCHAIN_MODULE).append(' ').append(version).append(' ').append(h1).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String digest(String sha256) {
        return NONE.equals(sha256) ? NONE : "sha256:" + sha256;
    }

    private static void line(StringBuilder b, String key, String value) {
        if (value != null) {
            b.append(key).append(' ').append(value).append('\n');
        }
    }

    private static boolean isDigest(String s, boolean noneAllowed) {
        return noneAllowed && s.equals(NONE) || s.startsWith("sha256:") && SHA256.matcher(s.substring(7)).matches();
    }

    public static GoModLock parse(String file, byte[] data) throws FormatException {
        Map<String, String> values = new LinkedHashMap<>();
        SortedMap<String, String> toolchains = new TreeMap<>();
        List<Use> uses = new ArrayList<>();
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
            if (key.equals("use")) {
                Use use = Use.parse(file, i + 1, value);
                if (uses.stream().anyMatch(u -> u.dir().equals(use.dir()))) {
                    throw new FormatException(file, i + 1, "repeated use " + use.dir());
                }
                uses.add(use);
                continue;
            }
            if (values.containsKey(key)) {
                throw new FormatException(file, i + 1, "repeated key '" + key + "'");
            }
            switch (key) {
                case "lock" -> formatLine = i + 1;
                case "module", "go", "toolchain", "vendored-by" -> {
                }
                case "modfile" -> {
                    try {
                        GoMod.sumFileFor(value);
                    } catch (IllegalArgumentException e) {
                        throw new FormatException(file, i + 1, e.getMessage());
                    }
                }
                case "workspace" -> {
                    if (!value.equals("go.work")) {
                        throw new FormatException(file, i + 1, "want 'workspace go.work', not: " + line);
                    }
                }
                case "go.mod", "go.sum", "go.work", "go.work.sum" -> {
                    if ((key.equals("go.sum") || key.equals("go.work.sum")) && value.equals(NONE)) {
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
        boolean isWork = format.equals(String.valueOf(WORK_FORMAT));
        if (!format.equals(String.valueOf(FORMAT)) && !isWork) {
            throw new FormatException(file, formatLine, "lock format " + format
                    + " is not supported (this plugin reads formats " + FORMAT + " and " + WORK_FORMAT + "); use the plugin version that wrote it");
        }
        List<String> required = isWork ? List.of("workspace", "go.work", "go.work.sum") : List.of("module", "go.mod", "go.sum");
        List<String> foreign = isWork ? List.of("module", "go.mod", "go.sum", "modfile") : List.of("workspace", "go.work", "go.work.sum");
        for (String key : required) {
            if (!values.containsKey(key)) {
                throw new FormatException(file, 0, "missing '" + key + "' line");
            }
        }
        for (String key : foreign) {
            if (values.containsKey(key)) {
                throw new FormatException(file, 0, "a lock format " + format + " has no '" + key + "' line");
            }
        }
        if (isWork != !uses.isEmpty()) {
            throw new FormatException(file, 0, isWork ? "a workspace lock needs its 'use' lines" : "'use' lines belong in a workspace lock (lock 2)");
        }
        if (isWork) {
            return ofWork(values.get("go"), values.get("toolchain"), values.get("vendored-by"),
                    new Work(values.get("go.work"), values.get("go.work.sum"), uses), values.get("vendor"), values.get("modcache"), toolchains);
        }
        return new GoModLock(values.get("module"), values.get("go"), values.get("toolchain"), values.get("vendored-by"),
                values.get("go.mod"), values.get("go.sum"), values.get("vendor"), values.get("modcache"), toolchains, null, values.get("modfile"));
    }
}
