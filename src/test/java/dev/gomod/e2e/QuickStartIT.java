package dev.gomod.e2e;

import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.MavenRun;
import dev.gomod.workspace.DirectorySwap;
import org.codehaus.plexus.util.cli.CommandLineUtils;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md's quick start, literally: its POM beside the example's Go sources, its three commands in
 * order (developer, release pipeline, agent), with only what a test must add: where the repository is
 * (a file:// one instead of nexus.example.com), the local repository, and an isolated Go. The agent
 * starts with an empty local repository and reaches only its mirror, which holds the release and the
 * plugin's closure imported as the README says: nothing comes from Maven Central.
 */
class QuickStartIT {
    private static final Path README = Path.of("README.md").toAbsolutePath();

    private static final String SNAPSHOTS = "<profiles><profile><id>snapshots</id>"
            + "<repositories><repository><id>central</id><url>https://central</url><snapshots><enabled>true</enabled></snapshots></repository></repositories>"
            + "<pluginRepositories><pluginRepository><id>central</id><url>https://central</url><snapshots><enabled>true</enabled></snapshots>"
            + "</pluginRepository></pluginRepositories></profile></profiles><activeProfiles><activeProfile>snapshots</activeProfile></activeProfiles>";

    @Test
    void theQuickStartDeploysAndTheAgentRestoresAndBuilds() throws Exception {
        IsolatedGo.requireGo();
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String quickStart = readme.substring(readme.indexOf("## Quick start"));
        String pom = block(quickStart, "```xml\n");
        assertTrue(pom.contains("<version>" + System.getProperty("plugin.version") + "</version>"),
                "the quick start's POM names another plugin version than this build's");
        List<String> commands = block(quickStart.substring(quickStart.indexOf("Who runs what")), "```sh\n").lines()
                .filter(l -> l.startsWith("mvn ")).toList();
        assertEquals(3, commands.size(), commands.toString());

        Path root = Path.of(System.getProperty("e2e.dir", "target/e2e")).toAbsolutePath().resolve("quickstart");
        DirectorySwap.deleteTree(root);
        Path example = Path.of(System.getProperty("example.dir", "examples/hello-service")).toAbsolutePath();
        Path developer = Files.createDirectories(root.resolve("developer"));
        for (String f : List.of("go.mod", "go.sum", "main.go")) {
            Files.copy(example.resolve(f), developer.resolve(f));
        }
        Files.writeString(developer.resolve("pom.xml"), pom);
        Path repository = root.resolve("repository");
        Path localRepo = Path.of(System.getProperty("it.localRepo")).toAbsolutePath();

        // the developer's machine and the release pipeline reach a Go module proxy: here the example's file:// one
        Map<String, String> go = new HashMap<>(Map.of("GOPROXY", "file://" + example.resolve("goproxy"), "GOSUMDB", "off", "GOENV", "off",
                "GOFLAGS", "-modcacherw", "GOMODCACHE", root.resolve("modcache").toString(), "GOCACHE", root.resolve("gocache").toString(),
                "GOPATH", root.resolve("gopath").toString()));
        MavenRun.Result dev = mvn(developer, root.resolve("logs/1-developer.log"), commands.get(0), List.of(), localRepo, go);
        assertEquals(0, dev.exit(), dev.output());
        assertTrue(Files.isRegularFile(developer.resolve("gomod.lock")), dev.output());

        // the release pipeline checks out what the developer committed; the repository is a file:// one here
        Path release = checkout(developer, root.resolve("release"));
        MavenRun.Result rel = mvn(release, root.resolve("logs/2-release.log"), commands.get(1),
                List.of("-DaltDeploymentRepository=releases::default::file://" + repository), localRepo, go);
        assertEquals(0, rel.exit(), rel.output());
        assertTrue(rel.output().contains("gomod.lock unchanged"), rel.output());
        Path deployed = repository.resolve("com/example/hello-service/1.0.0");
        assertTrue(Files.isRegularFile(deployed.resolve("hello-service-1.0.0-go-vendor.tar.gz")), rel.output());
        assertTrue(Files.isRegularFile(deployed.resolve("hello-service-1.0.0-go-cyclonedx.json")), rel.output());
        DirectorySwap.deleteTree(localRepo.resolve("com/example/hello-service")); // deploy installed it too: the agent must fetch it

        // the repository manager the agent sees holds the release and the plugin's closure, imported as the README says:
        // the plugin as its publisher deployed it, and what one run of it resolved from Maven Central into an empty local repository
        Path published = root.resolve("plugin-release");
        MavenRun.Result deploy = MavenRun.run(root, root.resolve("logs/0-publish-plugin.log"), List.of("deploy:deploy-file",
                "-Dfile=" + System.getProperty("plugin.jar"), "-DpomFile=" + System.getProperty("plugin.pom"), "-Durl=file://" + published,
                "-DrepositoryId=plugin-release", "-Dmaven.repo.local=" + localRepo));
        assertEquals(0, deploy.exit(), deploy.output());
        Path importSettings = root.resolve("import-settings.xml");
        Files.writeString(importSettings, "<settings><profiles><profile><id>plugin</id><pluginRepositories><pluginRepository><id>plugin-release</id>"
                + "<url>file://" + published + "</url></pluginRepository></pluginRepositories></profile></profiles>"
                + "<activeProfiles><activeProfile>plugin</activeProfile></activeProfiles></settings>");
        Path imported = root.resolve("import-local");
        MavenRun.Result closure = MavenRun.run(root, root.resolve("logs/0-import.log"), List.of("-s", importSettings.toString(),
                "-Dmaven.repo.local=" + imported, "dev.gomod:gomod-maven-plugin:" + System.getProperty("plugin.version") + ":help"));
        assertEquals(0, closure.exit(), closure.output());
        Path manager = root.resolve("repository-manager");
        for (Path from : List.of(imported, published, repository)) {
            copyTree(from, manager);
        }

        // the agent: a checkout, an empty local repository, the settings.xml mirror (to the repository manager), no Go module proxy
        Path agent = checkout(developer, root.resolve("agent"));
        Path settings = root.resolve("agent-settings.xml");
        // the plugin under test is a SNAPSHOT, which a mirror of Maven Central does not serve unless snapshots are enabled:
        // the usual profile for that is the one thing added (a released plugin needs none)
        Files.writeString(settings, block(quickStart.substring(quickStart.indexOf("The agent's `~/.m2/settings.xml`")), "```xml\n")
                .replace("https://nexus.example.com/repository/maven-public/", "file://" + manager)
                .replace("</settings>", SNAPSHOTS + "</settings>"));
        Map<String, String> offline = new HashMap<>(go);
        offline.put("GOPROXY", "https://proxy.invalid");
        offline.put("GOMODCACHE", root.resolve("agent-modcache").toString());
        MavenRun.Result ag = mvn(agent, root.resolve("logs/3-agent.log"), commands.get(2), List.of("-s", settings.toString()),
                root.resolve("agent-local"), offline);
        assertEquals(0, ag.exit(), ag.output());
        assertTrue(ag.output().contains("Downloaded from internal: file://" + manager + "/dev/gomod/gomod-maven-plugin/"), ag.output());
        assertTrue(ag.output().contains("Downloaded from internal: file://" + manager + "/org/apache/commons/commons-compress/"), ag.output());
        assertFalse(ag.output().contains("https://repo.maven.apache.org"), "the agent reached Maven Central:\n" + ag.output());
        assertTrue(ag.output().contains("Downloaded from internal: file://" + manager + "/com/example/hello-service/1.0.0/"), ag.output());
        assertTrue(ag.output().contains("vendor/ restored from hello-service-1.0.0-go-vendor.tar.gz") && ag.output().contains("matches gomod.lock"),
                ag.output());
        assertFalse(Files.exists(root.resolve("agent-modcache/cache/download/example.com")), "the agent downloaded modules");
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path d = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The text of the first fenced block that opens with {@code fence} in {@code text}. */
    private static String block(String text, String fence) {
        int start = text.indexOf(fence) + fence.length();
        return text.substring(start, text.indexOf("```", start));
    }

    private static Path checkout(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        for (String f : List.of("pom.xml", "go.mod", "go.sum", "main.go", "gomod.lock")) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
        return to;
    }

    /** The README's command line, as a shell splits it, with what the test adds. */
    private static MavenRun.Result mvn(Path dir, Path log, String command, List<String> extra, Path localRepo, Map<String, String> env)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(CommandLineUtils.translateCommandline(command)));
        args.remove(0); // mvn
        args.addAll(extra);
        args.add("-Dmaven.repo.local=" + localRepo);
        return MavenRun.run(dir, log, args, env);
    }
}
