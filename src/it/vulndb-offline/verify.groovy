def log = new File(basedir, 'build.log').text
def lock = new File(basedir, 'gomod.lock').text
def pin = (lock =~ /(?m)^vulndb (h1:\S+) (\S+)$/)
assert pin.find() : lock
assert pin.group(2) == '2026-03-02T10:00:00Z' : 'the time the database states: its newest entry'
def zip = new File(basedir, 'target/vulndb-offline-1.0.0-go-vulndb.zip')
assert zip.isFile()
assert log.contains('go-vulndb bundle ' + zip.path)
def db = new File(basedir, 'agent/target/gomod/vulndb')
assert new File(db, 'index/db.json').text == '{"modified":"2026-03-02T10:00:00Z"}'
assert new File(db, 'index/modules.json').text.contains('{"path":"example.com/text","vulns":[{"id":"GO-2026-0001","modified":"2026-03-01T10:00:00Z","fixed":"1.1.0"}]}')
assert new File(db, 'ID/GO-2026-0002.json').text == new File(basedir, 'osv/GO-2026-0002.json').text
assert log.contains('vulnerability database restored from vulndb-offline-1.0.0-go-vulndb.zip')
assert log.contains('2 entries, modified 2026-03-02T10:00:00Z')
assert log.contains('vulnerability database already matches gomod.lock')
assert !log.contains('proxy.invalid')
return true
