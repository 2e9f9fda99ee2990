def log = new File(basedir, 'build.log').text
assert log.contains('go.mod: + example.com/extra v1.0.0   (tidy would add)')
assert log.contains('go.sum: + example.com/extra v1.0.0 h1:')
assert new File(basedir, 'go.mod').text == new File(basedir, 'go.mod.before').text
assert !new File(basedir, 'go.sum').text.contains('example.com/extra')
assert !new File(basedir, 'gomod.lock').exists()
return true
