// The honest state, as git holds it: go.mod, go.sum and a lock pinning the real vendor tree.
// The attacker's artifact: the same bundle with core.go changed, manifest and checksums regenerated.
def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.graphWorkspace(new File(itFixtures), basedir)
def env = fixture.goEnv(basedir)
fixture.runGo(basedir, env, ['mod', 'vendor'])
def goMod = new File(basedir, 'go.mod'); def goSum = new File(basedir, 'go.sum')
def vendor = new File(basedir, 'vendor')
new File(basedir, 'gomod.lock').text = """# gomod.lock: written by gomod-maven-plugin; commit it next to go.mod. Do not edit.
lock 1
module example.com/hello
go 1.19
vendored-by go1.19
go.mod sha256:${fixture.sha256(goMod)}
go.sum sha256:${fixture.sha256(goSum)}
vendor ${fixture.h1(vendor, 'vendor')}
"""
new File(basedir, 'honest.h1').text = fixture.h1(vendor, 'vendor')

def evil = new File(basedir, 'evil')
fixture.copyTree(vendor, new File(evil, 'vendor'))
new File(evil, 'vendor/github.com/Acme/Core/core.go') << '\nfunc init() { println("pwned") }\n'
goMod.withInputStream { new File(evil, 'go.mod') << it }
goSum.withInputStream { new File(evil, 'go.sum') << it }
int files = 0
new File(evil, 'vendor').eachFileRecurse { if (it.isFile()) files++ }
new File(evil, 'gomod-manifest.txt').text = """bundle 1
kind vendor
module example.com/hello
go 1.19
go.mod sha256:${fixture.sha256(goMod)}
go.sum sha256:${fixture.sha256(goSum)}
tree ${fixture.h1(new File(evil, 'vendor'), 'vendor')}
files ${files}
"""
def repo = new File(localRepositoryPath, 'dev/gomod/it/restore-tampered/1.0.0')
repo.mkdirs()
def bundle = new File(repo, 'restore-tampered-1.0.0-go-vendor.tar.gz')
def p = ['tar', 'czf', bundle.path, 'gomod-manifest.txt', 'go.mod', 'go.sum', 'vendor'].execute(null, evil)
assert p.waitFor() == 0 : p.err.text
new File(repo, bundle.name + '.sha1').text = java.security.MessageDigest.getInstance('SHA-1').digest(bundle.bytes).encodeHex().toString()
new File(repo, bundle.name + '.md5').text = java.security.MessageDigest.getInstance('MD5').digest(bundle.bytes).encodeHex().toString()

// the agent's current vendor/: the honest tree plus a local marker, so a restore is due
new File(vendor, 'marker.txt').text = 'old tree\n'
return true
