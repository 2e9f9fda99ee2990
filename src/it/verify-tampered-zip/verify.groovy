def log = new File(basedir, 'build.log').text
assert log.contains('gomod:verify found 1 problem(s)')
assert log.contains('module files do not match go.sum (damaged or tampered):')
assert log.contains('github.com/Upper/Case@v0.3.0 zip (')
assert log.contains('go.sum has h1:iW9qKl3OztAGUced9RU7Lk2XlOK1CCN8lW6PmgXT4A0=, found h1:')
assert !log.contains('example.com/greet@v1.0.0 zip')
assert !(log =~ /\tat dev\.gomod\./) : 'a user mistake must not print a stack trace'
return true
