def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.copyWorkspace(new File(itSource, 'verify-clean'), basedir)
fixture.goproxy(new File(basedir, 'modsrc'), new File(basedir, 'goproxy'), [:])
new File(basedir, 'vendor/github.com/Upper/Case/cases.go') << '\n// patched in place\n'
return true
