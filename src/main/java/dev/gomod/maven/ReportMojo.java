package dev.gomod.maven;

import dev.gomod.mod.FormatException;
import dev.gomod.report.DependencyReport;
import dev.gomod.report.ReportJob;
import dev.gomod.report.ReportPage;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;

import javax.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A page of what the release carries: its module graph, where the vendored bytes are, licenses,
 * known vulnerabilities (when gomod:audit ran) and what changed since the previous release, drawn from
 * the SBOM, the vendor tree, audit.json and the bundles of this build. Run alone it writes
 * target/gomod/report/index.html; as a report of mvn site it is the "Go dependencies" page. Needs no Go;
 * it needs the network only to fetch the previous release's SBOM, which offline comes from the local
 * repository.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends ModuleMojo implements MavenReport {
    /**
     * Skips this goal only ({@code gomod.skip} skips every goal).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SKIP_REPORT, defaultValue = "false")
    private boolean skipReport;

    @Override
    protected boolean skipGoal() {
        return skipReport;
    }

    /**
     * The earlier release to compare with: a version of this project whose SBOM ({@code json:go-cyclonedx})
     * the repositories have, or {@code none}. Default: the newest version below this one that the
     * repositories' metadata lists (offline: the local repository's).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.REPORT_SINCE)
    private String reportSince;

    /**
     * The build's time, shown on the page; the page's bytes depend on nothing else of the machine.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File reportOutputDirectory;

    private final RepositorySystem repositorySystem;

    @Inject
    public ReportMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    /** The standalone page, beside the plugin's other reports. */
    static final String PAGE = "report/index.html";

    @Override
    protected void run() throws Exception {
        allowNoModule();
        Path target = workPath().resolve(PAGE);
        if (!hasModule()) {
            List<DependencyReport.Link> links = childPages(target.getParent(), true);
            if (links.isEmpty()) {
                getLog().info("gomod:report: no go.mod in " + moduleDir() + " and no module of this build has one: nothing to report");
                return;
            }
            Files.createDirectories(target.getParent());
            dev.gomod.AtomicFile.write(target, ReportPage.index(project.getName(), project.getVersion(), links));
            getLog().info("Go dependency report " + target + ": links to " + links.size() + " module pages");
            return;
        }
        job(childPages(target.getParent(), true)).write(target);
    }

    private ReportJob job(List<DependencyReport.Link> links) throws MojoFailureException, MojoExecutionException {
        Path sbom = SbomMojo.attached(project).orElse(SbomMojo.file(project));
        if (!Files.isRegularFile(sbom)) {
            throw new MojoFailureException(Remedies.noSbomForReport(sbom));
        }
        String audit = project.getProperties().getProperty(AuditMojo.REPORT);
        Optional<Path> auditJson = Optional.of(audit != null ? Path.of(audit) : workPath().resolve("audit.json"));
        if (!Files.isRegularFile(auditJson.get())) {
            getLog().info(Remedies.noAuditForReport());
        }
        List<String> note = new ArrayList<>();
        Optional<ReportJob.Previous> previous = previous(note);
        Instant time = PackageMojo.outputTime(outputTimestamp);
        return new ReportJob(workspace(), MavenReporter.of(getLog(), false), new ReportJob.Options(project.getName(), project.getVersion(),
                sbom, auditJson, bundles(), previous, note.isEmpty() ? null : note.get(0), time == null ? null : time.toString(), links));
    }

    /** The bundles gomod:package attached in this build, else those it left in the build directory. */
    private List<Path> bundles() {
        List<Path> out = SbomMojo.attachedBundles(project).stream().filter(a -> a.getFile() != null && a.getFile().isFile())
                .map(a -> a.getFile().toPath()).sorted().toList();
        if (!out.isEmpty()) {
            return out;
        }
        String prefix = project.getBuild().getFinalName() + "-go-";
        try (Stream<Path> s = Files.list(Path.of(project.getBuild().getDirectory()))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().matches(".*\\.(tar\\.gz|zip)") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            return List.of(); // no build directory: nothing packed
        }
    }

    /**
     * The earlier release's SBOM, resolved through Maven; when there is none, why, in {@code note}. A
     * version the user named that cannot be had fails the goal; the default's absence is only noted.
     */
    private Optional<ReportJob.Previous> previous(List<String> note) throws MojoFailureException, MojoExecutionException {
        if (reportSince != null && reportSince.trim().equals("none")) {
            note.add("No comparison: " + Property.REPORT_SINCE + "=none.");
            return Optional.empty();
        }
        BundleResolver resolver = new BundleResolver(repositorySystem, session.getRepositorySession(), project.getRemoteProjectRepositories());
        boolean named = reportSince != null && !reportSince.isBlank();
        Artifact a = new DefaultArtifact(project.getGroupId(), project.getArtifactId(), SbomMojo.CLASSIFIER, "json",
                named ? reportSince.trim() : "[0," + project.getVersion() + ")");
        try {
            if (!named) {
                a = resolver.newest(a, Property.REPORT_SINCE);
            }
            return Optional.of(new ReportJob.Previous(a.getVersion(), resolver.resolve(a, Property.REPORT_SINCE)));
        } catch (MojoFailureException | MojoExecutionException e) {
            if (named) {
                throw e;
            }
            String why = "No earlier release of " + project.getGroupId() + ":" + project.getArtifactId() + " with an SBOM"
                    + (session.isOffline() ? " in the local repository (Maven is offline)" : " in the project's repositories")
                    + " to compare with; " + Property.REPORT_SINCE + " names one.";
            getLog().info(why);
            getLog().debug(e.getMessage());
            note.add(why);
            return Optional.empty();
        }
    }

    /**
     * Links to the pages of this build's modules below this project that are Go modules, relative to
     * {@code from}: from the standalone page ({@code standalone}) to theirs, or from this site's page to
     * their sites'.
     */
    private List<DependencyReport.Link> childPages(Path from, boolean standalone) {
        List<DependencyReport.Link> out = new ArrayList<>();
        if (session == null) {
            return out;
        }
        for (MavenProject p : session.getProjects()) {
            // a child of this project: the same instance in a reactor, or one read from the same directory
            MavenProject parent = p.getParent();
            if (p == project || parent == null || parent != project && !java.util.Objects.equals(parent.getBasedir(), project.getBasedir())) {
                continue;
            }
            if (!Files.isRegularFile(p.getBasedir().toPath().resolve("go.mod")) && !Files.isRegularFile(p.getBasedir().toPath().resolve("go.work"))) {
                continue;
            }
            // relative to where each page is written: the build directories, or the sites before site:stage moves them
            Path page = standalone ? Path.of(p.getBuild().getDirectory()).resolve("gomod").resolve(PAGE)
                    : Path.of(p.getReporting().getOutputDirectory()).resolve(getOutputName() + ".html");
            String href = from.toAbsolutePath().relativize(page.toAbsolutePath()).toString();
            out.add(new DependencyReport.Link(p.getName() + " (" + p.getArtifactId() + ")", href.replace(File.separatorChar, '/')));
        }
        return out;
    }

    // mvn site: the same content inside the site's page

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        String body;
        try {
            allowNoModule();
            List<DependencyReport.Link> links = childPages(reportOutputDirectory.toPath(), false);
            body = hasModule() ? ReportPage.fragment(job(links).collect(), false)
                    : ReportPage.indexFragment(links);
        } catch (MojoFailureException | MojoExecutionException | IOException | FormatException e) {
            throw new MavenReportException("gomod:report: " + e.getMessage(), e);
        }
        sink.head();
        sink.title();
        sink.text(getName(locale));
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(getName(locale));
        sink.sectionTitle1_();
        sink.rawText(body);
        sink.section1_();
        sink.body_();
        sink.flush();
    }

    @Override
    public String getOutputName() {
        return "gomod-report";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "Go dependencies";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The Go modules this release carries: their graph, vendored bytes, licenses, known vulnerabilities and changes since the previous release.";
    }

    @Override
    public void setReportOutputDirectory(File dir) {
        reportOutputDirectory = dir;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public boolean canGenerateReport() {
        if (skip || skipReport) {
            return false;
        }
        try {
            allowNoModule();
            return hasModule() || !childPages(reportOutputDirectory.toPath(), false).isEmpty();
        } catch (MojoFailureException e) {
            return false;
        }
    }
}
