def log = new File(basedir, 'build.log').text
assert log.contains('no longer matches')
assert log.count('go.sum changed: lock has sha256:') == 2 : 'vendor and verify both name the drift'
assert log.contains("If the change is intended, run 'mvn gomod:freeze' and commit gomod.lock")
assert !log.contains('go.mod changed')
assert !new File(basedir, 'vendor').exists()
return true
