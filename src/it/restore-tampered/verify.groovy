def log = new File(basedir, 'build.log').text
def honest = new File(basedir, 'honest.h1').text
assert log.contains('REFUSED restore-tampered-1.0.0-go-vendor.tar.gz: its vendor tree is h1:')
assert log.contains('gomod.lock (from git) pins ' + honest)
assert log.contains('vendor/ was left as it was')
assert new File(basedir, 'vendor/marker.txt').text == 'old tree\n' : 'the old vendor/ was replaced'
assert !new File(basedir, 'vendor/github.com/Acme/Core/core.go').text.contains('pwned')
assert !new File(basedir, '.vendor.extract').exists() && !new File(basedir, '.vendor.new').exists()
assert !(log =~ /\tat dev\.gomod\./) : 'a refused artifact must not print a stack trace'
return true
