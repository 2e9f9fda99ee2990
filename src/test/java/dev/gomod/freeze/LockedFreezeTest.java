package dev.gomod.freeze;

import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A locked freeze (gomod.locked): passes where the lock would not change, fails naming every line where it would, writes nothing. */
class LockedFreezeTest {
    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();

    @Test
    void aNewDependencyFailsALockedFreezeNamingTheLockLinesAndWritesNothing() throws Exception {
        GraphFixture.Workspace w = GraphFixture.tidied(tmp);
        Path main = w.main();
        WorkspaceException none = assertThrows(WorkspaceException.class, () -> freeze(w, true).run());
        assertEquals("gomod.lock does not exist, and freeze is locked: it would write it", none.getMessage());
        assertFalse(Files.exists(main.resolve("gomod.lock")));

        freeze(w, false).run();
        byte[] lock = Files.readAllBytes(main.resolve("gomod.lock"));
        assertFalse(freeze(w, true).run().changed(), "the same inputs make the same lock: a locked freeze passes");

        // a developer adds a dependency and tidies, but commits no new lock
        Path mainGo = main.resolve("main.go");
        Files.writeString(mainGo, Files.readString(mainGo).replaceFirst("import \\(", "import (\n\t_ \"example.com/extra\""));
        w.go().run(main, "mod", "tidy").ok();
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> freeze(w, true).run());
        assertEquals(WorkspaceException.Reason.LOCKED, e.reason());
        List<String> lines = e.getMessage().lines().skip(1).map(String::strip).toList();
        assertEquals("gomod.lock would change, and freeze is locked (nothing was written):", e.getMessage().lines().findFirst().orElseThrow());
        String oldLock = new String(lock);
        for (String kind : List.of("go.mod", "go.sum", "vendor")) {
            int n = oldLock.lines().toList().indexOf(oldLock.lines().filter(l -> l.startsWith(kind + " ")).findFirst().orElseThrow()) + 1;
            assertTrue(lines.contains("gomod.lock:" + n + ": - " + oldLock.lines().filter(l -> l.startsWith(kind + " ")).findFirst().orElseThrow()),
                    kind + ": " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("gomod.lock: + " + kind + " ")), kind + ": " + lines);
        }
        assertEquals(6, lines.size(), "three lines go, three come: " + lines);
        assertArrayEquals(lock, Files.readAllBytes(main.resolve("gomod.lock")), "nothing was written");
        assertThrows(IllegalArgumentException.class, () -> new Freeze.Options(w.go().command(log::add), DependencyPolicy.permissive(), true,
                List.of(), LicenseCheck.NONE, true), "tidy rewrites what a locked freeze must not change");
    }

    private Freeze freeze(GraphFixture.Workspace w, boolean locked) {
        return new Freeze(Workspace.of(w.main()), Reporter.of(log::add),
                new Freeze.Options(w.go().command(log::add), DependencyPolicy.permissive(), false, java.util.List.of()).locked(locked));
    }
}
