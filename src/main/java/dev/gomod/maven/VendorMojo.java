package dev.gomod.maven;

import dev.gomod.vendoring.VendorJob;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
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
    protected void run() throws Exception {
        new VendorJob(workspace(), reporter(), new VendorJob.Options(goCommand())).run();
    }
}
