def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.graphWorkspace(new File(itFixtures), basedir)
// what 'go env -w GOPROXY=... GOSUMDB=off GOFLAGS=-modcacherw' writes, and nothing else says
new File(basedir, 'go-env').text = 'GOPROXY=file://' + new File(basedir, 'goproxy').absolutePath + '\n' +
        'GOSUMDB=off\nGOFLAGS=-modcacherw\n'
return true
