#!/usr/bin/env bash
# The whole story on one machine, in the order a company runs it:
#   release pipeline: freeze -> vendor -> package -> deploy into a repository (here a directory under target/) -> report
#   air-gapped agent: a clean copy holding only what git holds -> restore offline -> go build -> run
# Needs Java 17, Maven 3.8.7+, Go 1.25+ (go.mod says go 1.25.0). Touches nothing outside this directory but your local Maven
# repository (the plugin is installed there first).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mvn_args=(-B ${GOMOD_EXAMPLE_MAVEN_ARGS:-})
work=$here/target
rm -rf "$work"
mkdir -p "$work"

# Go, isolated from your own: the example's caches, no sum database, no go env file.
export GOCACHE=$work/go-build GOPATH=$work/gopath GOENV=off GOFLAGS=-modcacherw GOSUMDB=off GOWORK=off
unset GOPROXY GOPRIVATE GONOPROXY GONOSUMDB

if [ -z "${GOMOD_EXAMPLE_SKIP_PLUGIN_INSTALL:-}" ]; then
    echo "== 0. install gomod-maven-plugin into the local Maven repository"
    mvn "${mvn_args[@]}" -q -f "$root/pom.xml" install -DskipTests -Dinvoker.skip -Dgomod.e2e.skip=true
fi

cd "$here"
echo "== 1. release: gomod:freeze proves go.mod/go.sum tidy and writes gomod.lock"
GOMODCACHE=$work/release-modcache mvn "${mvn_args[@]}" -q gomod:freeze

echo "== 2. release: vendor, pack both bundles, deploy them into target/repository (no install: the agent must fetch them)"
GOMODCACHE=$work/release-modcache mvn "${mvn_args[@]}" package deploy:deploy | grep -E "gomod|bundle|Uploaded.*go-" || true
ls "$work/repository/com/example/hello-service/1.0.0/"
echo "== 2b. release: gomod:report draws what the release carries into target/gomod/report/index.html (no Go needed)"
mvn "${mvn_args[@]}" -q -o gomod:report
test -s target/gomod/report/index.html

# an earlier run may have left the example's artifacts in the local Maven repository: the agent starts without them
local_repo=$(printf '%s\n' ${GOMOD_EXAMPLE_MAVEN_ARGS:-} | sed -n 's/^-Dmaven.repo.local=//p')
rm -rf "${local_repo:-$HOME/.m2/repository}/com/example/hello-service"

echo "== 3. agent: a clean copy with only what git holds (no vendor/, no module cache, no Go proxy)"
agent=$work/agent
mkdir -p "$agent"
cp pom.xml go.mod go.sum gomod.lock main.go "$agent/"

echo "== 4. agent: mvn -o gomod:restore gomod:go (the repository is the only source; Maven offline)"
cd "$agent"
GOMODCACHE=$work/agent-empty-modcache GOPROXY=https://proxy.invalid mvn "${mvn_args[@]}" -o -Daether.offline.protocols=file \
    -Dexample.repository="file://$work/repository" gomod:restore gomod:go -Dgomod.args="build -o hello-service ." \
    | grep -E "Downloaded from example|gomod|resolved|restored|^go |BUILD" || true
test -x hello-service

echo "== 5. run the service built on the agent"
./hello-service
