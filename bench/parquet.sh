#!/usr/bin/env bash
# Times the Parquet answer log on about a million answers with all 13 canonical columns: canonical CSV read,
# Parquet written (runs times), Parquet read back into an AnswerTable (runs times), the Parquet log read into an
# AnswerLog, and a check that the round trip gives back the same CSV. Wall and CPU time per step, peak memory
# from /usr/bin/time. Usage: bench/parquet.sh [scale] [runs]
# The log is `crowdfit simulate --preset platform` (scale 4.17 = 1,000,800 answers, 11 columns) with `project`
# and `vendor` columns derived from each row, written under bench/data/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-4.17}
runs=${2:-3}
artifacts=${ARTIFACTS:-artifacts}   # build output folder; set ARTIFACTS to keep it apart from other builds
# Published with ReadyToRun code, as the command is installed, so the first read does not wait for the JIT.
dotnet publish src/CrowdFit.Cli -c Release -p:PublishReadyToRun=true --artifacts-path "$artifacts" -v quiet -nologo >/dev/null
dotnet publish bench/ParquetBench -c Release -p:PublishReadyToRun=true --artifacts-path "$artifacts" -v quiet -nologo >/dev/null
cf=$artifacts/publish/CrowdFit.Cli/release_linux-x64/crowdfit
bench=$artifacts/publish/ParquetBench/release_linux-x64/ParquetBench
timer=/usr/bin/time
[ -x "$timer" ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

dir=bench/data/platform-$scale
[ -s "$dir/answers.csv" ] || "$cf" simulate --preset platform --seed 1 --scale "$scale" --out "$dir" >/dev/null
out=bench/data/parquet-$scale
mkdir -p "$out"
if [ ! -s "$out/answers.csv" ]; then
  # The simulated fields never contain a comma, so appending two fields to each line keeps the CSV valid.
  awk 'BEGIN { FS = OFS = "," } NR == 1 { print $0, "project", "vendor"; next }
       { print $0, "project-" (length($1) % 7), "vendor-" (substr($2, length($2), 1) % 4) }' \
    "$dir/answers.csv" >"$out/answers.csv"
fi
echo "== $(($(wc -l <"$out/answers.csv") - 1)) answers, 13 columns, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$timer" -f "process: %e s wall, %M KB peak RSS" "$bench" "$out/answers.csv" "$out/answers.parquet" "$runs"
