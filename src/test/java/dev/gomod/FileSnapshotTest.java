package dev.gomod;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FileSnapshotTest {
    @TempDir
    Path tmp;

    @Test
    void putsBackWhatChangedDeletesWhatAppearedAndNamesThem() throws Exception {
        Path mod = Files.writeString(tmp.resolve("go.mod"), "module a\n");
        Path sum = Files.writeString(tmp.resolve("go.sum"), "x h1:a=\n");
        Path workSum = tmp.resolve("go.work.sum");
        FileSnapshot s = FileSnapshot.of(List.of(mod, sum, workSum));
        Files.writeString(sum, "x h1:a=\ny h1:b=\n");
        Files.writeString(workSum, "z h1:c=\n");
        assertEquals(List.of(sum, workSum), s.restore());
        assertEquals("module a\n", Files.readString(mod));
        assertEquals("x h1:a=\n", Files.readString(sum));
        assertFalse(Files.exists(workSum));
        assertEquals(List.of(), s.restore(), "nothing left to put back");
    }
}
