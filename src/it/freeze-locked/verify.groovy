def log = new File(basedir, 'build.log').text
def lock = new File(basedir, 'gomod.lock').text
assert log.contains('gomod.lock written: example.com/hello')
assert log.contains('gomod.lock unchanged: example.com/hello')
assert log.contains('gomod.lock would change, and freeze is locked (nothing was written):')
assert log =~ /gomod\.lock: \+ modcache h1:\S+=/
assert log.contains("Freeze where you commit (without -Dgomod.locked=true), commit gomod.lock with go.mod and go.sum, and run this pipeline again")
assert !lock.contains('modcache') : 'the locked freeze wrote the lock'
assert !(log =~ /\tat dev\.gomod\./) : 'a user mistake must not print a stack trace'
return true
