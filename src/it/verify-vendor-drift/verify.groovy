def log = new File(basedir, 'build.log').text
assert log.contains('gomod.lock does not match the workspace:')
assert log.contains('vendor/ changed: lock has h1:JcjKJBxcAbGb3vgttu+J4KzxDYxecWCU3/JjT4VcPbk=, workspace has h1:')
assert log.contains("fix: if the change is intended run 'mvn gomod:freeze'")
assert !log.contains('go.sum changed')
assert !(log =~ /\tat dev\.gomod\./) : 'a user mistake must not print a stack trace'
return true
