def log = new File(basedir, 'build.log').text
// 1: the denied license fails freeze, naming the module and its license file, and writes no lock
assert log.contains('license policy violated (gomod.lock not written)')
assert log.contains('github.com/Acme/Core@v1.2.0: Apache-2.0 (LICENSE) is denied')
assert log.contains('the license policy by gomod.licensesAllow, gomod.licensesDeny, gomod.licensesUnknown')
assert log.contains('[WARNING] gomod.licenses.deny is deprecated: use gomod.licensesDeny (<licensesDeny> in <configuration>)')
// 2: an allow list holding every license found passes; the modules with none are listed
assert log.contains('license policy kept by all 15 modules (all)')
// the schema validator has nothing to warn about (CycloneDX's documentation keywords are declared)
assert !log.contains('Unknown keyword')
assert log.contains('11 of 15 modules have no license found or declared in their license files (not refused)')
assert new File(basedir, 'gomod.lock').isFile()
// 3: install carries the SBOM, and the vendor bundle's manifest pins its bytes
def dir = new File(localRepositoryPath, 'dev/gomod/it/sbom-licenses/1.0.0')
def sbom = new File(dir, 'sbom-licenses-1.0.0-go-cyclonedx.json')
def vendor = new File(dir, 'sbom-licenses-1.0.0-go-vendor.tar.gz')
assert sbom.isFile() : 'SBOM not installed'
def bom = new groovy.json.JsonSlurper().parse(sbom)
assert bom.bomFormat == 'CycloneDX' && bom.specVersion == '1.6'
assert bom.metadata.timestamp == '2026-01-01T00:00:00Z'
assert bom.metadata.component.'bom-ref' == 'pkg:golang/example.com/hello?type=module'
assert bom.components.size() == 15
assert bom.components.find { it.name == 'github.com/Acme/Core' }.licenses[0].license.id == 'Apache-2.0'
def sha = java.security.MessageDigest.getInstance('SHA-256').digest(sbom.bytes).encodeHex().toString()
def p = ['tar', 'xzOf', vendor.path, 'gomod-manifest.txt'].execute()
def manifest = p.text
assert p.waitFor() == 0
assert manifest.contains('sbom sha256:' + sha + ' sbom-licenses-1.0.0-go-cyclonedx.json') : manifest
return true
