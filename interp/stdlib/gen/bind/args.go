package bind

import (
	"errors"
	"flag"
	"io"
	"strings"
)

// ParseArgs reads the generator's command line (without the program
// name) into a Config. The same arguments always give the same Config,
// so a test can rebuild the Config of a //go:generate line.
func ParseArgs(args []string) (Config, error) {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var cfg Config
	fs.StringVar(&cfg.Dest, "dest", "stdlib", "package name of the generated files")
	fs.StringVar(&cfg.Out, "out", ".", "directory to write the generated files to")
	fs.StringVar(&cfg.Prefix, "prefix", "gen", "file name prefix of the generated files")
	fs.StringVar(&cfg.Reexport, "reexport", "", "directory of interpreted source packages that get alias files")
	skip := fs.String("skip", "", "comma-separated import paths to leave out")
	fs.StringVar(&cfg.Dir, "C", "", "directory to load packages from (default: current)")
	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	if *skip != "" {
		cfg.Skip = strings.Split(*skip, ",")
	}
	cfg.Patterns = fs.Args()
	cfg.Command = strings.Join(args, " ")
	if len(cfg.Patterns) == 0 {
		return Config{}, errors.New("no packages given")
	}
	return cfg, nil
}
