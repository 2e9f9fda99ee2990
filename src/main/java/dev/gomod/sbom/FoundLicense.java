package dev.gomod.sbom;

/**
 * A license found in one of a module's license files.
 *
 * @param id         the SPDX license id
 * @param file       the license file, relative to the module's root
 * @param whole      the file is the license (else the license is found within it)
 * @param confidence 1.0 when whole; else the share of the file's words the license text accounts for
 */
public record FoundLicense(String id, String file, boolean whole, double confidence) {
}
