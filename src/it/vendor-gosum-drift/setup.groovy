// A lock written for the tidy go.sum, then go.sum edited: what a hand-merged go.sum looks like.
def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.graphWorkspace(new File(itFixtures), basedir)
def goSum = new File(basedir, 'go.sum')
new File(basedir, 'gomod.lock').text = """# gomod.lock: written by gomod-maven-plugin; commit it next to go.mod. Do not edit.
lock 1
module example.com/hello
go 1.19
go.mod sha256:${fixture.sha256(new File(basedir, 'go.mod'))}
go.sum sha256:${fixture.sha256(goSum)}
"""
goSum << 'example.com/sneaky v1.0.0/go.mod h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=\n'
return true
