def log = new File(basedir, 'build.log').text
def refusal = ~/go\.mod:3: go 1\.99\.0\n\[ERROR\] go\.mod requires go >= 1\.99\.0 \(running go 1\.\d+(\.\d+)?; GOTOOLCHAIN=local\)\. go was not started\./
assert log.findAll(refusal).size() == 4 : 'freeze, vendor, package and go each refuse before starting go:\n' + log
assert log.contains('Ways out: point gomod.go at a Go 1.99.0 or newer')
assert log =~ /go\.mod requires go >= 1\.99\.0 \(running go 1\.\d+(\.\d+)?\)/ : 'verify names it as go does'
assert !log.contains('skipped:') && !log.contains('127.0.0.1:1') : 'nothing probed the proxy'
assert !(log =~ /\tat dev\.gomod\./) : 'a user mistake must not print a stack trace'
assert !log.contains('MAVEN/MojoExecutionException') : 'a Go too old for go.mod is the user\'s problem, not a broken environment'
def times = log.findAll(/Total time: +([0-9.]+) s/) { all, t -> t as double }
assert times.size() == 5 : times
times.each { assert it < 5.0 : 'a refusal took ' + it + ' s: ' + times }
println 'refusal times (s): ' + times
return true
