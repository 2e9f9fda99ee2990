module example.com/hello-service

go 1.25.0

require (
	example.com/banner v1.0.0
	example.com/greeting v1.2.0
)

require example.com/shout v0.4.1 // indirect
