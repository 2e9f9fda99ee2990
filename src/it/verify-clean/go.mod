module example.com/hello

go 1.19

require (
	example.com/greet v1.0.0
	github.com/Upper/Case v0.3.0
)
