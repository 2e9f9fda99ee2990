def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.graphWorkspace(new File(itFixtures), basedir)
def goMod = new File(basedir, 'go.mod')
goMod.text = goMod.text.replaceFirst('require \\(\n', 'require (\n\texample.com/unused v1.0.0\n')
new File(basedir, 'go.mod.before').text = goMod.text
return true
