package dev.gomod.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

import org.apache.maven.plugin.MojoFailureException;

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
}
