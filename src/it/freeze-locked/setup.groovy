def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.graphWorkspace(new File(itFixtures), basedir)
return true
