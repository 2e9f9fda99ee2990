// The module, vendored, and a second checkout of it elsewhere: group-writable files (another umask)
// and every mtime moved, as another agent's checkout would have.
import java.nio.file.Files
import java.nio.file.attribute.FileTime
import java.nio.file.attribute.PosixFilePermissions

def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.graphWorkspace(new File(itFixtures), basedir)
fixture.runGo(basedir, fixture.goEnv(basedir), ['mod', 'vendor'])
def other = new File(basedir, 'elsewhere/checkout')
fixture.copyTree(basedir, other) { String rel -> rel.startsWith('elsewhere') || rel.startsWith('gocache') || rel.startsWith('goproxy') || rel.endsWith('.groovy') || rel == 'build.log' }
def later = FileTime.fromMillis(System.currentTimeMillis() + 86_400_000L)
other.eachFileRecurse { File f ->
    if (f.isFile()) {
        Files.setPosixFilePermissions(f.toPath(), PosixFilePermissions.fromString('rw-rw-r--'))
        Files.setLastModifiedTime(f.toPath(), later)
    }
}
return true
