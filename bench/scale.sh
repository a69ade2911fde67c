#!/usr/bin/env bash
# Times `crowdfit aggregate` end to end (read, infer, write) on simulated logs, with wall time and peak
# memory from /usr/bin/time. Usage: bench/scale.sh [1m|100m|all] [method]
# The logs are written under bench/data/ (ignored by git): 1m = 200,000 tasks x 5 answers, 2,000 workers,
# 4 classes, 15 % spammers; 100m = 10,000,000 tasks x 10 answers, 20,000 workers, 2 classes.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1m}
method=${2:-ibcc}
# The command as it is installed: published, with ReadyToRun code so start-up does not wait for the JIT.
dotnet publish src/CrowdFit.Cli -c Release -p:PublishReadyToRun=true -v quiet -nologo >/dev/null
cf=artifacts/publish/CrowdFit.Cli/release_linux-x64/crowdfit
timer=/usr/bin/time
[ -x "$timer" ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

run() {
  local name=$1; shift
  local dir=bench/data/$name
  [ -s "$dir/answers.csv" ] || "$cf" simulate --seed 1 --out "$dir" "$@"
  echo "== $name: $(wc -c <"$dir/answers.csv") bytes, method $method"
  for i in 1 2 3 4 5; do
    "$timer" -f "run $i: %e s wall, %M KB peak RSS" "$cf" aggregate "$dir/answers.csv" --method "$method" --out "bench/data/$name-out" | sed 's/^/  /'
  done
}

case "$size" in
  1m) run 1m ;;
  100m) run 100m --tasks 10000000 --answers-per-task 10 --workers 20000 --classes 2 ;;
  all) run 1m; run 100m --tasks 10000000 --answers-per-task 10 --workers 20000 --classes 2 ;;
  *) echo "usage: bench/scale.sh [1m|100m|all] [method]" >&2; exit 2 ;;
esac
