package dev.gomod.e2e;

import dev.gomod.testkit.HeadlessChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin's pages, as {@code mvn verify} built them into target/site (maven-site-plugin at
 * pre-integration-test), loaded by headless Chromium: every page loads, every link and resource
 * inside the site exists, with its anchor; links out of the site are counted, not followed (no
 * network here). Each goal page lists every parameter of the descriptor with its user property,
 * and its default phase.
 */
class SiteIT {
    private static final Path SITE = Path.of(System.getProperty("site.dir", "target/site")).toAbsolutePath();
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\s(?:id|name)=\"([^\"]*)\"");

    /** Each page's DOM after Chromium loaded it. */
    private static final Map<Path, String> DOM = new TreeMap<>();

    @BeforeAll
    static void load() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require(
                !Files.isRegularFile(SITE.resolve("index.html")) ? "no site in " + SITE + " (gomod.site.skip?)" : null);
        List<Path> pages;
        try (Stream<Path> s = Files.list(SITE)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) {
            String dom = chromium.dom(page);
            DOM.put(page, dom);
        }
    }

    @Test
    void chromiumLoadsEveryPageAndNoLinkInsideTheSiteIsBroken() {
        assertTrue(DOM.size() >= 20, "pages: " + DOM.keySet());
        List<String> broken = new ArrayList<>();
        int outside = 0;
        for (Map.Entry<Path, String> page : DOM.entrySet()) {
            String dom = page.getValue();
            assertTrue(dom.contains("<title>") && dom.contains("</body>"), page.getKey() + " did not load:\n" + dom);
            Matcher m = LINK.matcher(dom);
            while (m.find()) {
                String link = m.group(1).replace("&amp;", "&");
                if (link.isEmpty() || link.matches("(?i)(https?|mailto|javascript|data):.*")) {
                    outside += link.isEmpty() ? 0 : 1;
                    continue;
                }
                String file = link.replaceFirst("[?#].*$", "");
                String anchor = link.contains("#") ? link.substring(link.indexOf('#') + 1) : null;
                Path target;
                try {
                    target = file.isEmpty() ? page.getKey() : file.startsWith("file:") ? Path.of(URI.create(file))
                            : page.getKey().resolveSibling(URI.create(file).getPath()).normalize();
                } catch (IllegalArgumentException e) {
                    broken.add(SITE.relativize(page.getKey()) + ": " + link + " (" + e.getMessage() + ")");
                    continue;
                }
                if (!target.startsWith(SITE) || !Files.exists(target)) {
                    broken.add(SITE.relativize(page.getKey()) + ": " + link + " (no such file)");
                } else if (anchor != null && !anchor.isEmpty() && DOM.containsKey(target) && !ids(DOM.get(target)).contains(anchor)) {
                    broken.add(SITE.relativize(page.getKey()) + ": " + link + " (no such anchor)");
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(outside > 0, "the pages link out (Maven, SPDX, …): counted, not followed");
    }

    @Test
    void eachGoalPageListsEveryParameterWithItsUserPropertyAndItsDefaultPhase() throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        NodeList mojos = d.getElementsByTagName("mojo");
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            String page = DOM.get(SITE.resolve(goal + "-mojo.html"));
            if (page == null) {
                missing.add(goal + ": no page");
                continue;
            }
            String shown = page.replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">").replaceAll("\\s+", " ");
            String phase = text(mojo, "phase");
            if (!phase.isEmpty() && !shown.contains("Binds by default to the lifecycle phase : " + phase)) {
                missing.add(goal + ": phase " + phase);
            }
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList params = mojo.getElementsByTagName("parameter");
            for (int j = 0; j < params.getLength(); j++) {
                Element p = (Element) params.item(j);
                if (!"true".equals(text(p, "editable"))) {
                    continue;
                }
                String name = text(p, "name");
                if (!shown.contains("<" + name + ">")) {
                    missing.add(goal + ": <" + name + ">");
                }
                NodeList conf = configuration == null ? null : configuration.getElementsByTagName(name);
                String expression = conf == null || conf.getLength() == 0 ? "" : conf.item(0).getTextContent().strip();
                if (expression.matches("\\$\\{[^}]+}") && !shown.contains("User Property : " + expression.substring(2, expression.length() - 1))) {
                    missing.add(goal + ": user property of <" + name + ">");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static Set<String> ids(String dom) {
        Set<String> out = new HashSet<>();
        Matcher m = ID.matcher(dom);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }
}
