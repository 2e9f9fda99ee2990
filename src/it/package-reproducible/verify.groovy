def log = new File(basedir, 'build.log').text
def shas = [:].withDefault { [] }
(log =~ /(go-vendor|go-modcache) bundle \S+\.(tar\.gz|zip): \d+ entries, \d+ bytes, sha256 ([0-9a-f]{64})/).each { all, kind, ext, sha ->
    shas[kind + '.' + ext] << sha
}
assert shas.keySet() == ['go-vendor.tar.gz', 'go-modcache.tar.gz', 'go-vendor.zip', 'go-modcache.zip'] as Set : shas
shas.each { k, v ->
    assert v.size() == 2 : k + ' packed ' + v.size() + ' times'
    assert v[0] == v[1] : k + ' differs between the two checkouts: ' + v
}
assert log.count('packing vendor, modcache of ' + new File(basedir, 'elsewhere/checkout').path + ' as ') == 2 : 'the second checkout was not packed'
assert log.count('packing vendor, modcache of ' + basedir.path + ' as ') == 2
return true
