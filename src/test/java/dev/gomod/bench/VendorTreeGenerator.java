package dev.gomod.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic vendor-shaped tree: at scale 1 about 4,000 files and 50 MB in the shape of real Go
 * vendor trees (many small .go files in packages up to five levels deep, a few multi-megabyte
 * generated files, a LICENSE per module, assembly in some), with a consistent go.mod and
 * modules.txt. The same seed and scale always give the same bytes.
 */
final class VendorTreeGenerator {
    private static final String[] WORDS = {"func", "return", "if", "err", "!=", "nil", "{", "}", "var", ":=", "for", "range",
            "string", "int64", "struct", "type", "interface", "fmt.Errorf", "context.Context", "ctx", "value", "key", "len",
            "append", "make", "map[string]", "[]byte", "defer", "switch", "case", "default:", "go", "chan", "select", "true",
            "false", "// TODO", "const", "buf", "n", "i", "ok", "opts", "client", "request", "response"};

    /** What was generated. */
    record Tree(int files, long bytes) {
    }

    private VendorTreeGenerator() {
    }

    static Tree generate(Path ws, int scale) throws IOException {
        Random r = new Random(42L * scale);
        int modules = 140 * scale;
        StringBuilder goMod = new StringBuilder("module bench.example/app\n\ngo 1.19\n\nrequire (\n");
        StringBuilder modulesTxt = new StringBuilder();
        int files = 0;
        long bytes = 0;
        for (int m = 0; m < modules; m++) {
            String path = "github.com/org" + (m % 37) + "/repo" + m;
            String version = "v1." + (m % 17) + "." + (m % 5);
            goMod.append('\t').append(path).append(' ').append(version).append('\n');
            modulesTxt.append("# ").append(path).append(' ').append(version).append("\n## explicit; go 1.17\n");
            Path root = ws.resolve("vendor").resolve(path);
            bytes += write(root.resolve("LICENSE"), ("Copyright " + path + "\n\n" + "Permission is hereby granted ".repeat(40)).getBytes(StandardCharsets.UTF_8));
            files++;
            int packages = 1 + r.nextInt(6);
            List<String> pkgs = new ArrayList<>();
            for (int p = 0; p < packages; p++) {
                StringBuilder dir = new StringBuilder();
                int depth = r.nextInt(5);
                for (int d = 0; d < depth; d++) {
                    dir.append(d == 0 ? "" : "/").append(new String[] {"internal", "pkg", "api", "v1", "codec", "util", "types"}[r.nextInt(7)]).append(d);
                }
                String pkg = dir.length() == 0 ? path : path + "/" + dir;
                if (pkgs.contains(pkg)) {
                    continue;
                }
                pkgs.add(pkg);
                Path pdir = dir.length() == 0 ? root : root.resolve(dir.toString());
                int n = 3 + r.nextInt(13);
                for (int f = 0; f < n; f++) {
                    bytes += write(pdir.resolve("file" + f + ".go"), goSource(r, 1_500 + r.nextInt(15_000)));
                    files++;
                }
                if (r.nextInt(10) == 0) {
                    bytes += write(pdir.resolve("asm_amd64.s"), ("#include \"textflag.h\"\n\nTEXT ·f(SB),NOSPLIT,$0\n\tRET\n").repeat(20).getBytes(StandardCharsets.UTF_8));
                    files++;
                }
            }
            if (m % 20 == 7) {
                bytes += write(root.resolve("zz_generated.pb.go"), goSource(r, 2_600_000));
                files++;
            }
            pkgs.sort(null);
            for (String p : pkgs) {
                modulesTxt.append(p).append('\n');
            }
        }
        goMod.append(")\n");
        Files.writeString(ws.resolve("go.mod"), goMod, StandardCharsets.UTF_8);
        bytes += write(ws.resolve("vendor/modules.txt"), modulesTxt.toString().getBytes(StandardCharsets.UTF_8));
        return new Tree(files + 1, bytes);
    }

    private static byte[] goSource(Random r, int size) {
        StringBuilder b = new StringBuilder(size + 64).append("package p\n\n");
        while (b.length() < size) {
            b.append(WORDS[r.nextInt(WORDS.length)]);
            if (r.nextInt(8) == 0) {
                b.append("_").append(Integer.toHexString(r.nextInt(1 << 16)));
            }
            b.append(r.nextInt(9) == 0 ? "\n\t" : " ");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long write(Path f, byte[] data) throws IOException {
        Files.createDirectories(f.getParent());
        Files.write(f, data);
        return data.length;
    }
}
