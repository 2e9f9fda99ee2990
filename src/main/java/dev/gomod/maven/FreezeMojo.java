package dev.gomod.maven;

import dev.gomod.freeze.DependencyPolicy;
import dev.gomod.freeze.Freeze;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;

/**
 * Proves the module is tidy and within policy, records the build list, vendors into a scratch
 * directory to learn the vendor tree hash, and writes gomod.lock. Changes go.mod/go.sum only with
 * {@code -Dgomod.tidy=true}; never touches vendor/.
 */
@Mojo(name = "freeze", threadSafe = true)
public class FreezeMojo extends GoMojo {
    /** Run {@code go mod tidy} on go.mod and go.sum first, instead of failing when they are not tidy. */
    @Parameter(property = "gomod.tidy", defaultValue = "false")
    private boolean tidy;

    /** Allow {@code replace ... => ./dir} in go.mod. */
    @Parameter(property = "gomod.allowDirectoryReplace", defaultValue = "false")
    private boolean allowDirectoryReplace;

    /** Module path patterns (GOPRIVATE syntax) no dependency may match. */
    @Parameter(property = "gomod.deny")
    private String deny;

    /** When set, module path patterns (GOPRIVATE syntax) every dependency must match. */
    @Parameter(property = "gomod.allow")
    private String allow;

    /** Refuse dependencies at pseudo-versions (untagged commits). */
    @Parameter(property = "gomod.refusePseudoVersions", defaultValue = "false")
    private boolean refusePseudoVersions;

    /** What package will make; with {@code modcache}, freeze also pins the module cache's hash in the lock. */
    @Parameter(property = "gomod.bundles", defaultValue = "vendor")
    private String bundles;

    @Inject
    public FreezeMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("gomod:freeze skipped (gomod.skip)");
            return;
        }
        DependencyPolicy policy = new DependencyPolicy(allowDirectoryReplace, deny, allow, refusePseudoVersions);
        try {
            new Freeze(goCommand(), moduleDir(), lockPath(), workPath(), policy, tidy, getLog()::info)
                    .pinModcache(bundles.contains("modcache"))
                    .run();
        } catch (Exception e) {
            rethrow(e);
        }
    }
}
