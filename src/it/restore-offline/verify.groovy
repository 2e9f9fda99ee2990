def log = new File(basedir, 'build.log').text
def run = { File exe -> def p = [exe.path].execute(); def out = p.text; assert p.waitFor() == 0; out }
['agent', 'agent-modcache'].each { agent ->
    def hello = new File(basedir, agent + '/hello')
    assert hello.isFile() : agent + ' did not build'
    assert run(hello) == '42 true local 2 fork\n'
}
def env = new File(basedir, 'agent/target/gomod/offline.vars').text
assert env.contains('GOFLAGS=-modcacherw -mod=vendor\n') && env.contains('GOPROXY=off\n') && env.contains('GONOPROXY=none.invalid\n')
// for shells, quoted: GOFLAGS's two flags stay one value when sourced
assert new File(basedir, 'agent/target/gomod/offline.env').text.contains("export GOFLAGS='-modcacherw -mod=vendor'\n")
def envMc = new File(basedir, 'agent-modcache/target/gomod/offline.vars').text
assert envMc.contains('GOFLAGS=-modcacherw -mod=readonly\n') && envMc.contains('GOPROXY=file://')
assert log.contains('vendor/ restored from restore-offline-1.0.0-go-vendor.tar.gz: 24 files, h1:')
assert log.contains(', matches gomod.lock')
assert log.contains('module cache restored from restore-offline-1.0.0-go-modcache.tar.gz')
assert log.contains('nothing to restore')
// the vendor agent fetched nothing at all; the modcache agent only from the restored file:// proxy
assert !new File(basedir, 'agent/empty-cache/cache/download').exists()
assert !log.contains('proxy.invalid')
return true
