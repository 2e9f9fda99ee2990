def log = new File(basedir, 'build.log').text
def run = { File exe -> def p = [exe.path].execute(); def out = p.text; assert p.waitFor() == 0; out }

// the release: a workspace lock in the parent, a module lock in each child, all four bundles deployed
def wsLock = new File(basedir, 'gomod.lock').text
assert wsLock.contains('\nlock 2\nworkspace go.work\n')
['api', 'app', 'lib'].each { m -> assert wsLock.contains('\nuse ' + m + ' example.com/rx/' + m + ' sha256:') }
['lib', 'api', 'app'].each { m ->
    def lock = new File(basedir, m + '/gomod.lock').text
    assert lock.contains('\nlock 1\nmodule example.com/rx/' + m + '\n' + (m == 'app' ? 'modfile go.prod.mod\n' : 'go 1.22\n'))
    assert lock.contains('\nvendor h1:')
}
def repo = new File(basedir, 'deploy-repo/dev/gomod/it')
['reactor-workspace', 'reactor-lib', 'reactor-api', 'reactor-app'].each { a ->
    assert new File(repo, a + '/1.0.0/' + a + '-1.0.0-go-vendor.tar.gz').isFile() : a + ' was not deployed'
}
// with two threads, and nothing installed: the agent had the bundles from the deployment repository only
assert log.contains('-T 2') || log =~ /thread count of 2|MultiThreadedBuilder/
['reactor-workspace', 'reactor-lib', 'reactor-api', 'reactor-app'].each { a ->
    assert new File(localRepositoryPath, 'dev/gomod/it/' + a + '/1.0.0/_remote.repositories').text.contains(a + '-1.0.0-go-vendor.tar.gz>it-deploy=')
    assert log.contains('vendor/ restored from ' + a + '-1.0.0-go-vendor.tar.gz')
}

// the agent built the workspace in workspace mode, and app on its own, offline, with an empty module cache
def agent = new File(basedir, 'agent')
assert run(new File(agent, 'ws-app')).startsWith('42 ')
assert run(new File(agent, 'ws-app')) == run(new File(agent, 'app/app'))
assert new File(agent, 'vendor/modules.txt').text.startsWith('## workspace\n')
assert !new File(agent, 'app/vendor/modules.txt').text.startsWith('## workspace')
assert new File(agent, 'target/gomod/offline.vars').text.contains('GOWORK=' + new File(agent, 'go.work').absolutePath + '\n')
assert new File(agent, 'target/gomod/offline.env').text.contains("export GOWORK='" + new File(agent, 'go.work').absolutePath + "'\n")
def appEnv = new File(agent, 'app/target/gomod/offline.vars').text
assert appEnv.contains('GOWORK=off\n')
assert appEnv.contains('GOFLAGS=-modcacherw -modfile=' + new File(agent, 'app/go.prod.mod').absolutePath + ' -mod=vendor\n')
// app's bundle carries the file it was made from, under its name
def appBundle = new File(basedir, 'deploy-repo/dev/gomod/it/reactor-app/1.0.0/reactor-app-1.0.0-go-vendor.tar.gz')
def tar = ['tar', 'tzf', appBundle.path].execute()
def names = tar.text.readLines()
assert tar.waitFor() == 0
assert names.contains('go.prod.mod') && names.contains('go.prod.sum') && !names.contains('go.mod')
assert !new File(agent, 'empty-cache/cache/download').exists()
assert !log.contains('proxy.invalid')
return true
