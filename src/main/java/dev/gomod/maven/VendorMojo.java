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
    /**
     * Skips this goal only ({@code gomod.skip} skips every goal).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SKIP_VENDOR, defaultValue = "false")
    private boolean skipVendor;

    @Override
    protected boolean skipGoal() {
        return skipVendor;
    }

    @Inject
    public VendorMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run() throws Exception {
        new VendorJob(workspace(), reporter(), new VendorJob.Options(goCommand())).run();
    }
}
