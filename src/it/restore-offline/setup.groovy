// The release workspace, tidied; and two agent checkouts holding only what git holds (no vendor/).
def fixture = new GroovyShell().parse(new File(itSource, 'fixtures/GoFixture.groovy'))
fixture.graphWorkspace(new File(itFixtures), basedir)
['agent', 'agent-modcache'].each { agent ->
    fixture.copyTree(basedir, new File(basedir, agent)) { String rel ->
        !(rel in ['go.mod', 'go.sum', 'main.go'] || rel.startsWith('local/'))
    }
}
// invoker filters only the top-level pom.xml: take the plugin's coordinates from it for the agents' poms
def top = new File(basedir, 'pom.xml').text
def version = (top =~ /<artifactId>gomod-maven-plugin<\/artifactId>\s*<version>([^<]+)<\/version>/)[0][1]
['agent', 'agent-modcache'].each { agent ->
    def pom = new File(basedir, agent + '/pom.xml')
    pom.text = pom.text.replace('@project.groupId@', 'dev.gomod').replace('@project.artifactId@', 'gomod-maven-plugin').replace('@project.version@', version)
}
return true
