package dev.gomod.gotool;

import dev.gomod.Reporter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs {@code go} with a prepared environment. Every run has a timeout after which the whole process
 * tree is killed; failures that look like a flaky network are retried with exponential backoff; go's
 * output streams, masked, to the log as it comes.
 */
public final class GoCommand {
    /** What a successful run printed. */
    public record Result(String stdout, String stderr) {
    }

    /** Connection problems and 5xx/429 answers from a proxy: worth another try. Anything else fails at once. */
    static final Pattern TRANSIENT = Pattern.compile("(?i)(connection refused|connection reset|i/o timeout|"
            + "tls handshake timeout|unexpected eof|server misbehaving|timeout awaiting response headers|"
            + "temporary failure in name resolution|: 50[0-4] [A-Z]|: 429 [A-Z])");

    private static final int MAX_CAPTURE = 4 << 20;

    private final String executable;
    private final GoEnvironment environment;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;
    private final Reporter reporter;
    private final FetchTrace trace;

    /**
     * A check that must pass before go first runs a command that may reach the network (anything
     * but {@code go env} and {@code go version}), so that a goal with nothing to fetch (a vendor/
     * that already matches the lock) is not failed by a host it would never ask. Run once for this
     * command and every copy of it; a failure is thrown again by every later run.
     */
    public interface Preflight {
        void check() throws GoException;
    }

    /** Runs a preflight once, whichever copy of the command asks first, and remembers the outcome. */
    private static final class Once {
        private final Preflight check;
        private boolean done;
        private GoException failed;

        Once(Preflight check) {
            this.check = check;
        }

        synchronized void run() throws GoException {
            if (!done) {
                done = true;
                try {
                    check.check();
                } catch (GoException e) {
                    failed = e;
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }

    private final Once once;

    /** @param reporter gets go's output lines, masked, and the retry warnings */
    public GoCommand(String executable, GoEnvironment environment, Duration timeout, int retries, Duration backoff, Reporter reporter) {
        this(executable, environment, timeout, retries, backoff, reporter, null, null);
    }

    private GoCommand(String executable, GoEnvironment environment, Duration timeout, int retries, Duration backoff, Reporter reporter,
                      FetchTrace trace, Once once) {
        this.executable = executable;
        this.environment = environment;
        this.timeout = timeout;
        this.retries = Math.max(0, retries);
        this.backoff = backoff;
        this.reporter = reporter;
        this.trace = trace;
        this.once = once;
    }

    /** The same command, with {@code check} run once before go first runs a command that may reach the network. */
    public GoCommand preflight(Preflight check) {
        return new GoCommand(executable, environment, timeout, retries, backoff, reporter, trace, new Once(check));
    }

    /**
     * The same command recording every request its {@code go mod download} and {@code go list -m}
     * make (run with {@code -x}) into {@code trace}, whose lines are then kept out of the log.
     */
    public GoCommand traced(FetchTrace trace) {
        return new GoCommand(executable, environment, timeout, retries, backoff, reporter, trace, once);
    }

    /** The go executable this command runs. */
    public String executable() {
        return executable;
    }

    public GoEnvironment environment() {
        return environment;
    }

    /** The same command with one variable changed, leaving this one as it is. */
    public GoCommand with(String key, String value) {
        GoEnvironment env = environment.copy().set(key, value);
        return new GoCommand(executable, env, timeout, retries, backoff, reporter, trace, once);
    }

    /** The running Go's release, e.g. {@code go1.19.8}. */
    public String goVersion(Path dir) throws GoException {
        return run(dir, "env", "GOVERSION").stdout().strip();
    }

    /**
     * Runs {@code go args...} in {@code dir}, retrying transient failures. Before a retry the GOPROXY
     * chain is a circuit: an http(s) entry go's output shows failing (5xx, 429, a time-out) is left
     * out of the retry, as long as another entry remains, so the retry does not hit the same dead
     * mirror; where a {@code ,} after it stopped go's chain, the warning says to write {@code |}.
     */
    public Result run(Path dir, String... args) throws GoException {
        if (once != null && args.length > 0 && !args[0].equals("env") && !args[0].equals("version")) {
            once.run();
        }
        GoException last = null;
        GoCommand current = this;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                long wait = backoff.toMillis() << (attempt - 1);
                reporter.warn(describe(args) + " hit a transient network error (attempt " + attempt + " of " + (retries + 1)
                        + "); retrying in " + wait + " ms: " + firstTransientLine(last.output()));
                current = current.withoutFailedProxies(last.output());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw last;
                }
            }
            try {
                return current.runOnce(dir, args);
            } catch (GoException e) {
                if (e.kind() != GoException.Kind.TRANSIENT) {
                    throw e;
                }
                last = e;
            }
        }
        throw new GoException(GoException.Kind.TRANSIENT, last.getMessage() + "\n(gave up after " + (retries + 1)
                + " attempts)", last.exitCode(), last.output());
    }

    /** This command, its GOPROXY without the entries {@code goOutput} shows failing, when any other entry remains. */
    private GoCommand withoutFailedProxies(String goOutput) {
        GoProxyList list = environment.goproxy();
        List<GoProxyList.Failure> failed = list.failures(goOutput);
        if (failed.isEmpty()) {
            return this;
        }
        java.util.Set<GoProxyList.Entry> out = new java.util.HashSet<>();
        failed.forEach(f -> out.add(f.entry()));
        GoProxyList rest = list.filter(e -> !out.contains(e));
        if (rest.entries().stream().noneMatch(e -> !e.value().equals("off"))) {
            return this; // nothing would be left to ask
        }
        SecretMasker masker = environment.masker();
        for (GoProxyList.Failure f : failed) {
            int i = list.entries().indexOf(f.entry());
            String next = i + 1 < list.entries().size() ? list.entries().get(i + 1).value() : null;
            reporter.warn("GOPROXY entry " + masker.mask(f.entry().value()) + " failed (" + masker.mask(f.said()) + "): the retry leaves it out"
                    + (f.stoppedTheChain() && next != null ? ". After a ',' go falls through to the next entry only on 404 and 410, so this"
                    + " stopped the whole fetch; write '" + masker.mask(f.entry().value()) + "|" + masker.mask(next)
                    + "' to fall through on any error" : ""));
        }
        return with("GOPROXY", rest.toString());
    }

    private Result runOnce(Path dir, String... args) throws GoException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.addAll(List.of(args));
        if (trace != null && args.length > 0) {
            // -x makes go print each request it makes; only where every Go from 1.19 takes it and it prints little else
            if (args[0].equals("mod") && args.length > 1 && args[1].equals("download")) {
                cmd.add(3, "-x");
            } else if (args[0].equals("list") && List.of(args).contains("-m")) {
                cmd.add(2, "-x");
            }
        }
        SecretMasker masker = environment.masker();
        try (GoEnvironment.Prepared env = prepare()) {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
            pb.environment().clear();
            pb.environment().putAll(env.env());
            pb.redirectInput(ProcessBuilder.Redirect.PIPE);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new GoException(GoException.Kind.NOT_STARTED, "cannot run '" + executable + "': " + e.getMessage(), -1, "");
            }
            p.getOutputStream().close();
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            Thread o = pump(p.getInputStream(), out, false);
            Thread e = pump(p.getErrorStream(), err, true);
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                killTree(p);
            }
            o.join(5000);
            e.join(5000);
            String combined = masker.mask(err + (out.length() > 0 ? "\n" + out : ""));
            if (!done) {
                throw new GoException(GoException.Kind.TIMED_OUT, describe(args) + " timed out after " + timeout.toSeconds()
                        + " s in " + dir + "; the go process and its children were killed" + tail(combined),
                        -1, combined);
            }
            int exit = p.exitValue();
            if (exit != 0) {
                GoException.Kind kind = TRANSIENT.matcher(err).find() ? GoException.Kind.TRANSIENT : GoException.Kind.FAILED;
                throw new GoException(kind, describe(args) + " failed (exit " + exit + ") in " + dir + tail(combined), exit, combined);
            }
            return new Result(out.toString(), masker.mask(err.toString()));
        } catch (IOException ex) {
            throw new GoException(GoException.Kind.NOT_STARTED, describe(args) + ": " + masker.mask(ex.getMessage()), -1, "");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new GoException(GoException.Kind.TIMED_OUT, describe(args) + " was interrupted", -1, "");
        }
    }

    private GoEnvironment.Prepared prepare() throws GoException {
        try {
            return environment.prepare();
        } catch (IOException e) {
            throw new GoException(GoException.Kind.NOT_STARTED, "cannot write the credentials file for go: " + e.getMessage(), -1, "");
        }
    }

    private Thread pump(InputStream in, StringBuilder capture, boolean stderr) {
        SecretMasker masker = environment.masker();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (stderr && trace != null && trace.accept(masker.mask(line))) {
                        continue;
                    }
                    synchronized (capture) {
                        if (capture.length() < MAX_CAPTURE) {
                            capture.append(line).append('\n');
                        }
                    }
                    reporter.go(masker.mask(line), stderr);
                }
            } catch (IOException ignored) {
                // the process was killed; what was read is kept
            }
        }, "gomod-go-" + (stderr ? "err" : "out"));
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Kills go and everything it started (compilers, VCS tools), children first. */
    private static void killTree(Process p) throws InterruptedException {
        List<ProcessHandle> tree = p.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle h : tree) {
            h.onExit().completeOnTimeout(h, 5, TimeUnit.SECONDS).join();
        }
    }

    private static String describe(String... args) {
        return "go " + String.join(" ", args);
    }

    private static String tail(String output) {
        if (output.isBlank()) {
            return "";
        }
        List<String> lines = output.strip().lines().toList();
        List<String> last = lines.subList(Math.max(0, lines.size() - 30), lines.size());
        return ":\n  " + String.join("\n  ", last);
    }

    private static String firstTransientLine(String output) {
        return output.lines().filter(l -> TRANSIENT.matcher(l).find()).findFirst().orElse("").strip();
    }
}
