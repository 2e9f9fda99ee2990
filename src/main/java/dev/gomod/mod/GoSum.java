package dev.gomod.mod;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A go.sum file: lines {@code path version h1:…} (the module zip) and {@code path version/go.mod h1:…}
 * (its go.mod). Keeps lines in file order so that a file {@code go} wrote is written back byte for byte.
 */
public final class GoSum {
    /** One go.sum line. {@code goMod} is true for the {@code version/go.mod} form. */
    public record Entry(ModuleVersion module, boolean goMod, String hash) {
        public String line() {
            return module.path() + " " + module.version() + (goMod ? "/go.mod" : "") + " " + hash;
        }
    }

    /** module.Sort as go.sum uses it: path, then semver order, then the zip line before the go.mod line. */
    private static final Comparator<Entry> GO_ORDER = Comparator
            .comparing((Entry e) -> e.module().path())
            .thenComparing(e -> e.module().version(), Semver.ORDER)
            .thenComparing(Entry::goMod);

    private final List<Entry> entries;
    private final Map<String, Entry> byKey = new LinkedHashMap<>();

    private GoSum(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            byKey.putIfAbsent(key(e.module(), e.goMod()), e);
        }
    }

    public static GoSum of(List<Entry> entries) {
        return new GoSum(entries);
    }

    /** Parses go.sum. Blank lines are skipped, as cmd/go does; any line without three fields is an error. */
    public static GoSum parse(String file, byte[] data) throws FormatException {
        String text = new String(data, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("[ \\t]+");
            if (f.length != 3) {
                throw new FormatException(file, i + 1, "malformed go.sum line (want 'module version h1:hash'): " + line);
            }
            boolean goMod = f[1].endsWith("/go.mod");
            String version = goMod ? f[1].substring(0, f[1].length() - "/go.mod".length()) : f[1];
            if (!Semver.isValid(version)) {
                throw new FormatException(file, i + 1, "malformed go.sum line: invalid version \"" + f[1] + "\"");
            }
            if (!f[2].contains(":")) {
                throw new FormatException(file, i + 1, "malformed go.sum line: hash \"" + f[2] + "\" has no algorithm prefix");
            }
            entries.add(new Entry(new ModuleVersion(f[0], version), goMod, f[2]));
        }
        return new GoSum(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The {@code h1:} of the module zip, if go.sum has it. */
    public Optional<String> zipHash(ModuleVersion m) {
        return Optional.ofNullable(byKey.get(key(m, false))).map(Entry::hash);
    }

    /** The {@code h1:} of the module's go.mod, if go.sum has it. */
    public Optional<String> goModHash(ModuleVersion m) {
        return Optional.ofNullable(byKey.get(key(m, true))).map(Entry::hash);
    }

    /**
     * The requirements of {@code goMod} whose go.mod hash this file lacks, so that go must ask the
     * checksum database for them: not those {@code noSumDb} (GONOSUMDB's patterns) names, nor those
     * replaced by a directory; a replacement by another module counts as that module.
     */
    public List<ModuleVersion> lacking(GoMod goMod, String noSumDb) {
        List<ModuleVersion> out = new ArrayList<>();
        for (ModuleVersion m : goMod.fetched()) {
            if (!ModulePath.matchesPrefixPatterns(noSumDb, m.path()) && goModHash(m).isEmpty()) {
                out.add(m);
            }
        }
        return out;
    }

    /** This file with its lines in the order {@code go} writes them. */
    public GoSum sorted() {
        List<Entry> s = new ArrayList<>(entries);
        s.sort(GO_ORDER);
        return new GoSum(s);
    }

    /** The file's bytes: one line per entry, each ending in a newline, as {@code go} writes it. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry e : entries) {
            out.writeBytes((e.line() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String key(ModuleVersion m, boolean goMod) {
        return m.path() + " " + m.version() + (goMod ? "/go.mod" : "");
    }
}
