package dev.gomod.sbom;

import dev.gomod.audit.AuditReport;
import org.cyclonedx.model.vulnerability.Vulnerability;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.hash.Sha256;
import dev.gomod.mod.ModulePath;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Evidence;
import org.cyclonedx.model.ExternalReference;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.license.Acknowledgement;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.UUID;

/**
 * Writes a {@link ModuleInventory} as a CycloneDX 1.6 JSON document and validates it against the
 * schema. The shape follows cyclonedx-gomod's {@code mod} command, so that tools reading one read the
 * other:
 * <ul>
 * <li>{@code metadata.component}: the main module (type application); a workspace's is {@code go.work}
 * with each module as a sub-component. {@code metadata.tools}: this plugin. {@code metadata.timestamp}:
 * the time given (the build's output timestamp), never the clock; none when none is given.</li>
 * <li>one library component per module, bom-ref and purl {@code pkg:golang/<path>@<version>?type=module}
 * (cyclonedx-gomod adds {@code goos} and {@code goarch} to the purl; a module set is the same on every
 * platform, so this one does not);</li>
 * <li>hashes: {@code SHA-256} is the h1's 32 bytes in hex, as cyclonedx-gomod encodes go.sum's h1; the
 * module zip's own SHA-256, when at hand, is the hash of a {@code distribution} reference to the zip's
 * path in the module proxy protocol ({@code <escaped path>/@v/<version>.zip}, relative to any GOPROXY);</li>
 * <li>licenses: the expression the module's license files declare ({@code SPDX-License-Identifier}),
 * acknowledged as {@code declared}; where none is declared, each SPDX id found, acknowledged as
 * {@code concluded} (detected, not declared). Every id found is under {@code evidence.licenses}, where
 * cyclonedx-gomod puts them, with the file, how it matched (whole, within, notice) and the confidence
 * as properties; a file the license library failed on, or a declaration that does not parse, is a
 * {@code gomod:license-problem} property;</li>
 * <li>dependencies: every main module and component, with what it requires.</li>
 * </ul>
 * Byte-reproducible: everything is sorted, lines end in LF, and the serial number is the name-based
 * UUID of the document's bytes without it.
 */
public final class CycloneDxSbom {
    /** The properties' namespace. */
    static final String NS = "gomod:";
    /** The property of a replacement naming what it replaces ({@code <path> <version>}), which readers of the SBOM take back. */
    public static final String REPLACES = NS + "replaces";
    /** The property of a directory replacement naming its directory. */
    public static final String DIR = NS + "dir";

    /** Who wrote the document, for {@code metadata.tools}. */
    public record Tool(String group, String name, String version) {
    }

    private CycloneDxSbom() {
    }

    /** The document's bytes; {@code time} may be null. */
    public static byte[] write(ModuleInventory inventory, Instant time, Tool tool) throws IOException {
        return write(inventory, time, tool, List.of());
    }

    /** The document's bytes, with the audit's findings as its vulnerabilities and their decisions as VEX analysis. */
    public static byte[] write(ModuleInventory inventory, Instant time, Tool tool, List<AuditReport.Entry> findings) throws IOException {
        Bom bom = bom(inventory, time, tool);
        if (!findings.isEmpty()) {
            bom.setVulnerabilities(vulnerabilities(inventory, findings));
        }
        byte[] unsigned = json(bom);
        bom.setSerialNumber("urn:uuid:" + nameUuid(unsigned));
        byte[] out = json(bom);
        List<String> errors = BomSchema.violations(out);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the SBOM does not validate against CycloneDX 1.6: " + String.join("; ", errors));
        }
        return out;
    }

    private static Bom bom(ModuleInventory inv, Instant time, Tool tool) {
        Bom bom = new Bom();
        bom.setVersion(1);
        Metadata md = new Metadata();
        if (time != null) {
            md.setTimestamp(Date.from(time));
        }
        Component self = new Component();
        self.setType(Component.Type.APPLICATION);
        self.setGroup(tool.group());
        self.setName(tool.name());
        self.setVersion(tool.version());
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(self));
        md.setToolChoice(tools);
        if (inv.mains().size() == 1) {
            md.setComponent(component(inv.mains().get(0), Component.Type.APPLICATION));
        } else {
            Component work = new Component();
            work.setType(Component.Type.APPLICATION);
            work.setBomRef("go.work");
            work.setName("go.work");
            work.setComponents(inv.mains().stream().map(m -> component(m, Component.Type.APPLICATION)).toList());
            md.setComponent(work);
        }
        md.setProperties(List.of(new Property(NS + "scope", inv.scope().id()),
                new Property(NS + "spdx-license-list", LicenseMatcher.licenseListVersion())));
        bom.setMetadata(md);
        bom.setComponents(inv.components().stream().map(c -> component(c, Component.Type.LIBRARY)).toList());
        List<Dependency> deps = new ArrayList<>();
        List<String> roots = inv.mains().size() == 1 ? List.of() : inv.mains().stream().map(ModuleInventory.Component::ref).toList();
        if (!roots.isEmpty()) {
            deps.add(dependency("go.work", roots));
        }
        for (Map.Entry<String, SortedSet<String>> e : inv.dependencies().entrySet()) {
            deps.add(dependency(e.getKey(), List.copyOf(e.getValue())));
        }
        bom.setDependencies(deps);
        return bom;
    }

    /**
     * One vulnerability per finding, affecting the component whose code it is in (the main module for
     * the standard library, which the SBOM does not list), with the team's decision as its analysis:
     * not_affected and false_positive as such, will_not_fix as exploitable with that response, none as
     * in triage.
     */
    private static List<Vulnerability> vulnerabilities(ModuleInventory inv, List<AuditReport.Entry> findings) {
        Map<String, String> refByCode = new java.util.HashMap<>();
        inv.components().forEach(c -> refByCode.put(c.code().path() + "@" + c.code().version(), c.ref()));
        String main = inv.mains().size() == 1 ? inv.mains().get(0).ref() : "go.work";
        List<Vulnerability> out = new ArrayList<>();
        for (AuditReport.Entry f : findings) {
            Vulnerability v = new Vulnerability();
            v.setBomRef(f.id() + "@" + f.module() + "@" + f.version());
            v.setId(f.id());
            Vulnerability.Source source = new Vulnerability.Source();
            source.setName("Go Vulnerability Database");
            source.setUrl("https://pkg.go.dev/vuln/" + f.id());
            v.setSource(source);
            List<Vulnerability.Reference> aliases = new ArrayList<>();
            for (String a : f.aliases()) {
                Vulnerability.Reference r = new Vulnerability.Reference();
                r.setId(a);
                Vulnerability.Source s = new Vulnerability.Source();
                s.setName(a.startsWith("GHSA-") ? "GitHub Advisories" : "NVD");
                r.setSource(s);
                aliases.add(r);
            }
            if (!aliases.isEmpty()) {
                v.setReferences(aliases);
            }
            v.setDescription(f.summary());
            if (f.fixed() != null) {
                v.setRecommendation("Upgrade " + f.module() + " to " + f.fixed());
            }
            Vulnerability.Affect affect = new Vulnerability.Affect();
            affect.setRef(refByCode.getOrDefault(f.module() + "@" + f.version(), main));
            v.setAffects(List.of(affect));
            v.setProperties(List.of(new Property(NS + "module", f.module() + "@" + f.version()), new Property(NS + "reach", f.reach())));
            v.setAnalysis(analysis(f));
            out.add(v);
        }
        return out;
    }

    private static Vulnerability.Analysis analysis(AuditReport.Entry f) {
        Vulnerability.Analysis a = new Vulnerability.Analysis();
        if (f.state() == null) {
            a.setState(Vulnerability.Analysis.State.IN_TRIAGE);
            return a;
        }
        switch (f.state()) {
            case "not_affected" -> {
                a.setState(Vulnerability.Analysis.State.NOT_AFFECTED);
                a.setJustification(Vulnerability.Analysis.Justification.valueOf(f.justification().toUpperCase(java.util.Locale.ROOT)));
            }
            case "false_positive" -> a.setState(Vulnerability.Analysis.State.FALSE_POSITIVE);
            case "will_not_fix" -> {
                a.setState(Vulnerability.Analysis.State.EXPLOITABLE);
                a.setResponses(List.of(Vulnerability.Analysis.Response.WILL_NOT_FIX));
            }
            default -> a.setState(Vulnerability.Analysis.State.IN_TRIAGE);
        }
        String detail = (f.detail() == null ? "" : f.detail()) + (f.until() == null ? "" : (f.detail() == null || f.detail().isEmpty() ? "" : " ")
                + "(until " + f.until() + ")");
        if (!detail.isEmpty()) {
            a.setDetail(detail);
        }
        return a;
    }

    private static Dependency dependency(String ref, List<String> on) {
        Dependency d = new Dependency(ref);
        if (!on.isEmpty()) {
            d.setDependencies(on.stream().map(Dependency::new).toList());
        }
        return d;
    }

    private static Component component(ModuleInventory.Component m, Component.Type type) {
        Component c = new Component();
        c.setType(type);
        c.setBomRef(m.ref());
        c.setName(m.code().path());
        if (!m.code().version().isEmpty()) {
            c.setVersion(m.code().version());
        }
        c.setPurl(m.ref());
        if (m.h1() != null && m.h1().startsWith("h1:")) {
            c.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, HexFormat.of().formatHex(Base64.getDecoder().decode(m.h1().substring(3))))));
        }
        if (m.zipSha256() != null) {
            ExternalReference zip = new ExternalReference();
            zip.setType(ExternalReference.Type.DISTRIBUTION);
            zip.setUrl(ModulePath.escape(m.code().path()) + "/@v/" + ModulePath.escapeVersion(m.code().version()) + ".zip");
            zip.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, m.zipSha256())));
            c.setExternalReferences(List.of(zip));
        }
        List<Property> props = new ArrayList<>();
        if (m.h1() != null) {
            props.add(new Property(NS + "h1", m.h1()));
        }
        if (!m.code().equals(m.module())) {
            props.add(new Property(REPLACES, m.module().toString().replace('@', ' ').trim()));
        }
        if (m.localDir() != null) {
            props.add(new Property(DIR, m.localDir()));
        }
        ModuleLicenses l = m.licenses();
        for (String problem : l.problems()) {
            props.add(new Property(NS + "license-problem", problem));
        }
        if (!props.isEmpty()) {
            c.setProperties(props);
        }
        LicenseChoice lc = new LicenseChoice();
        if (l.declared().isPresent()) {
            // CycloneDX holds one expression or a list of licenses: the authors' declaration wins, the matches are evidence
            Expression e = new Expression(l.declared().get());
            e.setAcknowledgement(Acknowledgement.DECLARED);
            lc.setExpression(e);
        } else {
            for (String id : l.foundIds()) {
                License concluded = new License();
                concluded.setId(id);
                concluded.setAcknowledgement(Acknowledgement.CONCLUDED);
                lc.addLicense(concluded);
            }
        }
        if (lc.getExpression() != null || lc.getLicenses() != null) {
            c.setLicenses(lc);
        }
        if (!l.found().isEmpty()) {
            List<License> found = new ArrayList<>();
            for (FoundLicense f : l.found()) {
                License e = new License();
                e.setId(f.id());
                e.setProperties(List.of(new Property(NS + "license-file", f.file()),
                        new Property(NS + "match", f.how().id()),
                        new Property(NS + "confidence", String.format(Locale.ROOT, "%.2f", f.confidence()))));
                found.add(e);
            }
            LicenseChoice ev = new LicenseChoice();
            ev.setLicenses(found);
            Evidence e = new Evidence();
            e.setLicenses(ev);
            c.setEvidence(e);
        }
        return c;
    }

    private static byte[] json(Bom bom) throws IOException {
        JsonNode node = BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonNode();
        // LF on every platform; Jackson's default pretty printer uses the system's line separator
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String s = new ObjectMapper().writer(pp).writeValueAsString(node);
        return (s + "\n").getBytes(StandardCharsets.UTF_8);
    }

    // An RFC 4122 name-based UUID (version 5 layout, SHA-256 in place of SHA-1 truncated the same way)
    private static UUID nameUuid(byte[] content) {
        MessageDigest md = Sha256.newDigest();
        byte[] h = md.digest(content);
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
