package dev.gomod.sbom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * CycloneDX 1.6's JSON schema, as cyclonedx-core-java ships it (with the SPDX and JSF schemas it
 * refers to), validated the way that library validates, but with the two keywords the schema uses
 * only to document itself ({@code meta:enum}, {@code deprecated}) declared as such: the validator
 * otherwise warns about each on every run, in the user's build log.
 */
final class BomSchema {
    private static final String BASE = "http://cyclonedx.org/schema/";
    private static final Schema SCHEMA = load();

    private BomSchema() {
    }

    /** What does not conform, one message a violation; empty when the document is valid. */
    static List<String> violations(byte[] json) throws IOException {
        return SCHEMA.validate(new ObjectMapper().readTree(json)).stream().map(e -> e.getMessage()).toList();
    }

    private static Schema load() {
        Dialect draft7 = Dialect.builder(Dialects.getDraft7())
                .keyword(new NonValidationKeyword("meta:enum"))
                .keyword(new NonValidationKeyword("deprecated"))
                .build();
        SchemaRegistry registry = SchemaRegistry.builder()
                .defaultDialectId(draft7.getId())
                .dialectRegistry(new BasicDialectRegistry(draft7))
                .schemaIdResolvers(r -> r.mappings(Map.of(
                        BASE + "bom-1.6.schema.json", "classpath:bom-1.6.schema.json",
                        BASE + "spdx.schema.json", "classpath:spdx.schema.json",
                        BASE + "jsf-0.82.schema.json", "classpath:jsf-0.82.schema.json")))
                .build();
        return registry.getSchema(SchemaLocation.of(BASE + "bom-1.6.schema.json"));
    }
}
