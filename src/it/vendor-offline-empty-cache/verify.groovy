def log = new File(basedir, 'build.log').text
assert log.contains('Maven is offline: go gets GOPROXY=off and no network')
assert log.contains('github.com/Acme/Core: module lookup disabled by GOPROXY=off')
assert log.contains('Maven is offline (-o): go may use only the module cache and file:// proxies')
assert !new File(basedir, 'vendor').exists()
assert !(log =~ /\tat dev\.gomod\./) : 'a user mistake must not print a stack trace'
return true
