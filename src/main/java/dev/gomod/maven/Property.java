package dev.gomod.maven;

/**
 * The user properties of the plugin's parameters, named once: the annotations and every message
 * that tells a user which property to set use these.
 */
final class Property {
    static final String DIR = "gomod.dir";
    static final String LOCK_FILE = "gomod.lockFile";
    static final String WORKSPACE = "gomod.workspace";
    static final String MODFILE = "gomod.modfile";
    static final String SKIP = "gomod.skip";
    static final String SKIP_AUDIT = "gomod.audit.skip";
    static final String SKIP_FREEZE = "gomod.freeze.skip";
    static final String SKIP_GO = "gomod.go.skip";
    static final String SKIP_INSTALL_GO = "gomod.install-go.skip";
    static final String SKIP_PACKAGE = "gomod.package.skip";
    static final String SKIP_REPORT = "gomod.report.skip";
    static final String SKIP_RESTORE = "gomod.restore.skip";
    static final String SKIP_SBOM = "gomod.sbom.skip";
    static final String SKIP_VENDOR = "gomod.vendor.skip";
    static final String SKIP_VERIFY = "gomod.verify.skip";
    static final String GO = "gomod.go";
    static final String GOTOOLCHAIN = "gomod.gotoolchain";
    static final String GOPROXY = "gomod.goproxy";
    static final String GOPRIVATE = "gomod.goprivate";
    static final String GONOPROXY = "gomod.gonoproxy";
    static final String GONOSUMDB = "gomod.gonosumdb";
    static final String GOINSECURE = "gomod.goinsecure";
    static final String GOSUMDB = "gomod.gosumdb";
    static final String GOFLAGS = "gomod.goflags";
    static final String TIMEOUT = "gomod.timeout";
    static final String RETRIES = "gomod.retries";
    static final String RETRY_BACKOFF = "gomod.retryBackoff";
    static final String PROXY_PROBE_TIMEOUT = "gomod.proxyProbeTimeout";
    static final String SERVER_ID = "gomod.serverId";
    static final String BUNDLES = "gomod.bundles";
    static final String FORMAT = "gomod.format";
    static final String KIND = "gomod.kind";
    static final String ARTIFACT = "gomod.artifact";
    static final String ATTACH = "gomod.attach";
    static final String REPORT_SINCE = "gomod.reportSince";
    static final String GOPROXY_DIR = "gomod.goproxyDir";
    static final String GOMODCACHE = "gomod.gomodcache";
    static final String VULNDB = "gomod.vulndb";
    static final String VULNDB_DIR = "gomod.vulndbDir";
    static final String VULNDB_ARTIFACT = "gomod.vulndbArtifact";
    static final String AUDIT_FAIL_ON = "gomod.auditFailOn";
    static final String AUDIT_EXCEPTIONS = "gomod.auditExceptions";
    static final String VULNDB_MAX_AGE = "gomod.vulndbMaxAge";
    static final String GOVULNCHECK = "gomod.govulncheck";
    static final String AUDIT = "gomod.audit";
    static final String MODCACHE = "gomod.modcache";
    static final String ALLOW_MISSING = "gomod.allowMissing";
    static final String ARGS = "gomod.args";
    static final String TIDY = "gomod.tidy";
    static final String LOCKED = "gomod.locked";
    static final String ALLOW_DIRECTORY_REPLACE = "gomod.allowDirectoryReplace";
    static final String DENY = "gomod.deny";
    static final String ALLOW = "gomod.allow";
    static final String REFUSE_PSEUDO_VERSIONS = "gomod.refusePseudoVersions";
    static final String TOOLCHAIN_PLATFORMS = "gomod.toolchainPlatforms";
    static final String TOOLCHAIN_VERSION = "gomod.toolchainVersion";
    static final String GO_INSTALL_DIRECTORY = "gomod.goInstallDirectory";
    static final String MAX_BYTES = "gomod.maxBytes";
    static final String MAX_ENTRIES = "gomod.maxEntries";
    static final String MAX_RATIO = "gomod.maxRatio";
    static final String SBOM_SCOPE = "gomod.sbomScope";
    static final String LICENSES_ALLOW = "gomod.licensesAllow";
    static final String LICENSES_DENY = "gomod.licensesDeny";
    static final String LICENSES_UNKNOWN = "gomod.licensesUnknown";
    /** The names the license policy's properties had (no element can have them): still read, with a warning. */
    static final String OLD_LICENSES_ALLOW = "gomod.licenses.allow";
    static final String OLD_LICENSES_DENY = "gomod.licenses.deny";
    static final String OLD_LICENSES_UNKNOWN = "gomod.licenses.unknown";
    static final String LICENSE_CACHE = "gomod.licenseCache";

    private Property() {
    }

    /** The per-goal skip property, {@code gomod.<goal>.skip}. */
    static String skip(String goal) {
        return "gomod." + goal + ".skip";
    }
}
