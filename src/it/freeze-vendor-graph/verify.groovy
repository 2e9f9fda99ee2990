def log = new File(basedir, 'build.log').text
def lock = new File(basedir, 'gomod.lock').text
assert lock.contains('module example.com/hello\n')
def vendorHash = (lock =~ /(?m)^vendor (h1:\S+)$/)[0][1]
assert log.contains('gomod.lock written: example.com/hello, 15 modules in the build list, vendor ' + vendorHash)
assert log.contains('vendor/ written by go1.')
assert log.contains(vendorHash + '\n') || log.contains(vendorHash + '\r')
assert log.contains('vendor/ already matches gomod.lock (' + vendorHash)
assert log.contains('Maven is offline: go gets GOPROXY=off and no network')
assert log.contains('all consistent')
assert new File(basedir, 'target/gomod/build-list.txt').text.contains('example.com/old v1.0.0 => example.com/fork v1.0.1')
assert new File(basedir, 'vendor/example.com/licensed/LICENSE').isFile()
assert new File(basedir, 'go.mod').text == new File(basedir, 'go.mod.tidy').text : 'freeze/vendor changed go.mod'
assert new File(basedir, 'go.sum').text == new File(basedir, 'go.sum.tidy').text : 'freeze/vendor changed go.sum'
return true
