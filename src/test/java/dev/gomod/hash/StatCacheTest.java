package dev.gomod.hash;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatCacheTest {
    @TempDir
    Path dir;
    Path tree;
    Path cacheFile;

    @BeforeEach
    void tree() throws IOException {
        tree = dir.resolve("vendor");
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("a/one.go"), "package a\n");
        Files.writeString(tree.resolve("a/b/two.go"), "package b\n");
        Files.writeString(tree.resolve("modules.txt"), "# m v1.0.0\n");
        cacheFile = dir.resolve("cache/vendor.stat");
    }

    /** Hashes the tree through the cache in the file, as a no-op restore does; returns the sources as hashed. */
    private List<StatCache.Cached> hash() throws IOException {
        StatCache cache = StatCache.read(cacheFile);
        List<StatCache.Cached> sources = cache.sources(DirHash.listDir(tree, "vendor"));
        assertEquals(DirHash.hashDir(tree, "vendor"), cache.treeHash(sources, 2), "the cache never changes the hash");
        return sources;
    }

    /** Writes the cache a clock tick after the tree's last change, so that no entry is racy. */
    private void writeCache() throws IOException, InterruptedException {
        Thread.sleep(30);
        StatCache.write(cacheFile, DirHash.hashDir(tree, "vendor"), hash());
    }

    private static Map<String, Boolean> fromCache(List<StatCache.Cached> sources) {
        return sources.stream().collect(java.util.stream.Collectors.toMap(StatCache.Cached::name, StatCache.Cached::fromCache));
    }

    @Test
    void anUnchangedTreeIsNotReadAgain() throws Exception {
        assertEquals(3, StatCache.misses(hash()), "no cache yet: every file read");
        writeCache();
        assertEquals(0, StatCache.misses(hash()));
    }

    @Test
    void aFileRewrittenWithItsOldSizeAndMtimeIsReadAgain() throws Exception {
        writeCache();
        Path one = tree.resolve("a/one.go");
        FileTime mtime = Files.getLastModifiedTime(one);
        Files.writeString(one, "package x\n"); // same size
        Files.setLastModifiedTime(one, mtime); // and the old mtime: only ctime tells
        Map<String, Boolean> hit = fromCache(hash());
        assertFalse(hit.get("vendor/a/one.go"));
        assertTrue(hit.get("vendor/a/b/two.go"));
    }

    @Test
    void aFileReplacedByAnotherIsReadAgain() throws Exception {
        writeCache();
        Path two = tree.resolve("a/b/two.go");
        Path copy = dir.resolve("two.go");
        Files.copy(two, copy);
        Files.move(copy, two, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // same bytes, another inode
        assertFalse(fromCache(hash()).get("vendor/a/b/two.go"));
    }

    @Test
    void anEntryFromTheTickTheCacheWasWrittenInIsNotTrusted() throws Exception {
        // a file whose times are not older than the cache file may have changed within that tick unseen
        Path one = tree.resolve("a/one.go");
        Files.setLastModifiedTime(one, FileTime.from(Instant.now().plusSeconds(3600)));
        writeCache();
        Map<String, Boolean> hit = fromCache(hash());
        assertFalse(hit.get("vendor/a/one.go"), "racy: read again, every time");
        assertTrue(hit.get("vendor/modules.txt"));
    }

    @Test
    void addedAndRemovedFilesChangeTheHashAsWithoutCache() throws Exception {
        writeCache();
        Files.writeString(tree.resolve("a/three.go"), "package a\n");
        Files.delete(tree.resolve("modules.txt"));
        List<StatCache.Cached> sources = hash();
        assertEquals(1, StatCache.misses(sources), "only the new file is read");
    }

    @Test
    void theRecordedTreeIsTakenOnlyForExactlyTheRecordedFilesAllUnchanged() throws Exception {
        writeCache();
        // a recorded tree line that is not the tree's: taken as is when every file is as recorded...
        String text = Files.readString(cacheFile, StandardCharsets.UTF_8);
        String forged = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        Files.writeString(cacheFile, text.replaceFirst("\ntree h1:\\S+\n", "\ntree " + forged + "\n"), StandardCharsets.UTF_8);
        StatCache cache = StatCache.read(cacheFile);
        assertEquals(forged, cache.treeHash(cache.sources(DirHash.listDir(tree, "vendor")), 2));
        // ...and never when the walk finds one file more than recorded: then the tree is summed
        Files.writeString(tree.resolve("a/three.go"), "package a\n");
        assertEquals(DirHash.hashDir(tree, "vendor"), cache.treeHash(cache.sources(DirHash.listDir(tree, "vendor")), 2));
    }

    @Test
    void aDamagedCacheIsAMissNotAnError() throws Exception {
        writeCache();
        String text = Files.readString(cacheFile, StandardCharsets.UTF_8);
        Files.writeString(cacheFile, text.replaceFirst("\n\\d+ ", "\nnot-a-number "), StandardCharsets.UTF_8);
        assertEquals(3, StatCache.misses(hash()));
        Files.writeString(cacheFile, "gomod stat cache 1\n", StandardCharsets.UTF_8);
        assertEquals(3, StatCache.misses(hash()));
        Files.delete(cacheFile);
        assertEquals(3, StatCache.misses(hash()));
    }

    @Test
    void aSnapshotTakenBeforeAMoveHoldsAfterIt() throws Exception {
        // as a restore does: stat in the private extraction directory, move it into place, then write
        Path extract = dir.resolve(".vendor.extract");
        Files.createDirectories(extract.resolve("x"));
        Files.writeString(extract.resolve("x/f.go"), "package x\n");
        StatCache.Snapshot snapshot = StatCache.snapshot(DirHash.hash(List.of(new DirHash.FileSource("vendor/x/f.go", extract.resolve("x/f.go")))), Map.of("vendor/x/f.go", extract.resolve("x/f.go")),
                Map.of("vendor/x/f.go", Sha256.newDigest().digest("package x\n".getBytes(StandardCharsets.UTF_8))));
        dev.gomod.workspace.DirectorySwap.deleteTree(tree);
        Files.move(extract, tree);
        Thread.sleep(30);
        snapshot.write(cacheFile);
        assertEquals(0, StatCache.misses(hash()));
    }

    @Test
    void theRecordedTreeIsReadFromTheHeaderAlone() throws Exception {
        assertEquals(java.util.Optional.empty(), StatCache.recordedTree(cacheFile), "no cache");
        writeCache();
        assertEquals(java.util.Optional.of(DirHash.hashDir(tree, "vendor")), StatCache.recordedTree(cacheFile));
        Files.writeString(cacheFile, "gomod stat cache 1\ntree h1:x\n");
        assertEquals(java.util.Optional.empty(), StatCache.recordedTree(cacheFile), "another format");
    }

    @Test
    void aLinkedFileIsRecordedAsItIsAfterItsOldNameWent() throws Exception {
        // as a delta restore does: linked from the old tree into the private directory, statted there,
        // moved into place, the old tree deleted (its unlink changes the inode's ctime), then recorded
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        Files.writeString(old.resolve("f.go"), "package x\n");
        Path extract = dir.resolve(".vendor.extract");
        Files.createDirectories(extract.resolve("x"));
        Files.createLink(extract.resolve("x/f.go"), old.resolve("f.go"));
        Files.writeString(extract.resolve("x/g.go"), "package x // g\n");
        Map<String, Path> files = Map.of("vendor/x/f.go", extract.resolve("x/f.go"), "vendor/x/g.go", extract.resolve("x/g.go"));
        StatCache.Snapshot snapshot = StatCache.snapshot(DirHash.hashDir(extract, "vendor"), files,
                Map.of("vendor/x/f.go", Sha256.newDigest().digest("package x\n".getBytes(StandardCharsets.UTF_8)),
                        "vendor/x/g.go", Sha256.newDigest().digest("package x // g\n".getBytes(StandardCharsets.UTF_8))));
        dev.gomod.workspace.DirectorySwap.deleteTree(tree);
        Files.move(extract, tree);
        Thread.sleep(30);
        dev.gomod.workspace.DirectorySwap.deleteTree(old);
        Thread.sleep(30);
        snapshot.write(cacheFile);
        assertEquals(1, StatCache.misses(hash()), "the linked file's ctime changed after it was statted");

        Files.writeString(dir.resolve("old2"), "package x\n");
        Files.delete(tree.resolve("x/f.go"));
        Files.createLink(tree.resolve("x/f.go"), dir.resolve("old2"));
        StatCache.Snapshot again = StatCache.snapshot(DirHash.hashDir(tree, "vendor"), Map.of("vendor/x/f.go", tree.resolve("x/f.go"), "vendor/x/g.go", tree.resolve("x/g.go")),
                Map.of("vendor/x/f.go", Sha256.newDigest().digest("package x\n".getBytes(StandardCharsets.UTF_8)),
                        "vendor/x/g.go", Sha256.newDigest().digest("package x // g\n".getBytes(StandardCharsets.UTF_8))));
        Thread.sleep(30);
        Files.delete(dir.resolve("old2"));
        Thread.sleep(30);
        again.relinked(Map.of("vendor/x/f.go", tree.resolve("x/f.go"))).write(cacheFile);
        assertEquals(0, StatCache.misses(hash()), "statted again where it is: nothing read");
    }
}
