// Each module's standalone page and site page; the changes since 1.0.0 on tools' pages; the parent's
// pages link both modules'; the same release elsewhere and in another time zone gives the same bytes.
def page = { String rel -> def f = new File(basedir, rel); assert f.isFile() : rel + ' was not written'; f.text }
def log = new File(basedir, 'build.log').text

// release 1.0.0 installed each module's SBOM, which the next release's report compares with
['svc', 'tools'].each { m ->
    assert new File(localRepositoryPath, "dev/gomod/it/report-${m}/1.0.0/report-${m}-1.0.0-go-cyclonedx.json").isFile()
}

def tools = page('release2/tools/target/gomod/report/index.html')
assert tools.startsWith('<!DOCTYPE html>')
assert tools.contains('<title>Go dependencies of tools 1.1.0</title>')
// one node per module of the build list, and the main module's
['example.com/tools', 'example.com/util', 'example.com/extra'].each { assert tools.contains('<g id="node-' + it + '"') : it }
assert tools.contains('<p>Compared with 1.0.0:</p>')
assert tools.contains('<tr class="added"><td>example.com/extra</td><td>added</td><td></td><td>v1.0.0</td></tr>')
assert tools.contains('<tr class="upgraded"><td>example.com/util</td><td>upgraded</td><td>v0.3.0</td><td>v0.4.0</td></tr>')
// util v0.4.0 carries an MIT license text, v0.3.0 an ISC one in COPYING
assert tools.contains('<tr class="license"><td>example.com/util</td><td>license changed</td>')
assert tools =~ /<th>Bundle report-tools-1\.1\.0-go-vendor\.tar\.gz<\/th><td>[0-9.]+ [kM]?B, sha256 <code>[0-9a-f]{64}<\/code>/
assert !tools.contains('<script')
assert !tools.contains(basedir.path) : 'the page names a path of this machine'

def svc = page('release2/svc/target/gomod/report/index.html')
assert svc.contains('<p>Compared with 1.0.0: nothing changed.</p>')
assert svc.contains('<g id="node-example.com/chain/c1"')
assert svc.contains('<tr id="module-example.com/chain/c8">')
// example.com/old is replaced by example.com/fork: the fork is shown, direct, with the bytes vendored under old's path
assert svc =~ /<tr id="module-example.com\/fork"><td><a href="#node-example.com\/fork">example.com\/fork<\/a> <span class="sub">\(replaces example.com\/old\)<\/span><\/td><td>v1.0.1<\/td><td>direct<\/td><td class="n">1<\/td><td class="n">\d+ B<\/td>/
assert svc.contains('<td>directory ./local</td>')

def parent = page('release2/target/gomod/report/index.html')
assert parent.contains('<a href="../../../svc/target/gomod/report/index.html">svc (report-svc)</a>')
assert parent.contains('<a href="../../../tools/target/gomod/report/index.html">tools (report-tools)</a>')

// mvn site: the "Go dependencies" page in each module's site, and the parent's links to theirs
def toolsSite = page('release2/tools/target/site/gomod-report.html')
assert toolsSite.contains('<tr class="upgraded"><td>example.com/util</td><td>upgraded</td><td>v0.3.0</td><td>v0.4.0</td></tr>')
assert toolsSite.contains('<g id="node-example.com/util"')
assert toolsSite.contains('Go dependencies')
def parentSite = page('release2/target/site/gomod-report.html')
assert parentSite.contains('href="../../svc/target/site/gomod-report.html"')
assert page('release2/tools/target/site/project-reports.html').contains('gomod-report.html')

// another checkout, another time zone: the same bytes
['target', 'svc/target', 'tools/target'].each { d ->
    def here = new File(basedir, 'release2/' + d + '/gomod/report/index.html').bytes
    def there = new File(basedir, 'release2-elsewhere/' + d + '/gomod/report/index.html').bytes
    assert here == there : d + ': the page differs between the two checkouts'
}
assert log.contains('Go dependency report')
// the report asked for before package: the file it needs and the goals that write it, no stack trace
assert log =~ /no SBOM at \S+release2\/tools\/target\/report-tools-1\.1\.0-go-cyclonedx\.json: gomod:report draws the page from it\. Run 'mvn package gomod:report'/
assert !(log =~ /at dev\.gomod\.[a-z.]+\.[A-Z]\w+\.\w+\(/)
true
