// Package runner executes a notebook headlessly: it sends each code cell
// in order to an engine.Engine, the same one the kernel serves Jupyter
// with, and stores what the cells show into the notebook, as Jupyter's
// nbclient does.
//
// Outputs are collected the way a Jupyter front end collects them:
// consecutive stream output of one name becomes one output,
// update_display_data replaces every output shown with its display id (in
// whatever cell it is), clear_output empties the cell (at once, or with
// wait before the next output). Before the run every code cell's outputs
// and execution count are cleared, so a notebook written after a failure
// shows exactly what this run did.
package runner
