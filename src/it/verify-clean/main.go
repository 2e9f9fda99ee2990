package main

import (
	"fmt"

	"example.com/greet"
	cases "github.com/Upper/Case"
)

func main() { fmt.Println(cases.Shout(greet.Hello("gomod"))) }
