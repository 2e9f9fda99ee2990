def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.graphWorkspace(new File(itFixtures), basedir)
new File(basedir, 'extra.go').text = 'package main\n\nimport _ "example.com/extra"\n'
new File(basedir, 'go.mod.before').text = new File(basedir, 'go.mod').text
return true
