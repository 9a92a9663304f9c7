package notebook

import (
	"errors"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	const cellsOK = `"cells": [], "metadata": {}, "nbformat": 4`
	code := func(extra string) string {
		return `{"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": "", "execution_count": null, "outputs": [` + extra + `]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`
	}
	tests := []struct {
		name string
		doc  string
		want string // a substring of the error; "" means valid
	}{
		{"minimal", `{` + cellsOK + `, "nbformat_minor": 5}`, ""},
		{"not an object", `[]`, "notebook: want an object"},
		{"missing cells", `{"metadata": {}, "nbformat": 4, "nbformat_minor": 5}`, `notebook: missing key "cells"`},
		{"unknown top key", `{` + cellsOK + `, "nbformat_minor": 5, "extra": 1}`, `notebook: unknown key "extra"`},
		{"nbformat 3", `{"cells": [], "metadata": {}, "nbformat": 3, "nbformat_minor": 0}`, "nbformat: version 3, want 4"},
		{"minor not an integer", `{` + cellsOK + `, "nbformat_minor": 1.5}`, "nbformat_minor: want an integer"},
		{"kernelspec without name", `{"cells": [], "metadata": {"kernelspec": {"display_name": "Go"}}, "nbformat": 4, "nbformat_minor": 5}`, "metadata.kernelspec.name: missing"},
		{"language_info name type", `{"cells": [], "metadata": {"language_info": {"name": 1}}, "nbformat": 4, "nbformat_minor": 5}`, "metadata.language_info.name: want a string"},
		{"unknown metadata kept valid", `{"cells": [], "metadata": {"nbgrader": {"x": 1}}, "nbformat": 4, "nbformat_minor": 5}`, ""},
		{"cell type", `{"cells": [{"cell_type": "heading", "id": "a", "metadata": {}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`, "cells[0]: cell_type heading"},
		{"missing id in 4.5", `{"cells": [{"cell_type": "markdown", "metadata": {}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`, `cells[0]: missing key "id"`},
		{"no id needed in 4.4", `{"cells": [{"cell_type": "markdown", "metadata": {}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}`, ""},
		{"bad id", `{"cells": [{"cell_type": "markdown", "id": "a b", "metadata": {}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`, "cells[0].id: a b does not match"},
		{"id too long", `{"cells": [{"cell_type": "markdown", "id": "` + strings.Repeat("x", 65) + `", "metadata": {}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`, "does not match"},
		{"duplicate id", `{"cells": [{"cell_type": "raw", "id": "a", "metadata": {}, "source": ""}, {"cell_type": "raw", "id": "a", "metadata": {}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`, `cells[1]: id "a" is also the id of cells[0]`},
		{"outputs on markdown", `{"cells": [{"cell_type": "markdown", "id": "a", "metadata": {}, "source": "", "outputs": []}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`, `cells[0]: unknown key "outputs"`},
		{"source list of numbers", `{"cells": [{"cell_type": "raw", "id": "a", "metadata": {}, "source": [1]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`, "cells[0].source: want a string or an array of strings"},
		{"tags not strings", `{"cells": [{"cell_type": "raw", "id": "a", "metadata": {"tags": [1]}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`, "cells[0].metadata.tags[0]: want a string"},
		{"scrolled auto", `{"cells": [{"cell_type": "raw", "id": "a", "metadata": {"scrolled": "auto", "collapsed": true}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`, ""},
		{"code without outputs", `{"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": "", "execution_count": null}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`, `cells[0]: missing key "outputs"`},
		{"negative count", `{"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": "", "execution_count": -1, "outputs": []}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`, "cells[0].execution_count: -1 is below 0"},
		{"stream ok", code(`{"output_type": "stream", "name": "stdout", "text": ["a\n"]}`), ""},
		{"stream without name", code(`{"output_type": "stream", "text": "a"}`), `cells[0].outputs[0]: missing key "name"`},
		{"unknown output type", code(`{"output_type": "pyout"}`), "cells[0].outputs[0].output_type: pyout"},
		{"display with count", code(`{"output_type": "display_data", "data": {}, "metadata": {}, "execution_count": 1}`), `unknown key "execution_count"`},
		{"result without count", code(`{"output_type": "execute_result", "data": {}, "metadata": {}}`), `missing key "execution_count"`},
		{"text mime not text", code(`{"output_type": "display_data", "data": {"text/plain": {"a": 1}}, "metadata": {}}`), "data.text/plain: want a string or an array of strings"},
		{"json mime any", code(`{"output_type": "display_data", "data": {"application/json": {"a": 1}, "application/x+json": [1]}, "metadata": {}}`), ""},
		{"traceback not strings", code(`{"output_type": "error", "ename": "E", "evalue": "v", "traceback": [1]}`), "traceback[0]: want a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.doc))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("valid notebook rejected: %v", err)
				}
				return
			}
			var verr *ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("error = %v, want a *ValidationError", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestReadBadJSON(t *testing.T) {
	if _, err := Read(strings.NewReader(`{"cells": [`)); err == nil || !strings.Contains(err.Error(), "decode notebook") {
		t.Errorf("error = %v", err)
	}
}
