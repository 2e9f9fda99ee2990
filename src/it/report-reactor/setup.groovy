// Two Go modules under a parent with no go.mod: svc (the generated graph) and tools (example.com/util
// v0.3.0). release2/ is the next release: version 1.1.0, tools on example.com/util v0.4.0 (a new
// version in the proxy) and example.com/extra added. release2-elsewhere/ is the same checkout again.
def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
File graph = new File(itFixtures, 'graph')
// the IT local repository is shared by the Maven legs: each leg installs its own 1.0.0
new File(localRepositoryPath, 'dev/gomod/it/report-reactor').deleteDir()
['svc', 'tools'].each { new File(localRepositoryPath, 'dev/gomod/it/report-' + it).deleteDir() }

fixture.copyTree(new File(graph, 'goproxy'), new File(basedir, 'goproxy'))
def modsrc = new File(basedir, 'modsrc/example.com/util@v0.4.0')
modsrc.mkdirs()
new File(modsrc, 'go.mod').text = 'module example.com/util\n\ngo 1.17\n'
new File(modsrc, 'util.go').text = '// Package util has small helpers.\npackage util\n\n// Sum adds.\nfunc Sum(a, b int64) int64 { return a + b }\n'
new File(modsrc, 'LICENSE').text = new File(itSource, '../test/resources/licenses/MIT.txt').text
fixture.goproxy(new File(basedir, 'modsrc'), new File(basedir, 'goproxy'), [:])

def top = new File(basedir, 'pom.xml')
def version = (top.text =~ /<artifactId>gomod-maven-plugin<\/artifactId>\s*<version>([^<]+)<\/version>/)[0][1]
def site = '''<?xml version="1.0" encoding="UTF-8"?>
<site xmlns="http://maven.apache.org/SITE/2.0.0">
  <skin>
    <groupId>org.apache.maven.skins</groupId>
    <artifactId>maven-fluido-skin</artifactId>
    <version>2.0.1</version>
  </skin>
</site>
'''
def child = { String name, String release -> """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.gomod.it</groupId>
    <artifactId>report-reactor</artifactId>
    <version>${release}</version>
  </parent>
  <artifactId>report-${name}</artifactId>
  <name>${name}</name>
  <packaging>pom</packaging>
  <properties>
    <gomod.freeze.skip>false</gomod.freeze.skip>
    <gomod.vendor.skip>false</gomod.vendor.skip>
    <gomod.sbom.skip>false</gomod.sbom.skip>
    <gomod.package.skip>false</gomod.package.skip>
  </properties>
</project>
"""
}
def tools = { boolean next -> 'module example.com/tools\n\ngo 1.19\n\nrequire (\n' + (next ? '\texample.com/extra v1.0.0\n' : '') +
        '\texample.com/util ' + (next ? 'v0.4.0' : 'v0.3.0') + '\n)\n' }
def toolsMain = { boolean next -> 'package main\n\nimport (\n\t"fmt"\n\n' + (next ? '\t"example.com/extra"\n' : '') +
        '\t"example.com/util"\n)\n\nfunc main() { fmt.Println(util.Sum(1, 2)' + (next ? ', extra.Name()' : '') + ') }\n' }

def release = { File dir, String release, boolean next ->
    dir.mkdirs()
    if (dir != basedir) {
        new File(dir, 'pom.xml').text = top.text.replace('<version>1.0.0</version>', '<version>' + release + '</version>')
                .replace('file://${project.basedir}/../goproxy', 'file://' + new File(basedir, 'goproxy').path)
    }
    fixture.copyTree(new File(graph, 'main'), new File(dir, 'svc'))
    new File(dir, 'tools').mkdirs()
    new File(dir, 'tools/go.mod').text = tools(next)
    new File(dir, 'tools/main.go').text = toolsMain(next)
    ['svc', 'tools'].each { m ->
        new File(dir, m + '/pom.xml').text = child(m, release)
        new File(dir, m + '/src/site').mkdirs()
        new File(dir, m + '/src/site/site.xml').text = site
        def env = fixture.goEnv(new File(dir, m))
        env.GOPROXY = 'file://' + new File(basedir, 'goproxy').path
        fixture.runGo(new File(dir, m), env, ['mod', 'tidy'])
    }
    new File(dir, 'src/site').mkdirs()
    new File(dir, 'src/site/site.xml').text = site
}
release(basedir, '1.0.0', false)
release(new File(basedir, 'release2'), '1.1.0', true)
release(new File(basedir, 'release2-elsewhere'), '1.1.0', true)
assert new File(basedir, 'release2/tools/go.sum').text.contains('example.com/util v0.4.0 h1:')
true
