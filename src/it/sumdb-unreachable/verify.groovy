def log = new File(basedir, 'build.log').text
assert log.contains('the checksum database sum.corp.example (GOSUMDB) cannot be reached: no GOPROXY entry serves it, and http://127.0.0.1:9 itself refused the connection.')
assert log.contains('go needs it for 1 requirement(s) go.sum lacks (github.com/Acme/Core@v1.2.0), so it would fail after its own time-outs; go was not started.')
assert log.contains('Ways out: a mirror of the database (-Dgomod.gosumdb="sum.corp.example+<key> https://<mirror>", or a GOPROXY that serves /sumdb/sum.corp.example/); gomod.gonosumdb for private module paths; or a complete go.sum')
assert !new File(basedir, 'gomod.lock').exists()
return true
