package dev.gomod.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.testkit.HeadlessChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gomod:report's pages as the report-reactor IT wrote them (release 1.1.0 of a reactor of two Go
 * modules), loaded by headless Chromium: the standalone pages and the site's "Go dependencies" pages.
 * Every page loads; its graph has one node per module of the SBOM's build list and the main module's;
 * its module table one row per module; no link inside the pages is broken (files and anchors);
 * screenshots go to target/report-screenshots.
 */
class ReportPageIT {
    private static final Path RELEASE = Path.of(System.getProperty("report.it.dir", "target/it/report-reactor/release2")).toAbsolutePath();
    private static final Path SHOTS = Path.of("target/report-screenshots").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");

    private static final Map<String, Path> PAGES = new TreeMap<>(Map.of(
            "svc", RELEASE.resolve("svc/target/gomod/report/index.html"),
            "tools", RELEASE.resolve("tools/target/gomod/report/index.html"),
            "parent", RELEASE.resolve("target/gomod/report/index.html"),
            "svc-site", RELEASE.resolve("svc/target/site/gomod-report.html"),
            "tools-site", RELEASE.resolve("tools/target/site/gomod-report.html"),
            "parent-site", RELEASE.resolve("target/site/gomod-report.html")));
    private static final Map<String, String> DOM = new TreeMap<>();

    @BeforeAll
    static void load() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require(PAGES.values().stream().allMatch(Files::isRegularFile) ? null
                : "no report pages under " + RELEASE + " (the report-reactor IT did not run: invoker.test, invoker.skip?)");
        for (Map.Entry<String, Path> p : PAGES.entrySet()) {
            DOM.put(p.getKey(), chromium.dom(p.getValue()));
            chromium.screenshot(p.getValue(), SHOTS.resolve(p.getKey() + ".png"), 1280, 1600);
        }
    }

    @Test
    void eachModulesGraphHasOneNodePerModuleOfItsBuildListAndItsTableOneRow() throws Exception {
        for (String m : List.of("svc", "tools")) {
            Path sbom = RELEASE.resolve(m + "/target/report-" + m + "-1.1.0-go-cyclonedx.json");
            Set<String> modules = new TreeSet<>();
            new ObjectMapper().readTree(sbom.toFile()).path("components").forEach(c -> modules.add(c.path("name").asText()));
            assertTrue(modules.size() >= 2, sbom + ": " + modules);
            for (String page : List.of(m, m + "-site")) {
                String dom = DOM.get(page);
                assertTrue(dom.contains("</body>"), page + " did not load");
                Set<String> nodes = new TreeSet<>(all(Pattern.compile("<g id=\"node-([^\"]+)\" class=\"node (?:direct|indirect)"), dom));
                assertEquals(modules, nodes, page + ": one node per module of the build list");
                assertEquals(1, all(Pattern.compile("<g id=\"node-([^\"]+)\" class=\"node main"), dom).size(), page + ": the main module's node");
                assertEquals(modules, new TreeSet<>(all(Pattern.compile("<tr id=\"module-([^\"]+)\">"), dom)), page + ": the module table");
            }
        }
        assertTrue(DOM.get("tools").contains("<td>example.com/util</td><td>upgraded</td><td>v0.3.0</td><td>v0.4.0</td>"));
        assertTrue(DOM.get("tools-site").contains("<td>example.com/extra</td><td>added</td>"));
    }

    @Test
    void noLinkInsideThePagesIsBroken() {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, String> page : DOM.entrySet()) {
            Path file = PAGES.get(page.getKey());
            Set<String> ids = new TreeSet<>(all(ID, page.getValue()));
            for (String link : all(LINK, page.getValue())) {
                link = link.replace("&amp;", "&");
                if (link.isEmpty() || link.matches("(?i)(https?|mailto|javascript|data):.*")) {
                    continue;
                }
                String target = link.replaceFirst("[?#].*$", "");
                String anchor = link.contains("#") ? link.substring(link.indexOf('#') + 1) : "";
                if (target.isEmpty()) {
                    if (!ids.contains(anchor)) {
                        broken.add(page.getKey() + ": #" + anchor);
                    }
                } else if (!Files.exists(file.resolveSibling(URI.create(target).getPath()).normalize())) {
                    broken.add(page.getKey() + ": " + link);
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(DOM.get("parent").contains("svc (report-svc)") && DOM.get("parent-site").contains("tools (report-tools)"));
    }

    private static List<String> all(Pattern p, String s) {
        return p.matcher(s).results().map(r -> r.group(1)).toList();
    }
}
