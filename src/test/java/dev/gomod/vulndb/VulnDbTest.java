package dev.gomod.vulndb;

import dev.gomod.mod.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class VulnDbTest {
    /** An OSV entry as the database holds them, for tests. */
    public static String entry(String id, String modified, String module, String... events) {
        StringBuilder e = new StringBuilder();
        for (int i = 0; i < events.length; i += 2) {
            e.append(e.length() == 0 ? "" : ",").append("{\"").append(events[i]).append("\":\"").append(events[i + 1]).append("\"}");
        }
        return """
                {
                  "schema_version": "1.3.1",
                  "id": "%s",
                  "modified": "%s",
                  "aliases": ["CVE-2026-0001", "GHSA-aaaa-bbbb-cccc"],
                  "summary": "Something <bad> & worse in %s",
                  "affected": [{
                    "package": {"name": "%s", "ecosystem": "Go"},
                    "ranges": [{"type": "SEMVER", "events": [%s]}],
                    "ecosystem_specific": {"imports": [{"path": "%s/pkg", "symbols": ["Parse"]}]}
                  }]
                }
                """.formatted(id, modified, module, module, e, module);
    }

    @Test
    void readsAnEntryAndNamesTheFieldThatIsWrong() throws Exception {
        OsvEntry e = OsvEntry.parse("GO-2026-0001.json", entry("GO-2026-0001", "2026-03-01T10:00:00Z", "example.com/a",
                "introduced", "0", "fixed", "1.2.3").getBytes(StandardCharsets.UTF_8));
        assertEquals("GO-2026-0001", e.id());
        assertEquals(List.of("CVE-2026-0001", "GHSA-aaaa-bbbb-cccc"), e.aliases());
        assertEquals("example.com/a", e.affected().get(0).module());
        assertEquals(List.of(new OsvEntry.Package("example.com/a/pkg", List.of("Parse"))), e.affected().get(0).packages());

        FormatException id = assertThrows(FormatException.class, () -> OsvEntry.parse("x.json", "{\"id\":\"CVE-1\",\"modified\":\"2026-01-01T00:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(id.getMessage().contains("x.json") && id.getMessage().contains("id: want GO-<year>-<number>"), id.getMessage());
        FormatException ranges = assertThrows(FormatException.class, () -> OsvEntry.parse("y.json", ("{\"id\":\"GO-2026-0002\",\"modified\":"
                + "\"2026-01-01T00:00:00Z\",\"affected\":[{\"package\":{\"name\":\"m\"},\"ranges\":{}}]}").getBytes(StandardCharsets.UTF_8)));
        assertTrue(ranges.getMessage().contains("ranges: want an array"), ranges.getMessage());
        FormatException time = assertThrows(FormatException.class, () -> OsvEntry.parse("z.json",
                "{\"id\":\"GO-2026-0003\",\"modified\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(time.getMessage().contains("modified: want an RFC 3339 time"), time.getMessage());
        FormatException json = assertThrows(FormatException.class, () -> OsvEntry.parse("w.json", "{\n\"id\": ".getBytes(StandardCharsets.UTF_8)));
        assertTrue(json.getMessage().contains("not JSON"), json.getMessage());
    }

    /** osvutils.LatestFixed: the highest fix, none when a later introduction follows it, across ranges. */
    @Test
    void theFixedVersionIsTheHighestUnlessReintroduced() {
        assertEquals("1.2.3", OsvEntry.latestFixed(affected(List.of("introduced", "0", "fixed", "1.2.3"))));
        assertEquals("1.10.0", OsvEntry.latestFixed(affected(List.of("introduced", "0", "fixed", "1.9.0", "introduced", "1.9.5", "fixed", "1.10.0"))));
        assertNull(OsvEntry.latestFixed(affected(List.of("introduced", "0", "fixed", "1.2.3", "introduced", "1.4.0"))));
        assertNull(OsvEntry.latestFixed(affected(List.of("introduced", "0"))));
        assertEquals("0.0.0-20260626085133-7cb96ac80a6d", OsvEntry.latestFixed(affected(List.of(
                "introduced", "0.0.0-20250721152936-fe86ceb2c3fa", "fixed", "0.0.0-20260626085133-7cb96ac80a6d"))));
    }

    private static OsvEntry.Affected affected(List<String> events) {
        List<OsvEntry.Event> list = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i += 2) {
            list.add(events.get(i).equals("fixed") ? new OsvEntry.Event(null, events.get(i + 1)) : new OsvEntry.Event(events.get(i + 1), null));
        }
        return new OsvEntry.Affected("m", List.of(new OsvEntry.Range("SEMVER", list)), List.of());
    }

    @Test
    void theIndexIsGoJson(@TempDir Path tmp) throws Exception {
        Path osv = Files.createDirectories(tmp.resolve("osv"));
        Files.writeString(osv.resolve("GO-2026-0002.json"), entry("GO-2026-0002", "2026-03-02T10:00:00.5Z", "example.com/b", "introduced", "0"));
        Files.writeString(osv.resolve("GO-2026-0001.json"), entry("GO-2026-0001", "2026-03-01T10:00:00Z", "example.com/a",
                "introduced", "0", "fixed", "1.2.3"));
        VulnDbSource.Entries entries = new VulnDbSource.Local(osv).read(null, tmp);
        VulnDbIndex index = VulnDb.write(entries, tmp.resolve("db"));
        assertEquals("{\"modified\":\"2026-03-02T10:00:00Z\"}", new String(index.dbJson(), StandardCharsets.UTF_8));
        assertEquals("[{\"path\":\"example.com/a\",\"vulns\":[{\"id\":\"GO-2026-0001\",\"modified\":\"2026-03-01T10:00:00Z\",\"fixed\":\"1.2.3\"}]},"
                + "{\"path\":\"example.com/b\",\"vulns\":[{\"id\":\"GO-2026-0002\",\"modified\":\"2026-03-02T10:00:00Z\"}]}]",
                new String(index.modulesJson(), StandardCharsets.UTF_8));
        assertTrue(new String(index.vulnsJson(), StandardCharsets.UTF_8).startsWith(
                "[{\"id\":\"GO-2026-0001\",\"modified\":\"2026-03-01T10:00:00Z\",\"aliases\":[\"CVE-2026-0001\",\"GHSA-aaaa-bbbb-cccc\"]}"));
        assertEquals(Files.readString(osv.resolve("GO-2026-0001.json")), Files.readString(tmp.resolve("db/ID/GO-2026-0001.json")),
                "entries are carried byte for byte");
        assertEquals("\"a\\u003cb\\u003e\\u0026\\\"\"", VulnDbIndex.string("a<b>&\""));

        // read back as a database directory: the same entries and its db.json's time
        VulnDbSource.Entries again = new VulnDbSource.Local(tmp.resolve("db")).read(null, tmp);
        assertEquals(2, again.entries().size());
        assertEquals(Optional.of(Instant.parse("2026-03-02T10:00:00Z")), again.time());

        Files.writeString(osv.resolve("GO-2026-0003.json"), entry("GO-2026-0004", "2026-03-01T10:00:00Z", "example.com/c", "introduced", "0"));
        FormatException misnamed = assertThrows(FormatException.class, () -> new VulnDbSource.Local(osv).read(null, tmp));
        assertTrue(misnamed.getMessage().contains("GO-2026-0003.json") && misnamed.getMessage().contains("says GO-2026-0004"), misnamed.getMessage());
    }

    @Test
    void sourcesAsUsersWriteThem(@TempDir Path tmp) {
        assertEquals(new VulnDbSource.Module("golang.org/x/vulndb", "v0.0.0-20261105234957-e22db6528018"),
                VulnDbSource.parse("module:golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018", tmp, VulnDbUrlTest::direct));
        assertEquals(new VulnDbSource.Local(tmp.resolve("db")), VulnDbSource.parse("db", tmp, VulnDbUrlTest::direct));
        assertInstanceOf(VulnDbSource.Local.class, VulnDbSource.parse(tmp.resolve("x.zip").toUri().toString(), tmp, VulnDbUrlTest::direct));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VulnDbSource.parse("module:golang.org/x/vulndb", tmp, VulnDbUrlTest::direct))
                .getMessage().contains("want module:golang.org/x/vulndb@<version>"));
        VulnDbSource url = VulnDbSource.parse("https://vuln.go.dev", tmp, VulnDbUrlTest::direct);
        assertInstanceOf(VulnDbSource.Url.class, url);
        assertEquals("https://vuln.go.dev", url.toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VulnDbSource.parse("https:///index", tmp, VulnDbUrlTest::direct))
                .getMessage().contains("no host"));
    }
}
