package dev.gomod.sbom;

import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our validation of CycloneDX 1.6 judges documents as cyclonedx-core-java's does, valid and invalid alike. */
class BomSchemaTest {
    private static final String VALID = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
             "components": [{"type": "library", "name": "golang.org/x/text", "version": "v0.3.7",
                             "purl": "pkg:golang/golang.org/x/text@v0.3.7",
                             "licenses": [{"license": {"id": "BSD-3-Clause"}}]},
                            {"type": "library", "name": "example.com/dual", "version": "v1.0.0",
                             "licenses": [{"expression": "MIT OR Apache-2.0"}]}]}
            """;

    @Test
    void validAndInvalidDocumentsAreJudgedAsTheLibraryJudgesThem() throws Exception {
        List<String> documents = List.of(VALID,
                VALID.replace("\"CycloneDX\"", "\"SPDX\""),
                VALID.replace("\"type\": \"library\", ", ""),
                VALID.replace("\"BSD-3-Clause\"", "\"Not-A-License-Id\""),
                VALID.replace("\"version\": 1,", "\"version\": \"one\","));
        for (String d : documents) {
            byte[] bytes = d.getBytes(StandardCharsets.UTF_8);
            boolean theirs = new JsonParser().validate(bytes, Version.VERSION_16).isEmpty();
            List<String> ours = BomSchema.violations(bytes);
            assertEquals(theirs, ours.isEmpty(), d + "\n" + ours);
        }
        assertTrue(BomSchema.violations(VALID.getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertFalse(BomSchema.violations(documents.get(3).getBytes(StandardCharsets.UTF_8)).isEmpty(), "an unknown SPDX id is refused");
    }
}
