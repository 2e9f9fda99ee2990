def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.graphWorkspace(new File(itFixtures), basedir)
// one go.mod hash missing from go.sum: go would have to ask the checksum database for it
def goSum = new File(basedir, 'go.sum')
goSum.text = goSum.readLines().findAll { !it.startsWith('github.com/Acme/Core v1.2.0/go.mod ') }.join('\n') + '\n'
return true
