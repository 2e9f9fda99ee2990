def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.graphWorkspace(new File(itFixtures), basedir)
new File(basedir, 'go.mod.tidy').bytes = new File(basedir, 'go.mod').bytes
new File(basedir, 'go.sum.tidy').bytes = new File(basedir, 'go.sum').bytes
return true
