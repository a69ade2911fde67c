#!/usr/bin/env bash
# Times `crowdfit convert EXPORT out.csv` (whole runs: start, read the export, write the canonical log) on
# 1,000,000-answer exports of each platform format, best of N runs, with the read time convert prints.
# Usage: bench/importers.sh [runs]   (CF_ARTIFACTS=DIR publishes into DIR instead of artifacts/)
# The exports are generated once under bench/data/importers/ (ignored by git) by the Python generator below,
# seeded, with the columns and quirks real exports have: MTurk with ~30 columns, quoted HTML inputs and
# PST/PDT times; Toloka with INPUT/OUTPUT/GOLDEN/HINT/ASSIGNMENT columns and 3 % skipped rows (1M answers
# plus the skipped ones); Label Studio with 200,000 tasks x 5 annotations, the fields Label Studio writes and
# 2 % cancelled annotations (1M answers plus the cancelled ones); a Crowd-Kit frame with its pandas index.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
artifacts=${CF_ARTIFACTS:-artifacts}
# The command as it is installed: published, with ReadyToRun code so start-up does not wait for the JIT.
dotnet publish src/CrowdFit.Cli -c Release -p:PublishReadyToRun=true --artifacts-path "$artifacts" -v quiet -nologo >/dev/null
cf=$artifacts/publish/CrowdFit.Cli/release_linux-x64/crowdfit
dir=bench/data/importers
mkdir -p "$dir"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

[ -s "$dir/done" ] || python3 - "$dir" <<'PY'
import json, random, sys, datetime as dt
out = sys.argv[1]
rnd = random.Random(1)
N = 1_000_000
TASKS = 200_000
labels = ["positive", "negative", "neutral", "mixed, unclear"]
workers = [f"A{rnd.randrange(16**12):012X}" for _ in range(5000)]
base = dt.datetime(2019, 3, 1, 8, 0, 0)

def mturk_time(t):  # Pacific time as MTurk prints it; DST from 10 Mar 2019
    pdt = t >= dt.datetime(2019, 3, 10, 10, 0)
    local = t - dt.timedelta(hours=7 if pdt else 8)
    return local.strftime("%a %b %d %H:%M:%S ") + ("PDT" if pdt else "PST") + local.strftime(" %Y")

def q(s): return '"' + s.replace('"', '""') + '"'

with open(f"{out}/mturk.csv", "w", newline="") as f:
    cols = ["HITId","HITTypeId","Title","Description","Keywords","Reward","CreationTime","MaxAssignments","RequesterAnnotation",
            "AssignmentDurationInSeconds","AutoApprovalDelayInSeconds","Expiration","NumberOfSimilarHITs","LifetimeInSeconds",
            "AssignmentId","WorkerId","AssignmentStatus","AcceptTime","SubmitTime","AutoApprovalTime","ApprovalTime","RejectionTime",
            "RequesterFeedback","WorkTimeInSeconds","LifetimeApprovalRate","Last30DaysApprovalRate","Last7DaysApprovalRate",
            "Input.review_html","Answer.sentiment"]
    f.write("\ufeff" + ",".join(q(c) for c in cols) + "\r\n")
    for i in range(N):
        task = i // 5
        start = base + dt.timedelta(seconds=task * 12 + rnd.randrange(600))
        end = start + dt.timedelta(seconds=5 + rnd.randrange(120))
        status = "Rejected" if rnd.random() < 0.03 else "Approved"
        row = [f"3VDI8GSX{task:010d}", "3TQZ9EXAMPLETYPE01", "Rate the sentiment of a review", "Read a short review and pick its sentiment",
               "sentiment, review", "$0.05", mturk_time(base), "5", "BatchId:3512345;", "600", "259200", mturk_time(base + dt.timedelta(days=30)),
               "", "2592000", f"3X4MXAO0{i:010d}", workers[rnd.randrange(len(workers))], status, mturk_time(start), mturk_time(end),
               mturk_time(end + dt.timedelta(days=3)), mturk_time(end + dt.timedelta(days=1)) if status == "Approved" else "",
               mturk_time(end + dt.timedelta(days=1)) if status == "Rejected" else "", "Answer did not match" if status == "Rejected" else "",
               str((end - start).seconds), "99% (120/121)", "100% (30/30)", "100% (8/8)",
               f'<div class="review"><p>Review #{task}: "great, but slow"</p></div>', labels[rnd.randrange(4)]]
        f.write(",".join(q(c) for c in row) + "\r\n")

with open(f"{out}/toloka.tsv", "w", newline="") as f:
    cols = ["INPUT:text","INPUT:image","OUTPUT:result","GOLDEN:result","HINT:text","ASSIGNMENT:link","ASSIGNMENT:task_id",
            "ASSIGNMENT:assignment_id","ASSIGNMENT:task_suite_id","ASSIGNMENT:worker_id","ASSIGNMENT:status","ASSIGNMENT:started",
            "ASSIGNMENT:submitted","ASSIGNMENT:accepted","ASSIGNMENT:reward"]
    f.write("\t".join(cols) + "\n")
    written = 0
    i = 0
    while written < N:
        task = written // 5
        skipped = rnd.random() < 0.03
        gold = task % 20 == 0
        start = base + dt.timedelta(seconds=task * 12 + rnd.randrange(600), milliseconds=rnd.randrange(1000))
        end = start + dt.timedelta(seconds=5 + rnd.randrange(120))
        row = [f"Review {task}: great, but slow", f"https://img.example/{task}.jpg", "" if skipped else labels[rnd.randrange(4)],
               labels[task % 4] if gold else "", "Read it twice" if gold else "", f"https://toloka.ai/task/51/{i:08x}",
               f"00001d3a0b--{task:08x}", f"00001d3a0b--{i:08x}a", f"00001d3a0b--{task // 10:08x}s", workers[rnd.randrange(len(workers))].lower(),
               "SKIPPED" if skipped else "APPROVED", start.strftime("%Y-%m-%dT%H:%M:%S.") + f"{start.microsecond // 1000:03d}",
               "" if skipped else end.strftime("%Y-%m-%dT%H:%M:%S.") + f"{end.microsecond // 1000:03d}", "", "0.01"]
        f.write("\t".join(row) + "\n")
        written += 0 if skipped else 1
        i += 1

with open(f"{out}/label-studio.json", "w") as f:
    f.write("[")
    ann = 0
    for t in range(TASKS):
        annotations = []
        for k in range(5):
            while True:
                ann += 1
                cancelled = rnd.random() < 0.02
                created = base + dt.timedelta(seconds=t * 12 + rnd.randrange(600), microseconds=rnd.randrange(1_000_000))
                w = rnd.randrange(400)
                annotations.append({
                    "id": ann, "completed_by": w if k % 2 else {"id": w, "first_name": "", "last_name": "", "avatar": None, "email": f"user{w}@example.com", "initials": "us"},
                    "result": [] if cancelled else [{"value": {"choices": [labels[rnd.randrange(4)]]}, "id": f"r{ann:07d}", "from_name": "sentiment", "to_name": "text", "type": "choices", "origin": "manual"}],
                    "was_cancelled": cancelled, "ground_truth": k == 0 and t % 20 == 0,
                    "created_at": created.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "updated_at": created.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                    "draft_created_at": None, "lead_time": round(rnd.uniform(2, 120), 3), "prediction": {}, "result_count": 0,
                    "unique_id": f"{rnd.getrandbits(128):032x}", "import_id": None, "last_action": None, "task": t + 1, "project": 3,
                    "updated_by": w, "parent_prediction": None, "parent_annotation": None, "last_created_by": None})
                if not cancelled:
                    break
        task = {"id": t + 1, "annotations": annotations, "file_upload": "reviews.csv", "drafts": [], "predictions": [],
                "data": {"text": f"Review {t}: \"great\", but slow \u2014 caf\u00e9"}, "meta": {}, "created_at": "2019-02-28T09:00:00.000000Z",
                "updated_at": "2019-03-01T12:00:00.000000Z", "inner_id": t + 1, "total_annotations": 5, "cancelled_annotations": len(annotations) - 5,
                "total_predictions": 0, "comment_count": 0, "unresolved_comment_count": 0, "last_comment_updated_at": None, "project": 3,
                "updated_by": None, "comment_authors": []}
        if t: f.write(",")
        f.write("\n" + json.dumps(task, ensure_ascii=False, indent=2))
    f.write("\n]\n")

with open(f"{out}/crowd-kit.csv", "w", newline="") as f:
    f.write(",task,performer,label\n")
    for i in range(N):
        f.write(f"{i},t{i // 5},{workers[rnd.randrange(len(workers))]},{rnd.randrange(4)}\n")
open(f"{out}/done", "w").write("ok\n")
PY

echo "== $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for export in mturk.csv toloka.tsv label-studio.json crowd-kit.csv; do
  path=$dir/$export
  echo "== $export: $(du -m "$path" | cut -f1) MB"
  for i in $(seq 1 "$runs"); do
    read_line=$(/usr/bin/time -f "%e %M %U %S" -o "$dir/time.txt" "$cf" convert "$path" "$dir/out.csv" | head -1)
    read -r wall rss user sys <"$dir/time.txt"
    echo "  run $i: $wall s wall, $(echo "$user + $sys" | bc) s CPU, $((rss / 1024)) MB peak RSS; ${read_line#read }"
  done
done
