def log = new File(basedir, 'build.log').text
assert log.contains('is not tidy; go mod tidy would change:')
assert log.contains('go.mod:6: - example.com/unused v1.0.0   (tidy would remove)')
assert log.contains("Run 'go mod tidy' (or 'mvn gomod:freeze -Dgomod.tidy=true') and commit go.mod and go.sum")
assert new File(basedir, 'go.mod').text == new File(basedir, 'go.mod.before').text
assert !new File(basedir, 'gomod.lock').exists()
assert !(log =~ /\tat dev\.gomod\./) : 'a user mistake must not print a stack trace'
return true
