package dev.gomod.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A fresh {@code mvn} process, as a user runs it, its output kept in a log file. */
public final class MavenRun {
    /** The exit code and everything mvn printed. */
    public record Result(int exit, String output) {
    }

    private MavenRun() {
    }

    public static Result run(Path cwd, Path log, List<String> args) throws IOException, InterruptedException {
        return run(cwd, log, args, java.util.Map.of());
    }

    /** With these environment variables changed (say a PATH with no go on it). */
    public static Result run(Path cwd, Path log, List<String> args, java.util.Map<String, String> env) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B"));
        cmd.addAll(args);
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("MAVEN_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " did not finish in 10 minutes; see " + log);
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
