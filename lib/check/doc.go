// Package check holds the assertions of exercise and homework cells.
//
// Each check prints one line that a student and a grader can read, either
// "✓ PASS name" or "✗ FAIL name: expected ..., got ...". A failed check then
// panics with a *Failure carrying the same words, so that the cell fails
// (an autograder such as nbgrader scores a failing cell 0) and the cells
// after it do not run on wrong results.
//
// The package-level functions write to os.Stdout through a default Checker
// (standard output at the time of the call); a Checker value writes
// wherever its Out says. Values are compared the way a student reads them:
// numbers by value whatever their Go type (int 3 equals int64 3 and 3.0),
// lists element by element, everything else with reflect.DeepEqual.
// Timing checks are ratios and bounds, because a shared machine is noisy.
package check
