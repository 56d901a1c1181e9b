# shellcheck shell=bash
# Set-up steps for ./kc. Each step is idempotent: it checks first, does the work only when missing, and says so in one
# line. A step that can not be done here stops kc with what is missing and how to provide it.

KC_STARTED_DOCKERD_PID=""

kc_say()  { printf 'kc: %s\n' "$*" >&2; }
kc_fail() { printf 'kc: error: %s\n' "$*" >&2; exit 2; }

# Installs Debian packages when missing. Needs root and apt-get; otherwise says what to install by hand.
kc_apt_install() {
  local missing=("$@")
  if [ "$(id -u)" != "0" ]; then
    kc_fail "missing ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' (kc installs it itself only as root)."
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    kc_fail "missing ${missing[*]} and this is not a Debian-like system (no apt-get): install ${missing[*]} with your package manager."
  fi
  kc_say "installing ${missing[*]} (apt-get) …"
  local log="$KC_STATE/apt.log"
  if [ ! -f "$KC_STATE/apt-updated" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1 || kc_fail "apt-get update failed (see $log)."
    touch "$KC_STATE/apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$log" 2>&1 \
    || kc_fail "apt-get install ${missing[*]} failed (see $log)."
}

kc_ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || kc_fail "the .NET SDK is missing: install .NET SDK 10 (https://dot.net) and re-run."
}

# Docker: a daemon that answers. Installs Debian's docker.io when there is no engine and starts dockerd when none runs
# (there is no systemd on these machines). A dockerd that kc started is stopped again when kc exits.
kc_ensure_docker() {
  if docker info >/dev/null 2>&1; then return 0; fi
  if [ -n "${DOCKER_HOST:-}" ] && command -v docker >/dev/null 2>&1; then
    kc_fail "no Docker daemon answers at $DOCKER_HOST (DOCKER_HOST): start it there or unset DOCKER_HOST, or use --target inprocess / --target external."
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    kc_apt_install docker.io
  fi
  command -v docker >/dev/null 2>&1 || kc_fail "docker CLI missing after installing docker.io."
  if docker info >/dev/null 2>&1; then return 0; fi
  if [ -S /var/run/docker.sock ] && pgrep -x dockerd >/dev/null 2>&1; then
    kc_fail "a Docker daemon is running but does not answer on /var/run/docker.sock: check 'docker info', or use --target inprocess / --target external."
  fi
  [ "$(id -u)" = "0" ] || kc_fail "no Docker daemon answers and kc can start one only as root: start Docker yourself, or use --target inprocess / --target external."
  kc_say "starting dockerd (log: $KC_STATE/dockerd.log) …"
  # --ip=127.0.0.1: published ports bind to loopback only; traffic stays on this machine.
  # setsid: its own session, so a Ctrl-C in the terminal reaches kc and the harness (which then remove their
  # containers through this daemon) but not the daemon itself.
  setsid dockerd --ip=127.0.0.1 >"$KC_STATE/dockerd.log" 2>&1 &
  KC_STARTED_DOCKERD_PID=$!
  echo "$KC_STARTED_DOCKERD_PID" >"$KC_STATE/dockerd.pid"
  local i
  for i in $(seq 1 150); do
    if docker info >/dev/null 2>&1; then kc_say "dockerd ready (pid $KC_STARTED_DOCKERD_PID)."; return 0; fi
    if ! kill -0 "$KC_STARTED_DOCKERD_PID" 2>/dev/null; then
      tail -n 5 "$KC_STATE/dockerd.log" >&2 || true
      kc_fail "dockerd exited at start (log above, full log $KC_STATE/dockerd.log)."
    fi
    sleep 0.2
  done
  kc_fail "dockerd did not answer within 30 s (log: $KC_STATE/dockerd.log)."
}

# What earlier runs left when they were killed outright (SIGKILL, a lost CI runner) is removed by the CLI at the start of
# every command that starts containers (cli/…/Running/LeftoverCleanup.cs): every resource carries its owner (PID, boot
# id, start time), so only a gone owner's containers, networks and volumes go, never those of a live concurrent run.

# Removes what this kc invocation started: containers, networks and volumes of its session (by label), and its dockerd (by PID).
kc_cleanup() {
  local rc=$?
  if [ -n "${KC_SESSION:-}" ] && command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    local ids
    ids=$(docker ps -aq --filter "label=kratos-conformance.session=$KC_SESSION" 2>/dev/null || true)
    [ -z "$ids" ] || docker rm -f $ids >/dev/null 2>&1 || true
    ids=$(docker network ls -q --filter "label=kratos-conformance.session=$KC_SESSION" 2>/dev/null || true)
    [ -z "$ids" ] || docker network rm $ids >/dev/null 2>&1 || true
    ids=$(docker volume ls -q --filter "label=kratos-conformance.session=$KC_SESSION" 2>/dev/null || true)
    [ -z "$ids" ] || docker volume rm $ids >/dev/null 2>&1 || true
  fi
  if [ -n "$KC_STARTED_DOCKERD_PID" ] && [ -z "${KC_KEEP_DOCKERD:-}" ]; then
    kill "$KC_STARTED_DOCKERD_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 50); do kill -0 "$KC_STARTED_DOCKERD_PID" 2>/dev/null || break; sleep 0.1; done
    rm -f "$KC_STATE/dockerd.pid"
  fi
  return $rc
}

kc_ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  kc_apt_install chromium
}

# smtp4dev: a real mail server (SMTP, IMAP, POP3, HTTP API) from NuGet, used in-process and inside the local image.
kc_ensure_smtp4dev() {
  # One folder per version, shared with the smtp4dev image recipe (containers/…/Smtp4devImageRecipe.cs).
  local dir="$KC_STATE/tools/smtp4dev-3.15.0"
  [ -x "$dir/smtp4dev" ] && return 0
  kc_say "installing smtp4dev 3.15.0 (dotnet tool) …"
  dotnet tool install Rnwood.Smtp4dev --version 3.15.0 --tool-path "$dir" >"$KC_STATE/smtp4dev-install.log" 2>&1 \
    || kc_fail "installing smtp4dev failed (see $KC_STATE/smtp4dev-install.log)."
}

# Stryker.NET (a dotnet tool) for ./kc mutate and the mutation sample of ./kc test, one folder per version like smtp4dev.
kc_ensure_stryker() {
  local dir="$KC_STATE/tools/dotnet-stryker-5.1.0"
  [ -x "$dir/dotnet-stryker" ] && return 0
  kc_say "installing dotnet-stryker 5.1.0 (dotnet tool) …"
  dotnet tool install dotnet-stryker --version 5.1.0 --tool-path "$dir" >"$KC_STATE/stryker-install.log" 2>&1 \
    || kc_fail "installing dotnet-stryker failed (see $KC_STATE/stryker-install.log)."
}

# The Ory Elements reference UI (harness/…/Ui/Elements): Node and npm from Debian when missing, then its pinned
# packages (package-lock.json) installed without install scripts and bundled with esbuild into static files, once per
# content hash of its sources, under .kc/tools/elements-ui/<hash>/. The harness serves that folder (KC_ELEMENTS_UI_DIR).
kc_ensure_elements_ui() {
  local src="$KC_ROOT/harness/KratosConformance.Harness/Ui/Elements"
  local hash
  hash="$(cd "$src" && cat package.json package-lock.json build.mjs src/* | sha256sum | cut -c1-12)"
  local dir="$KC_STATE/tools/elements-ui/$hash"
  export KC_ELEMENTS_UI_DIR="$dir/out"
  [ -f "$dir/out/index.html" ] && return 0
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || kc_apt_install nodejs npm
  kc_say "bundling the Ory Elements reference UI (npm ci + esbuild) …"
  local log="$KC_STATE/elements-ui.log"
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp" && cp -r "$src/package.json" "$src/package-lock.json" "$src/build.mjs" "$src/src" "$dir.tmp/" \
    && (cd "$dir.tmp" && npm ci --ignore-scripts --no-audit --no-fund && node build.mjs "$dir.tmp/out") >"$log" 2>&1 \
    || kc_fail "bundling the Ory Elements reference UI failed (see $log): it needs the npm registry once; the bundle is then cached under $KC_STATE/tools/elements-ui/."
  rm -rf "$dir.tmp/node_modules" && rm -rf "$dir" && mv "$dir.tmp" "$dir"
}

# GitHub's own workflow parser (@actions/workflow-parser, pinned in examples/ci/lint/package-lock.json) for ./kc test's
# ci-examples part: installed without install scripts once per content hash under .kc/tools/workflow-parser/<hash>/.
kc_ensure_workflow_parser() {
  local src="$KC_ROOT/examples/ci/lint"
  local hash
  hash="$(cd "$src" && cat package.json package-lock.json ./*.mjs | sha256sum | cut -c1-12)"
  local dir="$KC_STATE/tools/workflow-parser/$hash"
  export KC_WORKFLOW_PARSER_DIR="$dir"
  [ -d "$dir/node_modules/@actions/workflow-parser" ] && return 0
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || kc_apt_install nodejs npm
  kc_say "installing GitHub's workflow parser (npm ci) …"
  local log="$KC_STATE/workflow-parser.log"
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp" && cp "$src/package.json" "$src/package-lock.json" "$src"/*.mjs "$dir.tmp/" \
    && (cd "$dir.tmp" && npm ci --ignore-scripts --no-audit --no-fund) >"$log" 2>&1 \
    || kc_fail "installing @actions/workflow-parser failed (see $log): it needs the npm registry once; it is then cached under $KC_STATE/tools/workflow-parser/."
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
}

# Builds the solution when a source file changed since the last build (a stamp file), so a second run starts at once.
kc_build() {
  # Tests that run kc as a user does, after the solution was built, skip the (stamp-checked) build.
  [ -n "${KC_SKIP_BUILD:-}" ] && return 0
  local stamp="$KC_STATE/build.stamp"
  # The CLI's self-tests start ./kc from inside a build's test run: they use what is built and never rebuild it.
  [ -n "${KC_SKIP_BUILD:-}" ] && [ -f "$KC_DLL" ] && return 0
  if [ -f "$stamp" ] && [ -z "$(find "$KC_ROOT" \( -path "$KC_ROOT/.git" -o -path "$KC_ROOT/.kc" -o -path "$KC_ROOT/reports/out" -o -name bin -o -name obj \) -prune -o -type f -newer "$stamp" -print -quit)" ]; then
    return 0
  fi
  kc_say "building (dotnet build) …"
  local log="$KC_STATE/build.log"
  if ! dotnet build "$KC_ROOT/KratosConformance.sln" -nologo -v q -clp:NoSummary >"$log" 2>&1; then
    grep -E "error [A-Z]+[0-9]+" "$log" | sort -u | head -n 20 >&2 || tail -n 20 "$log" >&2
    kc_fail "the build failed (errors above, full log $log)."
  fi
  touch "$stamp"
}
