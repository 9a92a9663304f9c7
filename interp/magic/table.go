package magic

// lineMagics is the table of line magics, by name without %.
func (m *Magics) lineMagics() map[string]magic {
	return map[string]magic{
		"cd":      {"%cd [DIR|-]", "change the working directory (home without DIR, previous with -) and print it", m.lineCd},
		"env":     {"%env [NAME[=VALUE]]", "list the environment, show a variable, or set one", m.lineEnv},
		"help":    {"%help [NAME]", "list the magics, or explain one", m.lineHelp},
		"lsmagic": {"%lsmagic", "list the magics", m.lineLsmagic},
		"pwd":     {"%pwd", "the working directory, as the cell's value", m.linePwd},
		"reset":   {"%reset [-f]", "forget all variables, functions and types (-f: without asking)", m.lineReset},
		"time":    {"%time STMT", "run STMT and print the CPU and wall time it took", m.lineTime},
		"timeit":  {"%timeit [-n N] [-r R] STMT", "time STMT in a loop: mean ± std. dev. per loop, like IPython", m.lineTimeit},
		"who":     {"%who [TYPE...]", "list the names of your variables (of these types)", m.lineWho},
		"whos":    {"%whos [TYPE...]", "a table of your variables: name, type, value", m.lineWhos},
	}
}

// cellMagics is the table of cell magics, by name without %%.
func (m *Magics) cellMagics() map[string]magic {
	return map[string]magic{
		"bash":      {"%%bash", "run the cell with bash; output shows as it comes", m.cellBash},
		"html":      {"%%html", "show the cell as HTML", m.displayAs("text/html")},
		"latex":     {"%%latex", "show the cell as LaTeX", m.displayAs("text/latex")},
		"markdown":  {"%%markdown", "show the cell as Markdown", m.displayAs("text/markdown")},
		"svg":       {"%%svg", "show the cell as an SVG image", m.displayAs("image/svg+xml")},
		"time":      {"%%time", "run the cell and print the CPU and wall time it took", m.cellTime},
		"timeit":    {"%%timeit [-n N] [-r R] [SETUP]", "run SETUP once, then time the cell in a loop", m.cellTimeit},
		"writefile": {"%%writefile [-a] FILE", "write the cell to FILE (-a: append)", m.cellWritefile},
	}
}
