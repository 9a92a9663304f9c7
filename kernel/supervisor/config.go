package supervisor

import (
	"log/slog"
	"time"
)

// Defaults for the zero fields of Config.
const (
	DefaultOutputLimit    = 1 << 20
	DefaultFlushInterval  = 50 * time.Millisecond
	DefaultFlushSize      = 64 << 10
	DefaultInterruptGrace = time.Second
	DefaultStartTimeout   = 30 * time.Second
)

// MemoryLimitEnv is the environment variable that carries the memory
// ceiling to the executor (bytes), which sets it as its soft GC limit.
const MemoryLimitEnv = "GOKERNEL_MEMORY_LIMIT"

// RestartNotice is the last line of the traceback of a cell during which
// the executor died or was killed.
const RestartNotice = "The Go session was restarted: variables and declarations from earlier cells are gone."

// RestoredNotice replaces RestartNotice when the executor could replay
// earlier cells' declarations; %s lists them. The variables those cells
// declared exist again, with their zero values.
const RestoredNotice = "The Go session was restarted: variables from earlier cells are back to their zero values; these declarations were restored: %s."

// Config says how to start and guard the executor.
type Config struct {
	// Path is the executable to start and Args its arguments (usually
	// os.Executable() and ["executor"]).
	Path string
	Args []string
	// Env is added to the kernel's environment for the executor.
	Env []string
	// Logger receives the supervisor's logs; nil discards them.
	Logger *slog.Logger
	// Explain turns an executor death into the cell's error. Nil uses a
	// plain description of the exit status.
	Explain func(Crash) (ename, evalue string, traceback []string)
	// MemoryLimit is the executor's resident memory ceiling in bytes; 0
	// means no ceiling.
	MemoryLimit int64
	// OutputLimit caps the text one cell may print (bytes).
	OutputLimit int
	// FlushInterval and FlushSize bound how long and how much printed text
	// is held before it is sent as one stream output.
	FlushInterval time.Duration
	FlushSize     int
	// InterruptGrace is how long an interrupted cell may take to stop
	// before the executor is killed.
	InterruptGrace time.Duration
	// StartTimeout bounds the wait for a new executor to be ready.
	StartTimeout time.Duration
}

// withDefaults fills the zero fields.
func (c Config) withDefaults() Config {
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Explain == nil {
		c.Explain = plainExplain
	}
	if c.OutputLimit <= 0 {
		c.OutputLimit = DefaultOutputLimit
	}
	if c.FlushInterval <= 0 {
		c.FlushInterval = DefaultFlushInterval
	}
	if c.FlushSize <= 0 {
		c.FlushSize = DefaultFlushSize
	}
	if c.InterruptGrace <= 0 {
		c.InterruptGrace = DefaultInterruptGrace
	}
	if c.StartTimeout <= 0 {
		c.StartTimeout = DefaultStartTimeout
	}
	return c
}
