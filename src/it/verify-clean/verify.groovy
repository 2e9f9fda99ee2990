def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] checked go.mod (2 requires), vendor/modules.txt (2 modules, 2 packages), module cache ')
assert log.contains(' (2 zips, 2 go.mod files), gomod.lock (with vendor/, 4 files): all consistent')
assert log.contains('BUILD SUCCESS')
return true
