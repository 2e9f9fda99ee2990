def log = new File(basedir, 'build.log').text
def lock = new File(basedir, 'gomod.lock').text
def pin = (lock =~ /(?m)^vulndb (h1:\S+) (\S+)$/)
assert pin.find() : lock
assert pin.group(2) == '2026-03-02T10:00:00Z' : 'the time the database states: its newest entry'
// freeze with gomod.audit and no decisions: the dependency set is refused before the lock is written
assert log.contains('gomod.lock was not written: the audit refuses this dependency set')
assert log.contains('[WARNING] GO-2026-0001 (CVE-2026-0001) example.com/text@v0.9.0 → v1.1.0, imported: A vulnerability in example.com/text\n')
assert log.contains('1 known vulnerability in 14 modules (the vendor tree freeze made)')
def zip = new File(basedir, 'target/vulndb-offline-1.0.0-go-vulndb.zip')
assert zip.isFile()
assert log.contains('go-vulndb bundle ' + zip.path)
def db = new File(basedir, 'agent/target/gomod/vulndb')
assert new File(db, 'index/db.json').text == '{"modified":"2026-03-02T10:00:00Z"}'
assert new File(db, 'index/modules.json').text.contains('{"path":"example.com/text","vulns":[{"id":"GO-2026-0001","modified":"2026-03-01T10:00:00Z","fixed":"1.1.0"}]}')
assert new File(db, 'ID/GO-2026-0002.json').text == new File(basedir, 'osv/GO-2026-0002.json').text
assert log.contains('vulnerability database restored from vulndb-offline-1.0.0-go-vulndb.zip')
assert log.contains('2 entries, modified 2026-03-02T10:00:00Z')
assert log.contains('vulnerability database already matches gomod.lock')
// the audit, offline and without go: example.com/text v0.9.0 is in the build, fixed in v1.1.0; example.com/zeta is not
assert log.contains('GO-2026-0001 (CVE-2026-0001) example.com/text@v0.9.0 → v1.1.0, required: A vulnerability in example.com/text [not_affected, code_not_reachable]')
assert log.contains('1 known vulnerability in 14 modules (go.mod) and go1.19 (stdlib, toolchain) (go.mod\'s go line): 0 failing, 1 excepted')
assert !log.contains('GO-2026-0002 (')
// past its end date, the decision no longer holds (audit.json is the last run's)
def audit = new groovy.json.JsonSlurper().parse(new File(basedir, 'agent/target/gomod/audit.json'))
assert audit.findings*.id == ['GO-2026-0001'] && audit.findings[0].exception.state == 'will_not_fix' && audit.findings[0].fails && audit.findings[0].exception.ended
assert log.contains('1 known vulnerability at or above \'required\':')
assert log.contains('(the will_not_fix exception ended 2026-01-01)')
// audit before sbom in one build: the SBOM carries the finding, with the team's decision as its VEX analysis
def sbom = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/vulndb-offline-1.0.0-go-cyclonedx.json'))
assert sbom.vulnerabilities*.id == ['GO-2026-0001']
def v = sbom.vulnerabilities[0]
assert v.analysis.state == 'not_affected' && v.analysis.justification == 'code_not_reachable' && v.analysis.detail == 'we never parse untrusted text'
assert v.affects*.ref == ['pkg:golang/example.com/text@v0.9.0?type=module']
assert sbom.components*.'bom-ref'.contains(v.affects[0].ref)
assert v.references*.id == ['CVE-2026-0001'] && v.recommendation == 'Upgrade example.com/text to v1.1.0'
// gomod:report after the audit: the finding on the page, with its decision, and the module's node ringed amber
def page = new File(basedir, 'target/gomod/report/index.html').text
assert page.contains('<g id="node-example.com/text" class="node indirect excepted"')
assert page.contains('<tr class="decided"><td>GO-2026-0001</td><td>CVE-2026-0001</td><td><a href="#node-example.com/text">example.com/text</a></td><td>v0.9.0</td><td>v1.1.0</td><td>imported</td><td>not_affected (code_not_reachable): we never parse untrusted text</td>')
assert page.contains('<tr><th>Known vulnerabilities</th><td>1 finding, 0 open, 1 with a decision (database: ')
// the database published alone, by a project with no go.mod: its manifest names no module
def published = new File(basedir, 'security-new/target/go-vulndb-2026.12.07-go-vulndb.zip')
assert published.isFile()
def manifest = new java.util.zip.ZipFile(published).withCloseable { z -> z.getInputStream(z.getEntry('gomod-manifest.txt')).text }
assert manifest.contains('kind vulndb\n') && !manifest.contains('module ') : manifest
// the agent audits the release again against the newest database the repository has, offline
assert log.contains('vulnerability database: com.corp.security:go-vulndb:zip:go-vulndb:2026.12.07 (the newest in [0,))')
assert log.contains('the bundle is checked against its own manifest: it was named by coordinates of its own')
assert log.contains('the vulnerability database com.corp.security:go-vulndb:2026.12.07 (modified 2026-12-01T08:00:00Z) is used instead of the one gomod.lock pins (2026-03-02T10:00:00Z)')
assert log.contains('GO-2026-0003 (CVE-2026-0003) example.com/text@v0.9.0 (no fix yet), required: Another vulnerability in example.com/text')
assert log.contains('2 known vulnerabilities in 14 modules (go.mod) and go1.19 (stdlib, toolchain) (go.mod\'s go line): 0 failing, 1 excepted')
// one older than the pinned database would hide what the release was audited against
assert log.contains('the vulnerability database com.corp.security:go-vulndb:2026.01.15 was last modified 2026-03-01T10:00:00Z, before the one gomod.lock pins (2026-03-02T10:00:00Z)')
assert !log.contains('proxy.invalid')
return true
