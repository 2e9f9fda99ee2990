package dev.gomod.maven;

import dev.gomod.WorkspaceException;
import dev.gomod.archive.UnsafeArchiveException;
import dev.gomod.mod.FormatException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every goal that works on one Go module directory has in common. */
abstract class ModuleMojo extends AbstractMojo {
    /** The directory that holds go.mod. */
    @Parameter(property = "gomod.dir", defaultValue = "${project.basedir}")
    protected File dir;

    /** The lock file; defaults to gomod.lock next to go.mod. */
    @Parameter(property = "gomod.lockFile")
    protected File lockFile;

    /** Skips the goal. */
    @Parameter(property = "gomod.skip", defaultValue = "false")
    protected boolean skip;

    /** Scratch files, reports and the workspace lock. */
    @Parameter(defaultValue = "${project.build.directory}/gomod", readonly = true)
    protected File workDir;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    protected Path workPath() {
        return workDir.toPath().toAbsolutePath().normalize();
    }

    /** The module directory; fails, as the user's mistake, when it holds no go.mod. */
    protected Path moduleDir() throws MojoFailureException {
        Path d = dir.toPath().toAbsolutePath().normalize();
        if (!Files.isRegularFile(d.resolve("go.mod"))) {
            throw new MojoFailureException("no go.mod in " + d + ": set gomod.dir to the directory that holds go.mod");
        }
        return d;
    }

    protected Path lockPath() throws MojoFailureException {
        return lockFile != null ? lockFile.toPath().toAbsolutePath().normalize() : moduleDir().resolve("gomod.lock");
    }

    /** Core failures as Maven's two kinds: the user's problem (bad input, drift, a refused artifact), or a broken environment. */
    static void rethrowCore(Exception e) throws MojoFailureException, MojoExecutionException {
        if (e instanceof MojoFailureException f) {
            throw f; // already worded for the user, by a check in the mojo itself
        }
        if (e instanceof MojoExecutionException x) {
            throw x;
        }
        if (e instanceof FormatException || e instanceof WorkspaceException || e instanceof UnsafeArchiveException) {
            throw new MojoFailureException(e.getMessage());
        }
        throw new MojoExecutionException(e.getMessage(), e);
    }
}
