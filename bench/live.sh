#!/usr/bin/env bash
# Measures the live engine's per-answer calls (Submit, Status, Assign) with BenchmarkDotNet, in process, on a
# project of 100,000 tasks, 2,000 workers and about 150,000 answers, and writes bench/results/live-decision.md.
# Usage: bench/live.sh [artifacts-dir]   (default artifacts/, where the build puts its output)
# One in-process job of 6 warm-up and 25 measured iterations of 8,192 calls each; about 30 s on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts=${1:-artifacts}
result=bench/results/live-decision.md
dotnet build bench/CrowdFit.Benchmarks -c Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null
bdn=$artifacts/live-benchmarks
rm -rf "$bdn"
mkdir -p "$bdn"
load=$(cut -d' ' -f1-3 /proc/loadavg)
"$artifacts/bin/CrowdFit.Benchmarks/release_linux-x64/CrowdFit.Benchmarks" --filter '*LiveDecisionBenchmarks*' \
  --artifacts "$bdn" >"$bdn/console.log" 2>&1 || { tail -40 "$bdn/console.log" >&2; exit 1; }
report=$bdn/results/CrowdFit.Benchmarks.LiveDecisionBenchmarks-report-github.md
table=$(grep '^|' "$report")

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
memory=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release && echo "$PRETTY_NAME")
runtime=$(grep -m1 '\[Host\]' "$report" | sed 's/^ *\[Host\] *: *//')
setup=$(grep -m1 '^// setup:' "$bdn/console.log" | sed 's|^// setup: ||')
stream=$(grep -m1 '^// Submit:' "$bdn/console.log" | sed 's|^// Submit: ||')

# The Submit row's median in microseconds, against the 50 µs target.
median=$(echo "$table" | awk -F'|' '
  NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /^ *Median *$/) c = i }
  $2 ~ /^ *Submit *$/ { split($c, v, " "); f = v[2] == "ns" ? 0.001 : v[2] == "ms" ? 1000 : 1; print v[1] * f }')
verdict=$(awk -v m="$median" 'BEGIN { print (m <= 50 ? "met" : "**not met**") }')

cat >"$result" <<EOF
# Live decision latency

- Machine: $(nproc) cores ($cpu), $memory, $os, .NET SDK $(dotnet --version); $(date -u +%Y-%m-%d), load average
  $load before the run (other work on the machine).
- Runtime: $runtime.
- Command: \`bench/live.sh${1:+ $1}\`, which builds Release and runs
  \`CrowdFit.Benchmarks --filter '*LiveDecisionBenchmarks*'\` (BenchmarkDotNet, in-process toolchain,
  \`[MemoryDiagnoser]\`).
- Project: 100,000 tasks, 5 labels, 2 % gold; 2,000 workers, 10 % spammers (half answer at random, half always
  one label), honest accuracy uniform on [0.55, 0.95]. Every task is planned for 5 distinct workers: the first
  0–3 answers (about 150,000) go in before the one \`Refit()\` of the setup (IBCC with gold, the detectors, the
  worker models); the other 350,000 form the shuffled stream \`Submit\` takes from, so each submitted answer
  lands on a task holding 0–4 answers.
- State after the setup: $setup.
- Submit stream: $stream.
- **No re-estimation runs while measuring** (\`RefitEvery = int.MaxValue\`): the numbers are the decision
  alone, under the models of the setup's refit. With the default cadence the refit runs every 10 % of the
  log, inline or in the background, and is not part of these numbers (its length is in the state above); its
  last step re-scores every task under the project's lock, so calls arriving then wait for it.

| benchmark | what one call does |
|---|---|
| Status (baseline) | the current decision on a task (shuffled over all 100,000): lookup, posterior, AQL rule, reasons |
| Submit | one fresh answer: lookups, duplicate and flag checks, log append, evidence update, decision |
| Assign | best of 20 available workers (4,096 pre-drawn task and worker sets): each worker's standing, best pick |

$table

Target: a decision per answer in at most 50 µs median — **$verdict** (Submit median $median µs).

Reading the table: BenchmarkDotNet times iterations of 8,192 calls, so Mean, Median, P95 and Max are
statistics of per-iteration averages (25 iterations, upper outliers removed), not of single calls. A
single call's median is at most twice its mean (Markov's inequality), so the mean bounds it. Allocated is
per call and includes the decision record with its reason strings and, for Submit, the log columns'
occasional doubling. The fixed 8,192 calls keep Submit inside its stream of fresh answers, which
makes iterations short (BenchmarkDotNet warns under 100 ms); the timer resolution is far finer than that.
EOF
echo "wrote $result"
