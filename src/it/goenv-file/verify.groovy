def log = new File(basedir, 'build.log').text
def goenv = new File(basedir, 'go-env').absolutePath
def proxy = 'file://' + new File(basedir, 'goproxy').absolutePath
assert log.contains('go setting: GOPROXY=' + proxy + ' (go env file ' + goenv + ')')
assert log.contains('go setting: GOSUMDB=off (go env file ' + goenv + ')')
assert log.contains('go setting: GOFLAGS=-modcacherw (go env file ' + goenv + ')')
assert log.contains('go setting: GOTOOLCHAIN=local (the plugin\'s default')
assert log.contains('gomod.lock written: example.com/hello')
assert log.contains('vendor/ already matches gomod.lock') || log.contains('vendor/ written')
assert log =~ /go-vendor bundle .*goenv-file-1\.0\.0-go-vendor\.tar\.gz/
assert !log.contains('proxy.golang.org') : 'the public proxy was asked'
return true
