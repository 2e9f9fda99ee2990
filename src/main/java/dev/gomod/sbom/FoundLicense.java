package dev.gomod.sbom;

/**
 * A license found in one of a module's license files.
 *
 * @param id         the SPDX license id
 * @param file       the license file, relative to the module's root
 * @param how        whether the file is the license, holds its text, or carries its standard notice
 * @param confidence 1.0 when whole; else the share of the file's words the license text (or notice) accounts for
 */
public record FoundLicense(String id, String file, LicenseMatcher.How how, double confidence) {
}
