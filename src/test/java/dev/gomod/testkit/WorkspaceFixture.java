package dev.gomod.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Go workspace of four modules over {@link GraphFixture}'s proxy, shaped like a monorepo: go.work
 * uses {@code ./api ./app ./lib ./tools}; app needs api and tools, api needs lib, through directory
 * replacements between siblings (as etcd does); lib and api share {@code github.com/Acme/Core}; tools
 * alone needs the eight-module chain and the fork of example.com/old, which go.work also replaces;
 * app alone needs the licensed module. Each module is tidied on its own (GOWORK=off), as a developer
 * does before adding go.work.
 */
public final class WorkspaceFixture {
    public static final List<String> MODULES = List.of("api", "app", "lib", "tools");

    private WorkspaceFixture() {
    }

    /** The proxy, an isolated go on it, and the workspace directory (holding go.work). */
    public record Workspace(FileGoProxy proxy, IsolatedGo go, Path dir) {
    }

    public static Workspace tidied(Path root) throws IOException {
        FileGoProxy proxy = new FileGoProxy(root.resolve("proxy")).publish(GraphFixture.proxyModules().toArray(TestModule[]::new));
        IsolatedGo go = new IsolatedGo(root.resolve("go"), proxy.url());
        Path ws = root.resolve("ws");
        write(ws);
        go.set("GOWORK", "off");
        for (String m : List.of("lib", "api", "tools", "app")) {
            go.run(ws.resolve(m), "mod", "tidy").ok();
        }
        go.set("GOWORK", ws.resolve("go.work").toString());
        return new Workspace(proxy, go, ws);
    }

    /** Writes go.work and the four modules, before tidy. */
    public static void write(Path ws) throws IOException {
        module(ws, "lib", "", "package lib\n\nimport core \"github.com/Acme/Core\"\n\n// Answer asks the core.\nfunc Answer() int64 { return core.Answer() }\n");
        module(ws, "api", "require example.com/ws/lib v0.0.0\n\nreplace example.com/ws/lib => ../lib\n",
                "package api\n\nimport (\n\tcore \"github.com/Acme/Core\"\n\t\"example.com/mixed/v2\"\n\t\"example.com/ws/lib\"\n)\n\n"
                        + "// V adds them up.\nfunc V() int64 { return lib.Answer() + core.Answer() + int64(mixed.V) }\n");
        module(ws, "tools", "replace example.com/old v1.0.0 => example.com/fork v1.0.1\n",
                "package tools\n\nimport (\n\t_ \"example.com/chain/c1\"\n\t\"example.com/old\"\n)\n\n// Who is the fork.\nconst Who = old.Who\n");
        module(ws, "app", "require (\n\texample.com/ws/api v0.0.0\n\texample.com/ws/tools v0.0.0\n)\n\n"
                        + "replace (\n\texample.com/ws/api => ../api\n\texample.com/ws/lib => ../lib\n\texample.com/ws/tools => ../tools\n)\n",
                "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/licensed/sub/pkg\"\n\t\"example.com/ws/api\"\n\t\"example.com/ws/tools\"\n)\n\n"
                        + "func main() { fmt.Println(api.V(), tools.Who, pkg.Licensed) }\n");
        Files.writeString(ws.resolve("go.work"), "go 1.22\n\nuse (\n\t./api\n\t./app\n\t./lib\n\t./tools\n)\n\n"
                + "replace example.com/old v1.0.0 => example.com/fork v1.0.1\n");
    }

    private static void module(Path ws, String name, String goModTail, String source) throws IOException {
        Path dir = Files.createDirectories(ws.resolve(name));
        Files.writeString(dir.resolve("go.mod"), "module example.com/ws/" + name + "\n\ngo 1.22\n" + (goModTail.isEmpty() ? "" : "\n" + goModTail));
        Files.writeString(dir.resolve(name.equals("app") ? "main.go" : name + ".go"), source);
    }
}
