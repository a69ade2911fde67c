#!/usr/bin/env bash
# Times `crowdfit analyze` end to end (read, truth, every detector, scoring, truth without the flagged
# answers, write) on the simulated `platform` preset scaled to about a million answers, with wall time and
# peak memory from /usr/bin/time. Usage: bench/analyze.sh [scale] [runs]
# The log is written under bench/data/ (ignored by git): scale 4.17 = 250,200 tasks x 4 answers,
# 10,006 accounts with every adversary kind.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-4.17}
runs=${2:-3}
# The command as it is installed: published, with ReadyToRun code so start-up does not wait for the JIT.
dotnet publish src/CrowdFit.Cli -c Release -p:PublishReadyToRun=true -v quiet -nologo >/dev/null
cf=artifacts/publish/CrowdFit.Cli/release_linux-x64/crowdfit
timer=/usr/bin/time
[ -x "$timer" ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

dir=bench/data/platform-$scale
[ -s "$dir/answers.csv" ] || "$cf" simulate --preset platform --seed 1 --scale "$scale" --out "$dir" >/dev/null
echo "== platform x $scale: $(($(wc -l <"$dir/answers.csv") - 1)) answers, $(nproc) cores"
for i in $(seq 1 "$runs"); do
  "$timer" -f "run $i: %e s wall, %M KB peak RSS" "$cf" analyze "$dir/answers.csv" --gold "$dir/gold.csv" --out "$dir-out" \
    | grep -E "^(read|flagged)|done \(|truth" | sed 's/^/  /'
done
