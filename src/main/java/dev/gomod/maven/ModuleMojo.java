package dev.gomod.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
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

    protected Path moduleDir() {
        return dir.toPath().toAbsolutePath().normalize();
    }

    protected Path lockPath() {
        return lockFile != null ? lockFile.toPath().toAbsolutePath().normalize() : moduleDir().resolve("gomod.lock");
    }
}
