// Command kernel is gokernel, a Jupyter kernel for Go.
//
// Usage:
//
//	kernel install [--user|--sys-prefix|--prefix DIR] [--name NAME]   register the kernelspec
//	kernel uninstall [--name NAME]                                    remove it
//	kernel run NOTEBOOK.ipynb [-o OUT.ipynb] [--timeout D]            run a notebook headlessly
//	kernel serve CONNECTION_FILE                                      what kernel.json starts
//	kernel bench                                                      measure against ipykernel
//	kernel executor                                                   internal: runs cells
//
// Each subcommand lives in its own file and adds itself to the table in
// an init function, so main only dispatches.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand: run gets the arguments after its name and
// returns the process exit code.
type command struct {
	summary string
	run     func(args []string) int
	hidden  bool
}

// commands is filled by the init functions of the subcommand files.
var commands = map[string]command{}

func main() {
	if len(os.Args) < 2 {
		usage(os.Stdout)
		os.Exit(0)
	}
	name := os.Args[1]
	if name == "help" || name == "-h" || name == "--help" {
		usage(os.Stdout)
		os.Exit(0)
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "kernel: unknown command %q\n\n", name)
		usage(os.Stderr)
		os.Exit(2)
	}
	os.Exit(cmd.run(os.Args[2:]))
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "gokernel: a Jupyter kernel for Go\n\nUsage: kernel COMMAND [arguments]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n, c := range commands {
		if !c.hidden {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'kernel COMMAND -h' for a command's options.")
}
