package dev.gomod.audit;

import dev.gomod.AtomicFile;
import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.WorkspaceException.Reason;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.Restore;
import dev.gomod.gotool.GoException;
import dev.gomod.gotool.ToolchainModule;
import dev.gomod.lock.GoModLock;
import dev.gomod.lock.PinKey;
import dev.gomod.lock.PinKind;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.vulndb.OsvEntry;
import dev.gomod.workspace.Job;
import dev.gomod.workspace.Workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The audit job (see the package documentation). */
public record Audit(Workspace workspace, Reporter reporter, Options options) implements Job<Audit.Options> {
    /** The database's module paths for the Go release: its standard library, and its go command. */
    public static final String STDLIB = "stdlib";
    public static final String TOOLCHAIN = "toolchain";

    /**
     * How to audit.
     *
     * @param database   the restored database directory
     * @param failOn     the reach from which a finding fails the build; empty: none does
     * @param exceptions the team's decisions ({@link AuditExceptions})
     * @param maxAge     how old the database may be; empty: any age
     * @param now        the time withdrawn advisories and exceptions' end dates are judged at
     * @param report     where audit.json goes
     * @param reachability govulncheck, to tell which findings are called; empty: required and imported only
     * @param namedAs    the coordinates the database was named by instead of the lock's pin (a database
     *                   published alone, restored checked against its own manifest); empty: the lock's pin vouches for it
     */
    public record Options(Path database, Optional<Finding.Reach> failOn, AuditExceptions exceptions, Optional<Duration> maxAge,
                          Instant now, Path report, Optional<Reachability> reachability, Optional<String> namedAs) {
        public Options(Path database, Optional<Finding.Reach> failOn, AuditExceptions exceptions, Optional<Duration> maxAge, Instant now, Path report) {
            this(database, failOn, exceptions, maxAge, now, report, Optional.empty(), Optional.empty());
        }

        /** The same, reading another database. */
        public Options withDatabase(Path other) {
            return new Options(other, failOn, exceptions, maxAge, now, report, reachability, namedAs);
        }

        /** The same, reading a database named by {@code coordinates} rather than pinned by the lock. */
        public Options namedAs(String coordinates) {
            return new Options(database, failOn, exceptions, maxAge, now, report, reachability, Optional.of(coordinates));
        }

        /** The day, in UTC, exceptions are judged on. */
        LocalDate today() {
            return LocalDate.ofInstant(now, ZoneOffset.UTC);
        }
    }

    /** A finding and the decision that covers it, if any; {@code ended}: that decision's end date has passed. */
    public record Judged(Finding finding, Optional<AuditExceptions.Decision> decision, boolean ended, boolean fails) {
    }

    /** What the audit found. */
    public record Outcome(List<Judged> findings, int modules, String modulesFrom, String go, String goFrom, Instant databaseModified,
                          String databaseFrom, boolean reachabilityKnown) {
        public List<Judged> failing() {
            return findings.stream().filter(Judged::fails).toList();
        }
    }

    public Outcome run() throws IOException, FormatException, WorkspaceException, GoException {
        Optional<GoModLock> lock = workspace.lock();
        String from = options.namedAs().isPresent() ? options.namedAs().get() : checkPinned(lock);
        VulnDatabase db = VulnDatabase.open(options.database());
        if (options.namedAs().isPresent()) {
            checkNotOlderThanPinned(lock, db.modified());
        }
        checkAge(db.modified());
        return audit(db, AuditedModules.of(workspace), goRelease(lock), from);
    }

    /**
     * As {@link #run}, of a module set not in the workspace yet (freeze's scratch vendor tree) and the
     * lock about to be written: the database is read as named, since no lock in git pins it yet.
     */
    public Outcome runBefore(AuditedModules modules, GoModLock lock) throws IOException, FormatException, WorkspaceException, GoException {
        VulnDatabase db = VulnDatabase.open(options.database());
        checkAge(db.modified());
        return audit(db, modules, goRelease(Optional.of(lock)), options.namedAs().orElse(options.database().toString()));
    }

    /** The Go release that builds the module ({@code go1.26.8}, or null when nothing names it), and why that one. */
    private record GoRelease(String tag, String why) {
    }

    private Outcome audit(VulnDatabase db, AuditedModules modules, GoRelease go, String databaseFrom) throws IOException, FormatException, WorkspaceException,
            GoException {
        // the standard library and the go command are two more modules, at the release's version, whose
        // packages are not known offline; govulncheck's source mode checks stdlib only, since the go
        // command is not linked into the binary, but a release built by a vulnerable one carries its risk
        List<AuditedModules.Module> checked = new ArrayList<>(modules.modules());
        String release = OsvMatch.goTagToSemver(go.tag());
        if (release != null) {
            checked.add(new AuditedModules.Module(STDLIB, release, Set.of(), false));
            checked.add(new AuditedModules.Module(TOOLCHAIN, release, Set.of(), false));
        } else {
            reporter.warn("the Go release that builds this module is not known (" + go.why() + "): the standard library was not checked");
        }
        List<Finding> findings = new ArrayList<>();
        for (AuditedModules.Module m : checked) {
            for (OsvEntry e : db.entriesOf(m.path())) {
                if (e.withdrawnBy(options.now())) {
                    continue;
                }
                List<OsvEntry.Affected> hit = OsvMatch.affecting(e, m.path(), m.version());
                if (!hit.isEmpty()) {
                    findings.add(finding(e, m, hit));
                }
            }
        }
        if (options.reachability().isPresent()) {
            findings = withReach(findings, options.reachability().get());
        }
        findings.sort(Comparator.comparing(Finding::id).thenComparing(Finding::module));

        List<Judged> judged = new ArrayList<>();
        for (Finding f : findings) {
            Optional<AuditExceptions.Decision> d = options.exceptions().covering(f);
            boolean expired = d.isPresent() && d.get().expired(options.today());
            boolean fails = options.failOn().map(r -> f.reach().compareTo(r) >= 0).orElse(false) && (d.isEmpty() || expired);
            judged.add(new Judged(f, d, expired, fails));
        }
        for (AuditExceptions.Decision d : options.exceptions().exceptions()) {
            if (findings.stream().noneMatch(d::covers)) {
                reporter.warn(AuditExceptions.FILE + ": the exception for " + d.id() + (d.module() == null ? "" : " in " + d.module())
                        + " matches no finding any more; remove it");
            }
        }
        Outcome outcome = new Outcome(List.copyOf(judged), modules.modules().size(), modules.from(), go.tag(), go.why(), db.modified(),
                databaseFrom, options.reachability().isPresent());
        AtomicFile.write(options.report(), AuditReport.json(outcome).getBytes(StandardCharsets.UTF_8));
        report(outcome);
        if (!outcome.failing().isEmpty()) {
            throw new WorkspaceException(Reason.VULNERABLE, outcome.failing().size() + " known "
                    + (outcome.failing().size() == 1 ? "vulnerability" : "vulnerabilities") + " at or above '"
                    + options.failOn().orElseThrow().id() + "':\n  " + String.join("\n  ", outcome.failing().stream()
                    .map(j -> j.finding().describe() + j.decision().map(d -> " (the " + d.state().id() + " exception ended " + d.until() + ")")
                            .orElse("")).toList()), Map.of("failOn", options.failOn().orElseThrow().id()));
        }
        return outcome;
    }

    /** The findings, each raised to the reach govulncheck's source mode gives it (never lowered: it may run with another Go). */
    private List<Finding> withReach(List<Finding> findings, Reachability r) throws GoException, IOException {
        Map<String, Finding.Reach> reach = r.scan(workspace.dir(), options.database());
        reporter.info("reachability from " + r.how() + ": " + reach.values().stream().filter(v -> v == Finding.Reach.CALLED).count()
                + " findings called");
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Finding.Reach theirs = reach.getOrDefault(f.module() + " " + f.id(), f.reach());
            out.add(theirs.compareTo(f.reach()) > 0
                    ? new Finding(f.id(), f.aliases(), f.summary(), f.module(), f.version(), f.fixed(), theirs, f.packages()) : f);
        }
        return out;
    }

    private Finding finding(OsvEntry e, AuditedModules.Module m, List<OsvEntry.Affected> hit) {
        Set<String> imported = new LinkedHashSet<>();
        boolean wholeModule = false;
        for (OsvEntry.Affected a : hit) {
            if (a.packages().isEmpty()) {
                wholeModule = true;
            }
            for (OsvEntry.Package p : a.packages()) {
                if (m.packages().contains(p.path())) {
                    imported.add(p.path());
                }
            }
        }
        Finding.Reach reach = m.packagesKnown() && (!imported.isEmpty() || wholeModule && !m.packages().isEmpty())
                ? Finding.Reach.IMPORTED : Finding.Reach.REQUIRED;
        return new Finding(e.id(), e.aliases(), e.summary(), m.path(), m.version(), OsvMatch.fixedVersion(e, m.path(), m.version()), reach,
                List.copyOf(imported));
    }

    /**
     * The database must be the one the lock pins, when it pins one: the audit's answer is only as good
     * as its data. Returns what vouches for it, for the report.
     */
    private String checkPinned(Optional<GoModLock> lock) throws IOException, FormatException, WorkspaceException {
        if (lock.isEmpty() || lock.get().pins(PinKind.VULNDB).isEmpty()) {
            reporter.warn((lock.isEmpty() ? "no " + workspace.lockFile().getFileName() : workspace.lockFile().getFileName() + " pins no vulnerability database")
                    + ": the database in " + options.database() + " is used as it is, unchecked");
            return options.database() + " (unchecked)";
        }
        Restore check = new Restore(workspace, Reporter.SILENT, new Restore.Options(BundleLayout.VULNDB, options.database(), SafeExtractor.Limits.DEFAULT));
        if (check.holdsPinnedTree().isEmpty()) {
            throw new WorkspaceException(Reason.TAMPERED, options.database() + " is not the vulnerability database "
                    + workspace.lockFile().getFileName() + " pins (" + lock.get().pins(PinKind.VULNDB).values().iterator().next()
                    + "): restore it from the repository first");
        }
        return "the database " + workspace.lockFile().getFileName() + " pins";
    }

    /**
     * A database named by coordinates of its own replaces the lock's to see more, never less: one
     * older than the pinned one would hide what the release was already audited against.
     */
    private void checkNotOlderThanPinned(Optional<GoModLock> lock, Instant modified) throws WorkspaceException {
        Optional<Instant> time = lock.flatMap(l -> l.pin(PinKey.VULNDB)).flatMap(PinKind.VULNDB::time);
        if (time.isEmpty()) {
            return;
        }
        Instant pinned = time.get();
        if (modified.isBefore(pinned)) {
            throw new WorkspaceException(Reason.OUTDATED, "the vulnerability database " + options.namedAs().orElseThrow() + " was last modified "
                    + modified + ", before the one " + workspace.lockFile().getFileName() + " pins (" + pinned + "): it would hide what the release"
                    + " was audited against; name a newer one", Map.of());
        }
        reporter.info("the vulnerability database " + options.namedAs().orElseThrow() + " (modified " + modified + ") is used instead of the one "
                + workspace.lockFile().getFileName() + " pins (" + pinned + ")");
    }

    private void checkAge(Instant modified) throws WorkspaceException {
        if (options.maxAge().isEmpty()) {
            return;
        }
        if (Duration.between(modified, options.now()).compareTo(options.maxAge().get()) > 0) {
            throw new WorkspaceException(Reason.OUTDATED, "the vulnerability database in " + options.database() + " was last modified "
                    + modified + ", more than " + options.maxAge().get().toDays() + " days ago: new vulnerabilities would go unseen");
        }
    }

    /**
     * The Go release that builds the module, and why that one: the toolchain the lock pins (what
     * gomod:install-go installs), else the release go.mod names as cmd/go selects it (its toolchain
     * line, else its go line: {@link ToolchainModule#releaseFor}), else a go line from before Go 1.21,
     * which names its release as it is ({@code go 1.19} is go1.19).
     */
    private GoRelease goRelease(Optional<GoModLock> lock) throws IOException, FormatException {
        Optional<String> pinned = lock.flatMap(l -> l.pins(PinKind.TOOLCHAIN).keySet().stream().findFirst())
                .flatMap(ToolchainModule::ofVersion).map(ToolchainModule::go);
        if (pinned.isPresent()) {
            return new GoRelease(pinned.get(), "the toolchain " + workspace.lockFile().getFileName() + " pins");
        }
        GoMod goMod = workspace.versionSource();
        String why = goMod.toolchain().filter(t -> !t.equals("default")).isPresent() ? "go.mod's toolchain line" : "go.mod's go line";
        return ToolchainModule.releaseFor(goMod, null).map(r -> new GoRelease(r, why))
                .or(() -> goMod.goVersion().map(v -> new GoRelease("go" + v, "go.mod's go line")))
                .orElse(new GoRelease(null, "go.mod has no go line"));
    }

    private void report(Outcome o) {
        for (Judged j : o.findings()) {
            String line = j.finding().describe() + j.decision().map(d -> " [" + d.state().id() + (d.until() == null ? "" : " until " + d.until())
                    + (d.justification() == null ? "" : ", " + d.justification()) + "]").orElse("");
            if (j.fails()) {
                reporter.warn(line);
            } else {
                reporter.info(line);
            }
        }
        long excepted = o.findings().stream().filter(j -> j.decision().isPresent()).count();
        reporter.info(o.findings().size() + " known " + (o.findings().size() == 1 ? "vulnerability" : "vulnerabilities") + " in "
                + o.modules() + " modules (" + o.modulesFrom() + ") and " + (o.go() == null ? "an unknown Go" : o.go() + " (stdlib, toolchain)") + " (" + o.goFrom() + "): "
                + o.failing().size() + " failing, " + excepted + " excepted; database of " + o.databaseModified() + "; report in " + options.report());
    }
}
