def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.copyWorkspace(new File(itSource, 'verify-clean'), basedir)
fixture.goproxy(new File(basedir, 'modsrc'), new File(basedir, 'goproxy'),
        ['github.com/Upper/Case@v0.3.0/cases.go': 'package cases\n\nfunc Shout(s string) string { return s } // swapped\n'])
return true
