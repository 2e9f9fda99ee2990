package dev.gomod.lock;

import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * vulndb h1:&lt;base64&gt; 2026-11-05T23:49:57Z   (when a vulnerability database was pinned: its tree and its time)
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
 *
 * <p>The lines after the inputs are pins, one kind after another in {@link PinKind}'s order, each
 * {@code <key> [<qualifier>] <value>}; a new kind of artifact is a new {@link PinKind}, and the
 * lock keeps its pins as a map from {@link PinKey} to value rather than a field per kind.
 */
public record GoModLock(Inputs inputs, String goVersion, String toolchain, String vendoredBy, SortedMap<PinKey, String> pins) {

    /** What the lock was frozen from: one module's go.mod and go.sum, or a workspace's go.work and its modules' files. */
    public sealed interface Inputs permits ModuleFiles, Work {
        /** The lock format these inputs are written in. */
        int format();

        /** The lines before go, toolchain and vendored-by. */
        void appendHead(StringBuilder b);

        /** The digest lines after them: go.mod and go.sum, or go.work, go.work.sum and the use lines. */
        void appendLines(StringBuilder b);
    }

    /**
     * One module: its path, and the digests of the go.mod file it was frozen from and of the .sum
     * file beside it ({@link #NONE} for none). {@code modFile} names an alternate go.mod
     * ({@code go -modfile=go.prod.mod}); null or {@code go.mod} for the default, which is not written.
     */
    public record ModuleFiles(String modulePath, String goModSha256, String goSumSha256, String modFile) implements Inputs {
        public ModuleFiles {
            if (modulePath == null || goModSha256 == null || goSumSha256 == null) {
                throw new IllegalArgumentException("a lock needs the module path and the go.mod and go.sum digests");
            }
            if (GoMod.FILE.equals(modFile)) {
                modFile = null;
            }
        }

        public ModuleFiles(String modulePath, String goModSha256, String goSumSha256) {
            this(modulePath, goModSha256, goSumSha256, null);
        }

        @Override
        public int format() {
            return FORMAT;
        }

        @Override
        public void appendHead(StringBuilder b) {
            b.append("module ").append(modulePath).append('\n');
            line(b, "modfile", modFile);
        }

        @Override
        public void appendLines(StringBuilder b) {
            b.append("go.mod sha256:").append(goModSha256).append('\n');
            b.append("go.sum ").append(digest(goSumSha256)).append('\n');
        }
    }

    /** What a workspace lock pins instead of one module's files. */
    public record Work(String goWorkSha256, String goWorkSumSha256, List<Use> uses) implements Inputs {
        public Work {
            uses = List.copyOf(uses);
        }

        @Override
        public int format() {
            return WORK_FORMAT;
        }

        @Override
        public void appendHead(StringBuilder b) {
            b.append("workspace go.work\n");
        }

        /** The {@code go.work}, {@code go.work.sum} and {@code use} lines, as the lock and bundle manifests write them. */
        @Override
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

    /** @param pins null for none */
    public GoModLock {
        if (inputs == null) {
            throw new IllegalArgumentException("a lock needs its inputs: a module's files or a workspace's");
        }
        pins = Collections.unmodifiableSortedMap(new TreeMap<>(pins == null ? Map.of() : pins));
        pins.forEach((key, value) -> {
            if (!key.kind().validValue(value)) {
                throw new IllegalArgumentException(key + ": not a valid pin: " + value);
            }
        });
    }

    /** True for a workspace lock (format 2). */
    public boolean isWork() {
        return inputs instanceof Work;
    }

    /** A workspace's files, or null for one module. */
    public Work work() {
        return inputs instanceof Work w ? w : null;
    }

    /** The module's path, or null for a workspace. */
    public String modulePath() {
        return inputs instanceof ModuleFiles m ? m.modulePath() : null;
    }

    /** The module's go.mod digest, or null for a workspace. */
    public String goModSha256() {
        return inputs instanceof ModuleFiles m ? m.goModSha256() : null;
    }

    /** The module's go.sum digest ({@link #NONE} for none), or null for a workspace. */
    public String goSumSha256() {
        return inputs instanceof ModuleFiles m ? m.goSumSha256() : null;
    }

    /** The go.mod file the lock was frozen from: go.mod, or the alternate {@code -modfile} named, whose .sum file goes with it. */
    public String modFileName() {
        return inputs instanceof ModuleFiles m && m.modFile() != null ? m.modFile() : GoMod.FILE;
    }

    /** The value of one pin, if the lock has it. */
    public Optional<String> pin(PinKey key) {
        return Optional.ofNullable(pins.get(key));
    }

    /** The pins of one kind, by qualifier (null for an unqualified kind), in the lock's order. */
    public SortedMap<String, String> pins(PinKind kind) {
        SortedMap<String, String> out = new TreeMap<>(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        pins.forEach((key, value) -> {
            if (key.kind() == kind) {
                out.put(key.qualifier(), value);
            }
        });
        return Collections.unmodifiableSortedMap(out);
    }

    /** The same lock with this pin set, or removed when {@code value} is null. */
    public GoModLock withPin(PinKey key, String value) {
        SortedMap<PinKey, String> next = new TreeMap<>(pins);
        if (value == null) {
            next.remove(key);
        } else {
            next.put(key, value);
        }
        return new GoModLock(inputs, goVersion, toolchain, vendoredBy, next);
    }

    /** The same lock whose pins of {@code kind} are exactly these, by qualifier. */
    public GoModLock withPins(PinKind kind, Map<String, String> byQualifier) {
        SortedMap<PinKey, String> next = new TreeMap<>(pins);
        next.keySet().removeIf(k -> k.kind() == kind);
        byQualifier.forEach((q, value) -> next.put(new PinKey(kind, q), value));
        return new GoModLock(inputs, goVersion, toolchain, vendoredBy, next);
    }

    /** The same lock, vendored by this Go into this tree. */
    public GoModLock withVendor(String vendoredByGo, String hash) {
        return new GoModLock(inputs, goVersion, toolchain, vendoredByGo, pins).withPin(PinKey.VENDOR, hash);
    }

    public byte[] toBytes() {
        StringBuilder b = new StringBuilder();
        b.append(HEADER).append('\n');
        b.append("lock ").append(inputs.format()).append('\n');
        inputs.appendHead(b);
        line(b, "go", goVersion);
        line(b, "toolchain", toolchain);
        line(b, "vendored-by", vendoredBy);
        inputs.appendLines(b);
        pins.forEach((key, value) -> b.append(key.prefix()).append(' ').append(value).append('\n'));
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
        SortedMap<PinKey, String> pins = new TreeMap<>();
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
            PinKind pinKind = PinKind.ofKey(key);
            if (pinKind != null) {
                PinKey pin = parsePin(file, i + 1, pinKind, value, line);
                if (pins.put(pin, pin.kind().qualified() ? value.split("\\s+")[1] : value) != null) {
                    throw new FormatException(file, i + 1, pinKind.qualified() ? "repeated " + pin : "repeated key '" + key + "'");
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
        Inputs inputs = isWork ? new Work(values.get("go.work"), values.get("go.work.sum"), uses)
                : new ModuleFiles(values.get("module"), values.get("go.mod"), values.get("go.sum"), values.get("modfile"));
        return new GoModLock(inputs, values.get("go"), values.get("toolchain"), values.get("vendored-by"), pins);
    }

    /** One pin line's key: its kind and qualifier, checked with its value. */
    private static PinKey parsePin(String file, int line, PinKind kind, String value, String text) throws FormatException {
        if (!kind.qualified()) {
            if (!kind.validValue(value)) {
                throw new FormatException(file, line, kind.key() + " must be " + (kind.valueSyntax().equals("h1:<hash>") ? "an h1: hash"
                        : "'" + kind.valueSyntax() + "'") + ", not " + value);
            }
            return new PinKey(kind, null);
        }
        String[] f = value.split("\\s+");
        if (f.length != 2 || !kind.validQualifier(f[0]) || !kind.validValue(f[1])) {
            throw new FormatException(file, line, "want '" + kind.syntax() + "', not: " + text);
        }
        return new PinKey(kind, f[0]);
    }
}
