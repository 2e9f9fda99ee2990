package dev.gomod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of a few small files (go.mod, go.sum, go.work…) taken before go runs a command that may
 * write them, to put them back after: go has no read-only mode for {@code go work vendor} or for
 * {@code go mod download} of named versions. A file that did not exist before is deleted again.
 */
public final class FileSnapshot {
    private final Map<Path, byte[]> before = new LinkedHashMap<>();

    private FileSnapshot() {
    }

    /** Reads every file now; a missing file is remembered as missing. */
    public static FileSnapshot of(Collection<Path> files) throws IOException {
        FileSnapshot s = new FileSnapshot();
        for (Path p : files) {
            s.before.put(p, Files.exists(p) ? Files.readAllBytes(p) : null);
        }
        return s;
    }

    /** Puts back every file that changed, in the order given, and returns those files. */
    public List<Path> restore() throws IOException {
        List<Path> changed = new ArrayList<>();
        for (Map.Entry<Path, byte[]> e : before.entrySet()) {
            byte[] now = Files.exists(e.getKey()) ? Files.readAllBytes(e.getKey()) : null;
            if (!Arrays.equals(now, e.getValue())) {
                changed.add(e.getKey());
                if (e.getValue() == null) {
                    Files.delete(e.getKey());
                } else {
                    AtomicFile.write(e.getKey(), e.getValue());
                }
            }
        }
        return changed;
    }
}
