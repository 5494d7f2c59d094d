#!/usr/bin/env bash
# Accuracy and wrong-answer rate on every question set, bare and each question in its own
# session: scripts/measure.sh [BIN]  (needs ../shared/eval for ask_all.py and score.py).
# ANSWERS=DIR keeps every set's answers in DIR/<set>.<mode>.jsonl, so two builds can be diffed
# (speed work must leave them identical).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/enquiry-bot}
ev=../shared/eval
out=$(mktemp -d)
run() {  # name questions extra-corpus-or-empty mode
  local name=$1 q=$2 extra=$3 mode=$4 args=()
  [ -n "$extra" ] && args+=(--extra-corpus "$extra")
  [ "$mode" = sessions ] && args+=(--sessions)
  python3 $ev/ask_all.py "$bin" "$q" "$out/a.jsonl" "${args[@]}" >/dev/null 2>&1
  if [ -n "${ANSWERS:-}" ]; then mkdir -p "$ANSWERS"; cp "$out/a.jsonl" "$ANSWERS/${name%% *}.$mode.jsonl"; fi
  printf '%-28s %-9s %s\n' "$name" "$mode" "$(python3 $ev/score.py --questions "$q" --answers "$out/a.jsonl" | grep '^accuracy=')"
}
for mode in bare sessions; do
  run dev $ev/dev.jsonl "" $mode
  run "heldout (eval/pages)" eval/heldout.jsonl eval/pages $mode
  run realpages eval/realpages/questions.jsonl eval/realpages/pages $mode
  run "heldout2 (fresh)" eval/heldout2/questions.jsonl eval/heldout2/pages $mode
done
run realpages-traditional eval/realpages/questions.jsonl eval/realpages/pages-traditional bare
[ -f eval/trainpages/questions.jsonl ] && run "trainpages (training)" eval/trainpages/questions.jsonl eval/trainpages/pages bare
[ -f eval/trainpages2/questions.jsonl ] && run "trainpages2 (inspected)" eval/trainpages2/questions.jsonl eval/trainpages2/pages bare
[ -f eval/trainpages3/questions.jsonl ] && run "trainpages3 (inspected)" eval/trainpages3/questions.jsonl eval/trainpages3/pages bare
rm -rf "$out"
