package dev.gomod.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LicenseClassTest {
    @Test
    void anExpressionTakesItsMostBindingLicense() {
        assertEquals(LicenseClass.PERMISSIVE, LicenseClass.of("MIT"));
        assertEquals(LicenseClass.PERMISSIVE, LicenseClass.of("Apache-2.0 AND BSD-3-Clause"));
        assertEquals(LicenseClass.PERMISSIVE, LicenseClass.of("Apache-2.0 WITH LLVM-exception"));
        assertEquals(LicenseClass.WEAK_COPYLEFT, LicenseClass.of("BSD-3-Clause AND MPL-2.0"));
        assertEquals(LicenseClass.WEAK_COPYLEFT, LicenseClass.of("LGPL-3.0-only"));
        assertEquals(LicenseClass.STRONG_COPYLEFT, LicenseClass.of("(MIT OR GPL-2.0-or-later)"));
        assertEquals(LicenseClass.STRONG_COPYLEFT, LicenseClass.of("AGPL-3.0-only"));
        assertEquals(LicenseClass.OTHER, LicenseClass.of("LicenseRef-acme"));
        assertEquals(LicenseClass.UNKNOWN, LicenseClass.of(null));
        assertEquals(LicenseClass.UNKNOWN, LicenseClass.of(" "));
    }

    @Test
    void aGroupOfModulesTakesTheMostBindingClassAsAnExpressionDoes() {
        // the graph's group fill: a license the plugin cannot place does not hide a copyleft one beside it
        assertEquals(LicenseClass.STRONG_COPYLEFT, LicenseClass.mostBinding(LicenseClass.OTHER, LicenseClass.STRONG_COPYLEFT));
        assertEquals(LicenseClass.WEAK_COPYLEFT, LicenseClass.mostBinding(LicenseClass.WEAK_COPYLEFT, LicenseClass.OTHER));
        assertEquals(LicenseClass.OTHER, LicenseClass.mostBinding(LicenseClass.PERMISSIVE, LicenseClass.OTHER));
        assertEquals(LicenseClass.PERMISSIVE, LicenseClass.mostBinding(LicenseClass.UNKNOWN, LicenseClass.PERMISSIVE));
        assertEquals(LicenseClass.of("LicenseRef-acme AND GPL-3.0-only"),
                LicenseClass.mostBinding(LicenseClass.of("LicenseRef-acme"), LicenseClass.of("GPL-3.0-only")));
    }
}
