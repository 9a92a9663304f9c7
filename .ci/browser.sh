#!/usr/bin/env bash
# The course notebooks in a real browser: Debian's classic Jupyter Notebook
# server and Debian's Chromium, driven by playwright-core
# (.ci/browser/check-notebooks.mjs), run every notebook in notebooks/ with
# Kernel > Restart & Run All and check in the page that no cell errored and
# that charts and progress bars were drawn.
#
# Runs as root with no stdin (CI=true); installs what is missing (Debian:
# jupyter-notebook, chromium; npm: playwright-core from the lock file);
# installs the kernel into a temporary Jupyter data dir; works on a
# temporary copy of notebooks/ with its outputs cleared. Screenshots go to
# a temporary dir that is kept (printed), and the timeline of notebook 02 to
# docs/screenshots/02-handwritten-loop.png. Exits non-zero on any failure.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
PY=/usr/bin/python3
export PYDEVD_DISABLE_FILE_VALIDATION=1 # silence debugpy's notice in Debian's ipykernel

# 1. Debian packages, installed only when missing.
packages=(jupyter-notebook chromium)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} > 0)); then
  echo "=== installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}" </dev/null
fi
echo "=== $(jupyter-notebook --version | sed 's/^/jupyter notebook /') | $(/usr/bin/chromium --version 2>/dev/null) | node $(node --version)"

# 2. playwright-core, exactly as locked (no browser download: it drives /usr/bin/chromium).
locked=$(cd .ci/browser && node -p 'require("./package-lock.json").packages["node_modules/playwright-core"].version')
have=$(cd .ci/browser && node -p 'require("./node_modules/playwright-core/package.json").version' 2>/dev/null || true)
if [[ $have != "$locked" ]]; then
  (cd .ci/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "=== playwright-core $locked"

# 3. A work dir of our own: Jupyter's dirs and the notebooks.
work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    # SIGTERM: the server shuts its kernels down before it exits.
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
export JUPYTER_DATA_DIR=$work/jupyter
export JUPYTER_RUNTIME_DIR=$work/runtime
export JUPYTER_CONFIG_DIR=$work/config
export IPYTHONDIR=$work/ipython
mkdir -p "$JUPYTER_CONFIG_DIR"
# The screenshots outlive the run, to be looked at.
shots=$(mktemp -d -t gokernel-browser-shots.XXXXXX)

echo "=== kernel install"
go run ./cmd/kernel install

# The notebooks as committed, minus their outputs: what the page shows
# afterwards was drawn in this run. The dir keeps its name (a cell prints it).
mkdir -p "$work/served/canary"
cp -r notebooks "$work/served/notebooks"
cp .ci/browser/testdata/canary-must-fail.ipynb "$work/served/canary/"
$PY - "$work"/served/notebooks/*.ipynb <<'EOF'
import json, sys
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    with open(path, "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
EOF

# 4. The classic notebook server on a free loopback port, with a token.
port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=$($PY -c 'import secrets; print(secrets.token_hex(16))')
url=http://127.0.0.1:$port
jupyter-notebook --no-browser --allow-root --ip=127.0.0.1 --port="$port" --port-retries=0 \
  --NotebookApp.token="$token" --notebook-dir="$work/served" \
  --MappingKernelManager.cull_idle_timeout=0 >"$work/server.log" 2>&1 </dev/null &
server_pid=$!
ready=
for _ in $(seq 1 150); do
  if $PY -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
    "$url/api/status?token=$token" 2>/dev/null; then
    ready=1
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.2
done
if [[ -z $ready ]]; then
  echo "FAIL: the notebook server did not start; its log:"
  cat "$work/server.log"
  exit 1
fi
echo "=== notebook server $url (pid $server_pid)"

# 5. First a notebook that must fail each check: proof that the checks see
# an error, a cell that did not run, a missing chart and an unfinished bar.
check=(node .ci/browser/check-notebooks.mjs --url "$url" --token "$token" --shots "$shots")
canary_rc=0
canary_out=$("${check[@]}" canary/canary-must-fail.ipynb) || canary_rc=$?
sed "s/^/  canary | /" <<<"$canary_out"
if ((canary_rc == 0)); then
  echo "FAIL: the canary notebook passed the browser check"
  exit 1
fi
for want in "FAIL canary-must-fail.ipynb" "errored: " "did not run" "no chart was drawn" \
  "stopped at 0/5"; do
  if ! grep -qF -- "$want" <<<"$canary_out"; then
    echo "FAIL: the check of the canary notebook did not report \"$want\""
    exit 1
  fi
done
echo "PASS: the canary notebook failed each check, as it must"

# 6. Every course notebook.
notebooks=()
for nb in "$work"/served/notebooks/*.ipynb; do
  notebooks+=("notebooks/$(basename "$nb")")
done
rc=0
"${check[@]}" --timeline-png "$root/docs/screenshots/02-handwritten-loop.png" "${notebooks[@]}" || rc=$?
if ((rc != 0)); then
  echo "--- notebook server log (last 60 lines)"
  tail -n 60 "$work/server.log"
fi
echo "=== screenshots in $shots"
exit $rc
