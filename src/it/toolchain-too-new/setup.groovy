new File(basedir, 'go.mod').text = 'module example.com/future\n\ngo 1.99.0\n'
new File(basedir, 'main.go').text = 'package main\n\nfunc main() {}\n'
new File(basedir, 'vendor').mkdirs()
new File(basedir, 'vendor/modules.txt').text = ''
return true
