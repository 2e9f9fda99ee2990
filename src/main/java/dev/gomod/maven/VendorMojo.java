package dev.gomod.maven;

import dev.gomod.vendor.VendorJob;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;

/**
 * Makes vendor/ with {@code go mod vendor} in a scratch directory and swaps it in atomically; checks
 * modules.txt against go.mod and the tree hash against gomod.lock. Skips when vendor/ already matches.
 */
@Mojo(name = "vendor", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class VendorMojo extends GoMojo {
    @Inject
    public VendorMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("gomod:vendor skipped (gomod.skip)");
            return;
        }
        try {
            new VendorJob(goCommand(), moduleDir(), lockPath(), workPath(), getLog()::info).run();
        } catch (Exception e) {
            rethrow(e);
        }
    }
}
