package dev.gomod.maven;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin descriptor plugin-tools generated (process-classes, before the tests): one name per
 * setting, so that the {@code <configuration>} element a user writes is the property's name, and a
 * description for every parameter, which help and the goal pages show.
 */
class PluginDescriptorTest {
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    /** A parameter: its mojo, element name, user property (empty: none), description, whether deprecated. */
    private record Param(String goal, String name, String property, String description, boolean deprecated, String since) {
    }

    @Test
    void everyParameterIsNamedAsItsUserProperty() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Param p : parameters()) {
            if (p.property().isEmpty()) {
                continue;
            }
            // gomod.licensesAllow is <licensesAllow>; a goal's own skip, gomod.<goal>.skip, is <skip<Goal>> as skipTests is
            String expected = p.property().substring("gomod.".length());
            java.util.regex.Matcher goalSkip = java.util.regex.Pattern.compile("([a-z-]+)\\.skip").matcher(expected);
            if (goalSkip.matches()) {
                expected = "skip" + java.util.Arrays.stream(goalSkip.group(1).split("-"))
                        .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(java.util.stream.Collectors.joining());
            }
            if (!p.name().equals(expected)) {
                wrong.add(p.goal() + ": <" + p.name() + "> is set by " + p.property());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyParameterIsDescribedAndOldNamesAreDeprecated() throws Exception {
        List<String> undescribed = new ArrayList<>();
        List<String> deprecated = new ArrayList<>();
        for (Param p : parameters()) {
            if (p.description().isBlank()) {
                undescribed.add(p.goal() + ": " + p.name());
            }
            if (p.deprecated()) {
                deprecated.add(p.name());
                assertTrue(p.property().isEmpty(), p.name() + ": an old element name sets no property of its own");
            }
        }
        assertEquals(List.of(), undescribed);
        assertEquals(List.of(), parameters().stream().filter(p -> p.since().isBlank() && !p.goal().equals("help")).map(p -> p.goal() + ": " + p.name()).toList(),
                "every parameter of ours (help is generated) says since which version (@since), as its goal page shows");
        assertTrue(deprecated.containsAll(List.of("goWork", "modFile")), deprecated.toString());
    }

    private static List<Param> parameters() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(DESCRIPTOR));
        List<Param> out = new ArrayList<>();
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            Element configuration = child(mojo, "configuration");
            Element parameters = child(mojo, "parameters");
            if (parameters == null) {
                continue;
            }
            for (Node n = parameters.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element param) || !param.getTagName().equals("parameter") || !"true".equals(text(param, "editable"))) {
                    continue;
                }
                String name = text(param, "name");
                Element conf = configuration == null ? null : child(configuration, name);
                String expression = conf == null ? "" : conf.getTextContent().strip();
                String property = expression.matches("\\$\\{gomod\\.[^}]+}") ? expression.substring(2, expression.length() - 1) : "";
                out.add(new Param(goal, name, property, text(param, "description"), child(param, "deprecated") != null, text(param, "since")));
            }
        }
        assertTrue(out.size() > 50, "the descriptor lists the parameters: " + out.size());
        return out;
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? "" : e.getTextContent().strip();
    }

    /** Each goal's own skip is a declared parameter, so that help and the goal page show it beside gomod.skip. */
    @Test
    void everyGoalDeclaresItsOwnSkip() throws Exception {
        java.util.Set<String> goals = new java.util.TreeSet<>();
        java.util.Set<String> skips = new java.util.TreeSet<>();
        for (Param p : parameters()) {
            goals.add(p.goal());
            if (p.property().equals("gomod." + p.goal() + ".skip")) {
                skips.add(p.goal());
            }
        }
        goals.remove("help");
        assertEquals(goals, skips);
        assertTrue(goals.containsAll(List.of("verify", "freeze", "vendor", "package", "sbom", "restore", "install-go", "go")), goals.toString());
    }

    /**
     * The javadoc is each parameter's one description (help and the goal pages show it): README names
     * every goal's parameters, and describes none of them again in a table.
     */
    @Test
    void readmeNamesEveryParameterAndRepeatsNoDescription() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> unnamed = parameters().stream().filter(p -> !p.property().isEmpty() && !p.deprecated())
                .filter(p -> !readme.contains("`" + p.property() + "`")).map(p -> p.goal() + ": " + p.property()).distinct().toList();
        assertEquals(List.of(), unnamed, "README lists each goal's parameters by their user property");
        List<String> described = readme.lines().filter(l -> l.matches("^\\|\\s*`(gomod\\.|<)[^|]*`\\s*\\|.*")).toList();
        assertEquals(List.of(), described, "a README table repeats a parameter's description: it belongs in the @Parameter javadoc");
    }
}
