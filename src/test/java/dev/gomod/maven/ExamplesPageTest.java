package dev.gomod.maven;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The site's Examples page is the invoker ITs of {@code src/it}, each with its POM's description and
 * its Maven runs: derived from them here, so that a new or changed IT shows up on the page (the
 * failure prints the page as it should read; write it to src/site/markdown/examples.md).
 */
class ExamplesPageTest {
    private static final Path PAGE = Path.of("src/site/markdown/examples.md");
    private static final String HEADER = """
            # Examples

            Every directory of `src/it` is a small Maven project that the invoker ITs build under Maven 3.8.7,
            3.9.11 and 4.0.0-rc-4 in `mvn verify`, its result checked by its `verify.groovy`: each is an example
            you can run (`mvn -o -B verify -Dinvoker.test=<name>` from the repository, see CONTRIBUTING.md). The
            commands are the ITs' own, one Maven run a line; a run the example expects to fail says so.
            This page is held to `src/it` by `ExamplesPageTest`.
            """;

    @Test
    void theExamplesPageListsEveryInvokerItWithItsDescriptionAndRuns() throws IOException {
        String expected = page(Path.of("src/it"));
        String actual = Files.readString(PAGE, StandardCharsets.UTF_8);
        assertEquals(expected, actual, "src/site/markdown/examples.md does not match src/it; it should read:\n" + expected);
    }

    static String page(Path its) throws IOException {
        StringBuilder b = new StringBuilder(HEADER);
        List<Path> dirs;
        try (Stream<Path> s = Files.list(its)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList();
        }
        for (Path d : dirs) {
            Matcher m = Pattern.compile("<description>(.*?)</description>", Pattern.DOTALL).matcher(Files.readString(d.resolve("pom.xml")));
            // as text, not markup: a description may say gomod.<goal>.skip
            String description = m.find() ? unescape(m.group(1).strip().replaceAll("\\s+", " ")).replace("<", "&lt;").replace(">", "&gt;") : "";
            Properties p = new Properties();
            Path props = d.resolve("invoker.properties");
            if (Files.isRegularFile(props)) {
                p.load(new StringReader(Files.readString(props)));
            }
            // invoker.goals, or invoker.goals.1, .2, … with invoker.buildResult(.N) = failure for runs meant to fail
            TreeMap<Integer, String> runs = new TreeMap<>();
            if (p.containsKey("invoker.goals")) {
                runs.put(0, run(p.getProperty("invoker.goals"), p.getProperty("invoker.buildResult")));
            }
            for (String k : p.stringPropertyNames()) {
                Matcher n = Pattern.compile("invoker\\.goals\\.(\\d+)").matcher(k);
                if (n.matches()) {
                    runs.put(Integer.parseInt(n.group(1)), run(p.getProperty(k), p.getProperty("invoker.buildResult." + n.group(1))));
                }
            }
            if (runs.isEmpty()) {
                runs.put(0, run("verify", p.getProperty("invoker.buildResult")));
            }
            b.append("\n## ").append(d.getFileName()).append("\n\n").append(description).append("\n\n```sh\n");
            runs.values().forEach(r -> b.append(r).append('\n'));
            b.append("```\n");
        }
        return b.toString();
    }

    private static String run(String goals, String result) {
        return "mvn " + goals.strip() + ("failure".equals(result == null ? null : result.strip()) ? "    # fails, as the example expects" : "");
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }

    /** Writes the page as it should read: {@code java … ExamplesPageTest} from the project directory. */
    public static void main(String[] args) throws IOException {
        Files.writeString(PAGE, page(Path.of("src/it")), StandardCharsets.UTF_8);
    }
}
