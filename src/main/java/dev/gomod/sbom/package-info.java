/**
 * What is inside a Go dependency set: its modules as a CycloneDX 1.6 SBOM, and the licenses their
 * license files carry.
 *
 * <p>{@link dev.gomod.sbom.SbomJob} takes the components from go's own answers ({@code go list -m
 * all}, or vendor/modules.txt for the vendored scope), the edges from {@code go mod graph}, the hashes
 * from go.sum and the module zips, and the licenses from {@link dev.gomod.sbom.LicenseMatcher}, the
 * SPDX license list's matching guidelines run by the SPDX Java library. {@link
 * dev.gomod.sbom.CycloneDxSbom} writes the document with CycloneDX's own Java model and validates it
 * against the 1.6 schema. Every byte is a function of those inputs and the one timestamp given: the
 * serial number is a name-based UUID of the content, lists are sorted, lines end in LF.
 * {@link dev.gomod.sbom.LicensePolicy} judges an inventory by SPDX ids. Nothing here knows about
 * Maven.
 */
package dev.gomod.sbom;
