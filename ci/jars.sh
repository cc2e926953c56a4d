# Sourced by ./ucmkit and the ci/ scripts: is a runnable jar missing or older than what it is built
# from? Then it is rebuilt, so a run after an edit or a git pull never uses yesterday's code.
# usage: stale JAR DIR... (the modules the jar contains; the parent pom.xml always counts)
stale() {
  local jar="$1"; shift
  [ ! -f "$jar" ] || [ -n "$(find pom.xml "$@" -newer "$jar" \( -path '*/src/main/*' -o -name pom.xml \) \
    -type f -print -quit 2>/dev/null)" ]
}

# The commit a jar is built from, for --version (unknown outside a git checkout).
GIT_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
