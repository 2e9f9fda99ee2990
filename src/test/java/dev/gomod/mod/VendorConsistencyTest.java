package dev.gomod.mod;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VendorConsistencyTest {
    private static List<String> check(String goMod, String modulesTxt) throws FormatException {
        return VendorConsistency.check(GoMod.parse("go.mod", goMod.getBytes(StandardCharsets.UTF_8), true),
                ModulesTxt.parse(modulesTxt.getBytes(StandardCharsets.UTF_8))).stream().map(Object::toString).toList();
    }

    private static final String GO_MOD = """
            module example.com/m
            go 1.17
            require (
            	example.com/a v1.0.0
            	example.com/b v1.1.0
            )
            replace example.com/b v1.1.0 => example.com/c v1.0.0
            """;

    @Test
    void consistentTreeHasNoViolations() throws Exception {
        assertEquals(List.of(), check(GO_MOD, """
                # example.com/a v1.0.0
                ## explicit; go 1.17
                example.com/a
                # example.com/b v1.1.0 => example.com/c v1.0.0
                ## explicit; go 1.17
                example.com/b
                """));
    }

    @Test
    void reportsEachRuleWithTheModule() throws Exception {
        List<String> v = check(GO_MOD + "replace example.com/z => ./z\n", """
                # example.com/a v1.0.0
                ## go 1.17
                example.com/a
                # example.com/b v1.1.0 => example.com/other v1.0.0
                ## explicit; go 1.17
                example.com/b
                # example.com/x v1.0.0
                ## explicit; go 1.17
                example.com/x
                # example.com/y v1.0.0 => ./y
                ## go 1.17
                example.com/y
                """);
        assertEquals(List.of(
                "example.com/a@v1.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt",
                "example.com/b@v1.1.0: is replaced by example.com/c@v1.0.0 in go.mod, but marked as replaced by example.com/other@v1.0.0 in vendor/modules.txt",
                "example.com/z: is replaced in go.mod, but not marked as replaced in vendor/modules.txt",
                "example.com/x@v1.0.0: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod",
                "example.com/b@v1.1.0: is marked as replaced by example.com/other@v1.0.0 in vendor/modules.txt, but replaced by example.com/c@v1.0.0 in go.mod",
                "example.com/y@v1.0.0: is marked as replaced in vendor/modules.txt, but not replaced in go.mod"), v);
    }

    @Test
    void beforeGo114OnlyVersionMismatchesCount() throws Exception {
        String goMod = "module example.com/m\ngo 1.12\nrequire example.com/a v1.0.0\nrequire example.com/b v1.0.0\nreplace example.com/w => ./w\n";
        List<String> v = check(goMod, "# example.com/a v1.1.0\nexample.com/a\n");
        assertEquals(List.of("example.com/a@v1.0.0: is explicitly required in go.mod, but vendor/modules.txt indicates example.com/a@v1.1.0"), v);
    }

    @Test
    void emptyModulesTxtMeansEveryRequireIsMissing() throws Exception {
        List<String> v = check(GO_MOD, "");
        assertEquals(3, v.size());
        assertTrue(v.get(2).startsWith("example.com/b@v1.1.0: is replaced in go.mod"));
    }
}
