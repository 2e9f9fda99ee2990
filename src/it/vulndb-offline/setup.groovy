// The release workspace, tidied; a directory of OSV entries (a company mirror of the database); and an
// agent checkout holding only what git holds (with its gomod-vex.json).
def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.graphWorkspace(new File(itFixtures), basedir)
def osv = new File(basedir, 'osv')
osv.mkdirs()
[['GO-2026-0001', 'example.com/text', '1.1.0', '2026-03-01T10:00:00Z'], ['GO-2026-0002', 'example.com/zeta', null, '2026-03-02T10:00:00Z']].each { e ->
    def events = '{"introduced": "0"}' + (e[2] ? ', {"fixed": "' + e[2] + '"}' : '')
    new File(osv, e[0] + '.json').text = """{
  "schema_version": "1.3.1",
  "id": "${e[0]}",
  "modified": "${e[3]}",
  "aliases": ["CVE-2026-${e[0].substring(8)}"],
  "summary": "A vulnerability in ${e[1]}",
  "affected": [{"package": {"name": "${e[1]}", "ecosystem": "Go"}, "ranges": [{"type": "SEMVER", "events": [${events}]}]}]
}
"""
}
// the security team's own project publishes the database alone, on coordinates of its own: an older
// build of it (only the first entry, older than what the release pins) and today's (one advisory more)
def entry = new File(osv, 'GO-2026-0001.json').text
new File(basedir, 'osv-old').mkdirs()
new File(basedir, 'osv-old/GO-2026-0001.json').text = entry
new File(basedir, 'osv-new').mkdirs()
osv.eachFile { f -> new File(basedir, 'osv-new/' + f.name).text = f.text }
new File(basedir, 'osv-new/GO-2026-0003.json').text = entry.replace('GO-2026-0001', 'GO-2026-0003').replace('CVE-2026-0001', 'CVE-2026-0003')
        .replace('2026-03-01T10:00:00Z', '2026-12-01T08:00:00Z').replace(', {"fixed": "1.1.0"}', '').replace('A vulnerability', 'Another vulnerability')
fixture.copyTree(basedir, new File(basedir, 'agent')) { String rel -> !(rel in ['go.mod', 'go.sum', 'main.go'] || rel.startsWith('local/')) }
// the team's decision about the one finding, and the same decision past its end date
new File(basedir, 'gomod-vex.json').text = new File(basedir, 'agent/gomod-vex.json').text = '{"exceptions": [{"id": "GO-2026-0001", "state": "not_affected", "justification": "code_not_reachable", "detail": "we never parse untrusted text"}]}\n'
new File(basedir, 'agent/expired-vex.json').text = '{"exceptions": [{"id": "CVE-2026-0001", "state": "will_not_fix", "until": "2026-01-01", "detail": "upgrade planned"}]}\n'
def top = new File(basedir, 'pom.xml').text
def version = (top =~ /<artifactId>gomod-maven-plugin<\/artifactId>\s*<version>([^<]+)<\/version>/)[0][1]
def pom = new File(basedir, 'agent/pom.xml')
pom.text = pom.text.replace('@project.groupId@', 'dev.gomod').replace('@project.artifactId@', 'gomod-maven-plugin').replace('@project.version@', version)
[['security-old', '2026.01.15', 'osv-old'], ['security-new', '2026.12.07', 'osv-new']].each { s ->
    new File(basedir, s[0]).mkdirs()
    new File(basedir, s[0] + '/pom.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <!-- no go.mod here: this project only publishes the database -->
  <groupId>com.corp.security</groupId>
  <artifactId>go-vulndb</artifactId>
  <version>${s[1]}</version>
  <packaging>pom</packaging>
  <properties>
    <gomod.bundles>vulndb</gomod.bundles>
    <gomod.vulndb>\${project.basedir}/../${s[2]}</gomod.vulndb>
  </properties>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.gomod</groupId>
        <artifactId>gomod-maven-plugin</artifactId>
        <version>${version}</version>
        <executions>
          <execution>
            <goals>
              <goal>package</goal>
            </goals>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
"""
}
return true
