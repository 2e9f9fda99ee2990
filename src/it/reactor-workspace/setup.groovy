// The reactor: three Go modules wired by directory replacements (app -> api -> lib), a go.work in the
// parent directory that uses all three, each module tidied on its own as a developer would; the
// children's poms; and the agent's checkout: what git holds (no vendor/, no locks: the agent's poms
// point at the release's locks, which a real agent would have from git).
def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
String root = basedir.absolutePath
fixture.copyTree(new File(itFixtures, 'graph/goproxy'), new File(basedir, 'goproxy'))
// the IT local repository is shared by the Maven legs: this leg's agent must fetch its own deployment
['reactor-workspace', 'reactor-lib', 'reactor-api', 'reactor-app'].each { new File(localRepositoryPath, 'dev/gomod/it/' + it).deleteDir() }

def write = { String rel, String text -> def f = new File(basedir, rel); f.parentFile.mkdirs(); f.text = text }
write('lib/go.mod', 'module example.com/rx/lib\n\ngo 1.22\n\nrequire github.com/Acme/Core v1.2.0\n')
write('lib/lib.go', 'package lib\n\nimport core "github.com/Acme/Core"\n\n// Answer is the core answer.\nfunc Answer() int64 { return core.Answer() }\n')
write('api/go.mod', 'module example.com/rx/api\n\ngo 1.22\n\nrequire (\n\texample.com/mixed/v2 v2.0.0\n\texample.com/rx/lib v0.0.0\n)\n\nreplace example.com/rx/lib => ../lib\n')
write('api/api.go', 'package api\n\nimport (\n\t"fmt"\n\n\t"example.com/mixed/v2"\n\t"example.com/rx/lib"\n)\n\n// Hello joins what the modules below say.\nfunc Hello() string { return fmt.Sprint(lib.Answer(), " ", mixed.V) }\n')
write('app/go.mod', 'module example.com/rx/app\n\ngo 1.22\n\nrequire (\n\texample.com/licensed v1.0.0\n\texample.com/rx/api v0.0.0\n)\n\nreplace (\n\texample.com/rx/api => ../api\n\texample.com/rx/lib => ../lib\n)\n')
write('app/main.go', 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/licensed/sub/pkg"\n\t"example.com/rx/api"\n)\n\nfunc main() { fmt.Println(api.Hello(), pkg.Licensed) }\n')
write('go.work', 'go 1.22\n\nuse (\n\t./api\n\t./app\n\t./lib\n)\n')
def env = fixture.goEnv(basedir)
['lib', 'api', 'app'].each { fixture.runGo(new File(basedir, it), env, ['mod', 'tidy']) }
// app is built from an alternate go.mod (gomod.modfile, go's -modfile): a copy of its go.mod and go.sum
// with a comment of its own, so that its digests, and what the bundle carries, are not go.mod's
new File(basedir, 'app/go.prod.mod').text = '// the production dependency set\n' + new File(basedir, 'app/go.mod').text
new File(basedir, 'app/go.prod.sum').bytes = new File(basedir, 'app/go.sum').bytes

// invoker filters only the top-level pom.xml: take the plugin's coordinates from it
def top = new File(basedir, 'pom.xml')
top.text = top.text.replace('IT_ROOT', root)
def version = (top.text =~ /<artifactId>gomod-maven-plugin<\/artifactId>\s*<version>([^<]+)<\/version>/)[0][1]

def child = { String dir, String args, String extra ->
    """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.gomod.it</groupId>
    <artifactId>reactor-workspace</artifactId>
    <version>1.0.0</version>
  </parent>
  <artifactId>reactor-${dir}</artifactId>
  <packaging>pom</packaging>
  <properties>
    <gomod.args>${args}</gomod.args>${extra}
  </properties>
</project>
"""
}
def args = [lib: 'build ./...', api: 'build ./...', app: 'build -o app .']
def modfile = { String dir -> dir == 'app' ? '\n    <gomod.modfile>go.prod.mod</gomod.modfile>' : '' }
args.each { dir, a -> write(dir + '/pom.xml', child(dir, a, modfile(dir))) }

// the agent: the same coordinates, the deployment repository as its only source of bundles
fixture.copyTree(basedir, new File(basedir, 'agent')) { String rel ->
    !(rel == 'go.work' || rel ==~ /(lib|api|app)\/(go\.mod|go\.sum|go\.prod\.mod|go\.prod\.sum|[a-z]+\.go)/)
}
write('agent/pom.xml', """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.gomod.it</groupId>
  <artifactId>reactor-workspace</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <description>A fresh checkout of the reactor on an air-gapped agent: no vendor/, an empty module cache, no Go proxy.</description>
  <modules>
    <module>lib</module>
    <module>api</module>
    <module>app</module>
  </modules>
  <repositories>
    <repository>
      <id>it-deploy</id>
      <url>file://${root}/deploy-repo</url>
    </repository>
  </repositories>
  <properties>
    <gomod.lockFile>${root}/gomod.lock</gomod.lockFile>
    <gomod.args>build -o ws-app example.com/rx/app</gomod.args>
  </properties>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.gomod</groupId>
        <artifactId>gomod-maven-plugin</artifactId>
        <version>${version}</version>
        <configuration>
          <environment>
            <GOMODCACHE>${root}/agent/empty-cache</GOMODCACHE>
            <GOCACHE>${root}/agent/gocache/build</GOCACHE>
            <GOPATH>${root}/agent/gocache/path</GOPATH>
            <GOFLAGS>-modcacherw</GOFLAGS>
            <GOENV>off</GOENV>
            <GOPROXY>https://proxy.invalid</GOPROXY>
          </environment>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
""")
// its own root for Maven 4 (which looks for .mvn): else the release's reactor, and the release's
// project-local repository beside it, would be the agent's too, and it would resolve the bundles there
new File(basedir, 'agent/.mvn').mkdirs()
args.each { dir, a ->
    write('agent/' + dir + '/pom.xml', child(dir, a, "\n    <gomod.lockFile>${root}/${dir}/gomod.lock</gomod.lockFile>" + modfile(dir)))
}
return true
