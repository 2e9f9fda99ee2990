def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.goproxy(new File(basedir, 'modsrc'), new File(basedir, 'goproxy'), [:])
return true
