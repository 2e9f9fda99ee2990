// Command hello-service prints a greeting, built from three dependencies that reached it only
// through a Maven repository.
package main

import (
	"fmt"

	"example.com/banner"
	"example.com/greeting"
)

func main() {
	fmt.Println(banner.Banner(greeting.Hello("air-gapped agent")))
}
