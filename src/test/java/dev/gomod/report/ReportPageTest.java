package dev.gomod.report;

import dev.gomod.audit.AuditReport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPageTest {
    private static final Pattern NODE = Pattern.compile("<g id=\"((?:node|group)-[^\"]+)\"");
    private static final Pattern RECT = Pattern.compile("<g id=\"[^\"]+\"[^>]*><title>[^<]*</title><rect x=\"([0-9.]+)\" y=\"([0-9.]+)\" width=\"([0-9.]+)\" height=\"([0-9.]+)\"");
    private static final Pattern ANCHOR = Pattern.compile("href=\"#([^\"]+)\"");
    private static final Pattern ID = Pattern.compile(" id=\"([^\"]+)\"");

    /** n modules in layers of a tree below example.com/app, a few of them vulnerable, licenses of each class. */
    static DependencyReport report(int n) {
        SortedMap<String, DependencySet.Module> modules = new TreeMap<>();
        SortedMap<String, SortedSet<String>> edges = new TreeMap<>();
        String[] licenses = {"MIT", "Apache-2.0", "MPL-2.0", "GPL-3.0-only", null, "BSD-3-Clause"};
        String[] hosts = {"github.com/acme", "github.com/bolt", "golang.org/x", "go.corp.example", "k8s.io", "gopkg.in"};
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String p = String.format(Locale.ROOT, "%s/m%03d", hosts[i % hosts.length], i);
            paths.add(p);
            modules.put(p, new DependencySet.Module(p, "v1." + i + ".0", licenses[i % licenses.length]));
        }
        SortedMap<String, VendoredBytes.Size> bytes = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String parent = i < 5 ? "example.com/app" : paths.get((i - 5) / 3);
            edges.computeIfAbsent(parent, k -> new TreeSet<>()).add(paths.get(i));
            edges.computeIfAbsent("example.com/app", k -> new TreeSet<>()).add(paths.get(i)); // go mod graph: every requirement
            bytes.put(paths.get(i), new VendoredBytes.Size(i + 1, 1000L * (i * 37 % 101 + 1)));
        }
        DependencySet set = new DependencySet(List.of("example.com/app"), modules, edges, new TreeSet<>());
        List<AuditReport.Entry> audit = List.of(
                new AuditReport.Entry("GO-2026-0001", List.of("CVE-2026-0001"), paths.get(1), "v1.1.0", "v1.1.1", "imported", "a <bad> one", null, null, null, null, false),
                new AuditReport.Entry("GO-2026-0002", List.of(), paths.get(2), "v1.2.0", null, "required", "another", "not_affected",
                        "code_not_reachable", null, "never called", false),
                new AuditReport.Entry("GO-2026-0003", List.of(), "stdlib", "v1.26.3", "v1.26.4", "imported", "in the standard library", null, null, null, null, false),
                // a will_not_fix decision that has ended fails the audit again: open on the page
                new AuditReport.Entry("GO-2026-0004", List.of(), paths.get(3), "v1.3.0", null, "required", "ended", "will_not_fix", null,
                        "2026-01-01", "upgrade planned", true));
        Set<String> direct = new TreeSet<>(paths.subList(0, Math.min(5, n)));
        return new DependencyReport("app", "1.2.0", set, direct, new VendoredBytes(bytes), "1.26.3", "go1.26.8",
                List.of(new DependencyReport.Bundle("app-1.2.0-go-vendor.tar.gz", 123456, "ab".repeat(32))), audit, "module:golang.org/x/vulndb@v0.0.0-x",
                ReleaseDiff.between("1.1.0", set, set), null, "2026-01-01T00:00:00Z", List.of());
    }

    private static String page(DependencyReport r) {
        return new String(ReportPage.page(r), StandardCharsets.UTF_8);
    }

    private static List<String> all(Pattern p, String s) {
        return p.matcher(s).results().map(r -> r.group(1)).toList();
    }

    @Test
    void oneNodePerModuleAndEveryLinkInsideThePageHasItsTarget() {
        String page = page(report(15));
        List<String> nodes = all(NODE, page);
        assertEquals(16, nodes.size(), "15 modules and the main module: " + nodes);
        assertTrue(nodes.contains("node-example.com/app"));
        Set<String> ids = new TreeSet<>(all(ID, page));
        List<String> broken = all(ANCHOR, page).stream().filter(a -> !ids.contains(a)).toList();
        assertEquals(List.of(), broken);
        assertEquals(15, all(Pattern.compile("<tr id=\"(module-[^\"]+)\""), page).size());
        assertTrue(page.contains("a &lt;bad&gt; one"), "escaped");
        assertFalse(page.contains("<script"));
        // the graph's colours: a red ring on the module with an open finding, amber on the one with a decision, the main module's for stdlib
        assertTrue(page.contains("<g id=\"node-github.com/bolt/m001\" class=\"node direct vulnerable\""), page);
        assertTrue(page.contains("<g id=\"node-golang.org/x/m002\" class=\"node direct excepted\""));
        assertTrue(page.contains("<g id=\"node-go.corp.example/m003\" class=\"node direct vulnerable\""), "an ended decision holds no more");
        assertTrue(page.contains("<tr class=\"open\"><td>GO-2026-0004</td>"));
        assertTrue(page.contains("will_not_fix until 2026-01-01 (ended): upgrade planned"));
        assertTrue(page.contains("<g id=\"node-example.com/app\" class=\"node main vulnerable\""));
        assertTrue(page.contains("<p>Compared with 1.1.0: nothing changed.</p>"));
    }

    @Test
    void theGraphsNodesDoNotOverlapAndIndirectModulesHangOffWhatRequiresThem() {
        String page = page(report(40));
        List<double[]> rects = new ArrayList<>();
        Matcher m = RECT.matcher(page);
        while (m.find()) {
            rects.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
        }
        assertEquals(41, rects.size());
        for (int i = 0; i < rects.size(); i++) {
            for (int j = i + 1; j < rects.size(); j++) {
                double[] a = rects.get(i);
                double[] b = rects.get(j);
                boolean apart = a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
                assertTrue(apart, "nodes " + i + " and " + j + " overlap");
            }
        }
        // go mod graph's edge from the main module to an indirect requirement is not drawn
        assertFalse(page.contains("data-from=\"node-example.com/app\" data-to=\"node-github.com/bolt/m007\""));
        assertTrue(page.contains("data-from=\"node-github.com/acme/m000\" data-to=\"node-github.com/bolt/m007\""));
    }

    @Test
    void aboveTheLimitOneNodePerPathGroupAndEveryModuleRowLinksToItsGroup() {
        DependencyReport r = report(GraphLayout.FLAT_LIMIT + 50);
        String page = page(r);
        List<String> nodes = all(NODE, page);
        assertEquals(7, nodes.size(), "six path groups and the main module: " + nodes);
        assertTrue(nodes.contains("group-github.com/acme") && nodes.contains("group-k8s.io") && nodes.contains("group-go.corp.example"), nodes.toString());
        Set<String> ids = new TreeSet<>(all(ID, page));
        assertEquals(List.of(), all(ANCHOR, page).stream().filter(a -> !ids.contains(a)).toList());
        assertTrue(page.contains("<tr id=\"module-github.com/acme/m000\"><td><a href=\"#group-github.com/acme\">"));
    }

    @Test
    void theSameReportGivesTheSameBytesInAnyTimeZoneAndLocale() {
        byte[] first = ReportPage.page(report(30));
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            Locale.setDefault(Locale.GERMANY);
            assertArrayEquals(first, ReportPage.page(report(30)));
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    @Test
    void pathGroupsAreHostAndOwnerOnCodeHosts() {
        assertEquals("github.com/aws", ReportPage.group("github.com/aws/aws-sdk-go-v2/service/s3"));
        assertEquals("golang.org/x", ReportPage.group("golang.org/x/net"));
        assertEquals("k8s.io", ReportPage.group("k8s.io/client-go"));
        assertEquals("go.opentelemetry.io", ReportPage.group("go.opentelemetry.io/otel/sdk"));
        assertEquals("gopkg.in", ReportPage.group("gopkg.in/yaml.v3"));
        assertEquals("dario.cat", ReportPage.group("dario.cat/mergo"));
    }
}
