package dev.gomod.maven;

import dev.gomod.WorkspaceException;
import dev.gomod.archive.UnsafeArchiveException;
import dev.gomod.gotool.GoException;
import dev.gomod.gotool.ToolchainSelection;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to do about a failure, in the words of a Maven user: goals, properties, settings.xml. The
 * core states what went wrong (a reason and its facts); this is the one place that turns that into
 * advice, the way Jib's HelpfulSuggestions does, so that the core never names a goal or a property.
 */
final class Remedies {
    private Remedies() {
    }

    /** The failure's message and, on a line of its own, the remedy when there is one. */
    static String explain(Exception e, boolean offline) {
        String remedy = remedy(e, offline);
        return remedy.isEmpty() ? e.getMessage() : e.getMessage() + "\n" + remedy;
    }

    static String remedy(Exception e, boolean offline) {
        if (e instanceof WorkspaceException w) {
            return forWorkspace(w);
        }
        if (e instanceof GoException g) {
            return forGo(g, offline);
        }
        if (e instanceof UnsafeArchiveException u) {
            return u.limit().map(l -> "If the archive is genuine, raise " + switch (l) {
                case BYTES -> Property.MAX_BYTES;
                case ENTRIES -> Property.MAX_ENTRIES;
                case RATIO -> Property.MAX_RATIO;
            }).orElse("");
        }
        return "";
    }

    static String forWorkspace(WorkspaceException e) {
        return switch (e.reason()) {
            case DRIFT -> "If the change is intended, run 'mvn gomod:freeze' and commit " + e.fact("lock")
                    + "; otherwise restore go.mod/go.sum from git (and vendor/ with 'mvn gomod:vendor' or 'mvn gomod:restore')";
            case NOT_TIDY -> "Run 'go mod tidy' (or 'mvn gomod:freeze -D" + Property.TIDY + "=true') and commit go.mod and go.sum";
            case NO_VENDOR -> "Run 'mvn gomod:vendor' (or gomod:restore) first";
            case VENDOR_OUT_OF_SYNC -> "Run 'mvn gomod:vendor' to sync it";
            case LOCKED_BY_OTHER_GO -> "Use " + e.fact("go") + " (" + Property.GO + "=/path/to/go) or refresh the lock with 'mvn gomod:freeze'"
                    + " and commit " + e.fact("lock");
            case GO_TOO_OLD -> "Use Go " + e.fact("needs") + " or newer (" + Property.GO + "=/path/to/go)";
            case WRONG_KIND -> e.fact("found").equals("none")
                    ? "Point " + Property.ARTIFACT + " at a bundle that gomod:package made"
                    : "Restore it as what it is (-D" + Property.KIND + "=" + e.fact("found") + "), or point " + Property.ARTIFACT
                    + " at a " + e.fact("kind") + " bundle";
            case WRONG_MODULE -> "Check " + Property.ARTIFACT + ": it names another module's bundle";
            case OTHER_SOURCES -> "Restore the artifact of this commit's version (" + Property.ARTIFACT + ")";
            case TAMPERED -> "Nothing was changed. Do not build from it until you know where the other content came from: for an"
                    + " artifact, compare its sha256 with the one gomod:package logged in the release pipeline; for a download,"
                    + " the GOPROXY that served it and the module cache it went through";
            case NOT_PINNED -> "Pin it in the release pipeline: 'mvn gomod:freeze -D" + Property.BUNDLES + "=vendor,toolchain -D"
                    + Property.TOOLCHAIN_PLATFORMS + "=" + e.fact("what") + "', and commit " + e.fact("lock");
            case POLICY -> "The dependency policy is set by " + String.join(", ", Property.DENY, Property.ALLOW,
                    Property.REFUSE_PSEUDO_VERSIONS, Property.ALLOW_DIRECTORY_REPLACE) + "; the license policy by "
                    + String.join(", ", Property.LICENSES_ALLOW, Property.LICENSES_DENY, Property.LICENSES_UNKNOWN)
                    + " (SPDX ids; 'mvn gomod:sbom' lists what each module's license files say)";
            case LOCKED -> "The lock in git is not the one these inputs make. Freeze where you commit (without -D" + Property.LOCKED
                    + "=true), commit " + e.fact("lock") + " with go.mod and go.sum, and run this pipeline again";
            case UNLISTED_PLATFORM -> "Set " + Property.TOOLCHAIN_PLATFORMS + " to platforms it lists (" + e.fact("platforms")
                    + "), or use a GOPROXY that serves the others";
            case VULNERABLE -> "Upgrade each module to its fixed version (go get <module>@<fixed>, then 'mvn gomod:freeze'), or"
                    + " record an exception in " + dev.gomod.audit.AuditExceptions.FILE + " (" + Property.AUDIT_EXCEPTIONS + "); " + Property.AUDIT_FAIL_ON
                    + " (required, imported, none) sets which findings fail the build (now: " + e.fact("failOn") + ")";
            case OUTDATED -> "Restore a newer database (mvn gomod:restore -D" + Property.KIND + "=vulndb from a newer release, "
                    + "freeze again with vulndb in " + Property.BUNDLES + ", or audit against the newest published one with -D"
                    + Property.VULNDB_ARTIFACT + "=<groupId>:<artifactId>), or raise " + Property.VULNDB_MAX_AGE;
            case UNSAFE_CONTENT -> "";
        };
    }

    static String forGo(GoException e, boolean offline) {
        String remedy = switch (e.kind()) {
            case NOT_STARTED -> "Install Go, or point " + Property.GO + " at the go executable";
            case TIMED_OUT -> "If go needs longer, raise " + Property.TIMEOUT + " (seconds)";
            case TRANSIENT -> Property.RETRIES + " and " + Property.RETRY_BACKOFF + " set how often, and how patiently, network failures are retried";
            case FAILED -> "";
        };
        if (offline && e.output().contains("GOPROXY=off")) {
            remedy = (remedy.isEmpty() ? "" : remedy + "\n") + "Maven is offline (-o): go may use only the module cache and file:// proxies,"
                    + " and the module cache lacks what go needs. Fill it online first (the same goal without -o), or restore a go-modcache bundle.";
        }
        String said = forWhatGoSaid(e.output());
        if (!said.isEmpty()) {
            remedy = (remedy.isEmpty() ? "" : remedy + "\n") + said;
        }
        return remedy;
    }

    private static final Pattern AUTH = Pattern.compile("reading (https?://[^\\s/]+)\\S*: (401 Unauthorized|403 Forbidden)");
    private static final Pattern GONE = Pattern.compile("reading (https?://[^\\s/]+)\\S*: (404 Not Found|410 Gone)");

    /** The remedy for each way go says a module could not be had, in go's words as the trigger. */
    static String forWhatGoSaid(String output) {
        List<String> out = new ArrayList<>();
        Matcher auth = AUTH.matcher(output);
        if (auth.find()) {
            out.add(auth.group(1) + " answered " + auth.group(2) + ": it wants credentials go did not have, or refused the ones sent."
                    + " Put them in a settings.xml <server> whose id is the host name (or name it with " + Property.SERVER_ID
                    + "); the plugin hands them to go in a private netrc. Check that the user may read this repository.");
        }
        Matcher gone = GONE.matcher(output);
        if (gone.find()) {
            out.add(gone.group(1) + " answered " + gone.group(2) + ": it does not have that module or version. A private module should"
                    + " come from its own host: add its path to " + Property.GOPRIVATE + " (go then fetches it directly, and asks no"
                    + " checksum database about it); otherwise check the version in go.mod.");
        }
        if (output.contains("no matching versions for query")) {
            out.add("No version of the module matches go.mod's requirement (or the query): check the version, and whether the"
                    + " GOPROXY chain serves the module at all (a private one belongs in " + Property.GOPRIVATE + ").");
        }
        if (output.contains("unknown revision")) {
            out.add("The module's repository has no such tag or commit: check the version in go.mod; for a private host, check that the"
                    + " GOPRIVATE pattern (" + Property.GOPRIVATE + ") covers it and that git can read it (a settings.xml <server> whose id"
                    + " is the host name gives git its credentials).");
        }
        if (output.contains("terminal prompts disabled")) {
            out.add("git wanted a password and may not ask for one: give the host's credentials in a settings.xml <server> whose id is the"
                    + " host name; the plugin hands them to git (a credential store of its own, beside the user's helpers) and to go (a netrc).");
        }
        if (output.contains("no secure protocol found for repository")) {
            out.add("go fetches this module straight from its host and found no secure way there (https, ssh): if the host serves only"
                    + " git:// or plain http, name the module path in " + Property.GOINSECURE + "; if git reaches it another way, say so in git's"
                    + " config (url.<base>.insteadOf); if it wants a password (go then tries https only), give it in a settings.xml <server>"
                    + " whose id is the host name, which the plugin hands to git; if a GOPROXY serves it after all, take it out of "
                    + Property.GOPRIVATE + " / " + Property.GONOPROXY + ".");
        } else if (output.contains("no protocol found for repository")) {
            out.add("go fetches this module straight from its host and no way there answered (" + Property.GOINSECURE + " allows git:// and"
                    + " http too): check that the host is up and reachable from here ('git ls-remote <url>'), or that git's config rewrites"
                    + " its URL where it is (url.<base>.insteadOf).");
        }
        if (output.contains("checksum mismatch") || output.contains("SECURITY ERROR")) {
            out.add("The bytes go got do not match go.sum (or the checksum database): do not edit go.sum to match. Find who served them"
                    + " (target/gomod/fetch-trace.txt), remove the module from the module cache (go clean -modcache, or its directory), and"
                    + " fetch again from a source you trust.");
        }
        return String.join("\n", out);
    }

    /** A go.mod that needs a newer Go than GOTOOLCHAIN lets run. */
    static String toolchainRefused(ToolchainSelection.Decision d) {
        return "Ways out: point " + Property.GO + " at a Go " + d.requirement().map(r -> r.version().toString()).orElse("")
                + " or newer (-D" + Property.GO + "=/path/to/go); or let go fetch that toolchain through GOPROXY with -D"
                + Property.GOTOOLCHAIN + "=auto (online only)"
                + (d.requirement().map(r -> r.directive().equals("toolchain")).orElse(false)
                ? "; or drop the toolchain line from go.mod if the project does not need that Go" : "");
    }

    /** The checksum database go will need cannot be reached. */
    static String checksumDatabaseUnreachable(String name, String problem, int lacking, String example, String goSum) {
        return "the checksum database " + name + " (GOSUMDB) cannot be reached: " + problem + ". go needs it for " + lacking
                + " requirement(s) " + goSum + " lacks (" + example + (lacking > 1 ? ", …" : "") + "), so it would fail after its own"
                + " time-outs; go was not started.\nWays out: a mirror of the database (-D" + Property.GOSUMDB + "=\"" + name
                + "+<key> https://<mirror>\", or a GOPROXY that serves /sumdb/" + name + "/); " + Property.GONOSUMDB
                + " for private module paths; or a complete " + goSum + " (run 'go mod tidy' where the database answers, and commit it)."
                + " The plugin never turns the checksum database off for you.";
    }

    /** A host go would fetch modules from directly is down, refuses every way go tries, or never answers. */
    static String directHostUnreachable(String whyDirect) {
        return "go fetches it directly because " + whyDirect + ".\nWays out: check that the host is up and reachable from here"
                + " ('git ls-remote <url>' with the URL above); if it speaks only git:// or plain http, name the path in " + Property.GOINSECURE
                + "; if git reaches it another way (ssh, a mirror), say so in git's config (url.<base>.insteadOf), which the probe and git"
                + " both follow; if a GOPROXY serves the module, take it out of the pattern; " + Property.PROXY_PROBE_TIMEOUT
                + " sets how long the probe waits (0 turns it off).";
    }

    /** After the GOPROXY probe dropped entries. */
    static String probeSkipped(long timeoutMillis) {
        return "the probe waits " + timeoutMillis + " ms for each GOPROXY entry (" + Property.PROXY_PROBE_TIMEOUT + "; 0 turns the probe off)";
    }

    /** A report with no SBOM to draw from. */
    static String noSbomForReport(java.nio.file.Path sbom) {
        return "no SBOM at " + sbom + ": gomod:report draws the page from it. Run 'mvn package gomod:report' where the plugin's"
                + " executions bind gomod:sbom (or 'mvn gomod:vendor gomod:sbom gomod:report'), or 'mvn package site' with the report in <reporting>";
    }

    /** A report with no audit: said once, so that the page's empty vulnerability table is not taken for "none found". */
    static String noAuditForReport() {
        return "no audit.json: the page lists no known vulnerabilities. Run 'mvn gomod:restore gomod:audit -Dgomod.kind=vulndb' before"
                + " gomod:report in the same build to show them";
    }

    /** Packing with no lock. */
    static String noLock(String lockName) {
        return "no " + lockName + ": the bundles are not pinned to a lock; run 'mvn gomod:freeze' and commit it";
    }

    /**
     * A bundle Maven could not resolve.
     *
     * @param fileRepositories whether a repository it asked is a file:// one, which Maven offline does not read
     */
    static String unresolved(boolean offline, boolean fileRepositories, String property) {
        if (!offline) {
            return "Check the coordinates (" + property + "), the repository, and the <server> credentials for it in settings.xml.";
        }
        return "Maven is offline: the bundle must already be in the local repository, fetched through the same repository id "
                + "(see _remote.repositories there; or use -llr). Resolve it once online, or install it."
                + (fileRepositories ? " A file:// repository is local too, but Maven offline reads it only when told:"
                + " add -Daether.offline.protocols=file." : "");
    }
}
