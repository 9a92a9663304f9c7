package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/gokernel/gokernel/install"
)

func init() {
	commands["install"] = command{
		summary: "register the kernelspec with Jupyter",
		run: func(args []string) int {
			return runInstall(args, os.Stdout, os.Stderr, osEnv())
		},
	}
	commands["uninstall"] = command{
		summary: "remove the kernelspec",
		run: func(args []string) int {
			return runUninstall(args, os.Stdout, os.Stderr, osEnv())
		},
	}
}

// osEnv is the real environment DataDir reads.
func osEnv() install.Env {
	home, _ := os.UserHomeDir() // an empty home is reported by DataDir when it matters
	return install.Env{Getenv: os.Getenv, Home: home, GOOS: runtime.GOOS}
}

// locationFlags are the flags install and uninstall share.
type locationFlags struct {
	user, sysPrefix bool
	prefix, name    string
}

func (l *locationFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&l.user, "user", false, "install for the current user (default)")
	fs.BoolVar(&l.sysPrefix, "sys-prefix", false, "install into the Python environment Jupyter runs in ($CONDA_PREFIX, $VIRTUAL_ENV or /usr/local)")
	fs.StringVar(&l.prefix, "prefix", "", "install into `DIR`/share/jupyter")
	fs.StringVar(&l.name, "name", install.DefaultName, "kernelspec `name`")
}

// dataDir resolves the flags to a Jupyter data directory.
func (l *locationFlags) dataDir(env install.Env) (string, error) {
	n := 0
	loc := install.User
	for _, set := range []struct {
		on  bool
		loc install.Location
	}{{l.user, install.User}, {l.sysPrefix, install.SysPrefix}, {l.prefix != "", install.Prefix}} {
		if set.on {
			n++
			loc = set.loc
		}
	}
	if n > 1 {
		return "", errors.New("use only one of --user, --sys-prefix and --prefix")
	}
	return install.DataDir(loc, l.prefix, env)
}

func runInstall(args []string, stdout, stderr io.Writer, env install.Env) int {
	fs := flag.NewFlagSet("install", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: kernel install [--user|--sys-prefix|--prefix DIR] [--name NAME] [--display-name TEXT]\n\nRegisters gokernel with Jupyter: writes kernel.json, the logos and a copy of\nthis binary into <data dir>/kernels/NAME.\n\nOptions:")
		fs.PrintDefaults()
	}
	var loc locationFlags
	loc.register(fs)
	display := fs.String("display-name", "", "name shown in Jupyter's kernel menu (default \"Go (gokernel)\")")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "kernel install: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	data, err := loc.dataDir(env)
	if err != nil {
		fmt.Fprintf(stderr, "kernel install: %v\n", err)
		return 2
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "kernel install: find own binary: %v\n", err)
		return 1
	}
	dir, err := install.Install(install.Options{DataDir: data, Name: loc.name, DisplayName: *display, Executable: exe})
	if err != nil {
		fmt.Fprintf(stderr, "kernel install: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Installed kernelspec %s in %s\n", loc.name, dir)
	fmt.Fprintf(stdout, "Try it: jupyter console --kernel %s\n", loc.name)
	return 0
}

// parseExit is the exit code for a flag parse error: 0 for -h, else 2.
func parseExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

func runUninstall(args []string, stdout, stderr io.Writer, env install.Env) int {
	fs := flag.NewFlagSet("uninstall", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: kernel uninstall [--user|--sys-prefix|--prefix DIR] [--name NAME]\n\nRemoves the kernelspec that 'kernel install' wrote.\n\nOptions:")
		fs.PrintDefaults()
	}
	var loc locationFlags
	loc.register(fs)
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "kernel uninstall: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	data, err := loc.dataDir(env)
	if err != nil {
		fmt.Fprintf(stderr, "kernel uninstall: %v\n", err)
		return 2
	}
	dir, err := install.Uninstall(data, loc.name)
	if err != nil {
		fmt.Fprintf(stderr, "kernel uninstall: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Removed kernelspec %s from %s\n", loc.name, dir)
	return 0
}
