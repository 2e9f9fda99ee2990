def log = new File(basedir, 'build.log').text
['verify', 'freeze', 'vendor', 'package', 'restore', 'go', 'audit'].each { goal ->
    assert log.contains("gomod:${goal} skipped (gomod.${goal}.skip)") : goal + ' did not skip on its own property:\n' + log
}
assert log.contains('BUILD SUCCESS')
return true
