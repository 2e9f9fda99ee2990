package dev.gomod.gotool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * git's {@code url.<base>.insteadOf = <prefix>} rules: go hands git a URL ({@code git ls-remote
 * https://git.corp.example/team/lib}), and git connects wherever the user's git config rewrites it
 * to (often ssh, or a mirror). A probe of go's direct fetches must go where git will, so it reads
 * the same rules and applies them as git does: the longest matching prefix wins, and it is replaced
 * by its base. No library reads git config for us without a repository, so {@code git config} itself
 * is asked.
 */
public final class GitUrlRewrites {
    /** No rules: every URL is used as it is. */
    public static final GitUrlRewrites NONE = new GitUrlRewrites(Map.of());

    private final Map<String, String> baseByPrefix;

    private GitUrlRewrites(Map<String, String> baseByPrefix) {
        this.baseByPrefix = Map.copyOf(baseByPrefix);
    }

    /** From {@code git config --get-regexp '^url\..*\.insteadof$'}'s output: {@code url.<base>.insteadof <prefix>} lines. */
    public static GitUrlRewrites parse(String configLines) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (String line : configLines.split("\n")) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String key = line.substring(0, space);
            String lower = key.toLowerCase(java.util.Locale.ROOT);
            if (!lower.startsWith("url.") || !lower.endsWith(".insteadof")) {
                continue;
            }
            // the subsection (the base) keeps its case; a later rule for the same prefix wins, as in git
            rules.put(line.substring(space + 1).strip(), key.substring(4, key.length() - ".insteadof".length()));
        }
        return new GitUrlRewrites(rules);
    }

    /**
     * The rules the git on the PATH would apply under {@code env} (its global and system config:
     * {@code GIT_CONFIG_GLOBAL}, {@code HOME}, {@code GIT_CONFIG_COUNT} entries); none when there is no
     * git, or it does not answer within {@code timeoutMillis}.
     */
    public static GitUrlRewrites read(Map<String, String> env, long timeoutMillis) {
        ProcessBuilder pb = new ProcessBuilder("git", "config", "--get-regexp", "^url\\..*\\.insteadof$");
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectErrorStream(false);
        pb.directory(new java.io.File(System.getProperty("java.io.tmpdir"))); // no repository's config: go runs git outside them too
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) { // a few rules: they fit in the pipe while git runs
                p.destroyForcibly();
                return NONE;
            }
            byte[] out = p.getInputStream().readAllBytes();
            return p.exitValue() == 0 ? parse(new String(out, StandardCharsets.UTF_8)) : NONE; // 1: no such rule
        } catch (IOException e) {
            return NONE; // no git: go cannot fetch from a git host either, and says so itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NONE;
        }
    }

    /** The URL git connects to for {@code url}. */
    public String rewrite(String url) {
        String best = null;
        for (String prefix : baseByPrefix.keySet()) {
            if (url.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? url : baseByPrefix.get(best) + url.substring(best.length());
    }

    public boolean isEmpty() {
        return baseByPrefix.isEmpty();
    }
}
