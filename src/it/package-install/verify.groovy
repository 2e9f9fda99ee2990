def log = new File(basedir, 'build.log').text
def dir = new File(localRepositoryPath, 'dev/gomod/it/package-install/1.0.0')
def vendor = new File(dir, 'package-install-1.0.0-go-vendor.tar.gz')
def modcache = new File(dir, 'package-install-1.0.0-go-modcache.tar.gz')
assert vendor.isFile() : 'go-vendor bundle not installed'
assert modcache.isFile() : 'go-modcache bundle not installed'
assert log.contains('vendor/ written by go1.')
assert log.contains('go-vendor bundle ') && log.contains('go-modcache bundle ')
def list = { File f -> def p = ['tar', 'tzf', f.path].execute(); def out = p.text; assert p.waitFor() == 0; out.readLines() }
def v = list(vendor)
assert v.contains('gomod-manifest.txt') && v.contains('go.mod') && v.contains('go.sum') && v.contains('gomod.lock')
assert v.contains('vendor/modules.txt') && v.contains('vendor/example.com/licensed/LICENSE')
def m = list(modcache)
assert m.contains('goproxy/github.com/!acme/!core/@v/v1.2.0.zip')
assert m.contains('goproxy/github.com/!acme/!core/@v/v1.2.0.ziphash')
assert m.contains('goproxy/example.com/fork/@v/v1.0.1.mod')
assert !m.any { it.startsWith('goproxy/sumdb') || it.endsWith('.lock') }
// the installed bytes are the bytes package wrote and logged
def sha = java.security.MessageDigest.getInstance('SHA-256').digest(vendor.bytes).encodeHex().toString()
assert log.contains('sha256 ' + sha)
def lock = new File(basedir, 'gomod.lock').text
def pinned = (lock =~ /(?m)^modcache (h1:\S+)$/)[0][1]
assert log.contains('go-modcache bundle ') && log.contains('tree ' + pinned) : 'package made the module cache freeze pinned'
return true
