#!/usr/bin/env python3
"""Mechanical check of eval/trainpages3/questions.jsonl (standard library only).

Checks: every line parses as JSON; ids are unique and of the form t3-<cat>-NN;
in-scope questions have a non-empty expect; oos questions have "oos": true and
expect []; every expect group has at least one alternative that occurs in the
pages after the scorer's normalisation (NFKC, '：'->':', lowercase, whitespace
removed). Optional --page-map JSON {id: page stem} checks each group against
that one page instead of all pages.

    python3 eval/trainpages3/check_questions.py [--page-map MAP.json]
"""
import argparse, collections, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

def norm(s):
    s = unicodedata.normalize("NFKC", str(s)).replace("：", ":").lower()
    s = re.sub(r"\s+", "", s)
    for z in ("\u200b", "\u200c", "\u200d", "\ufeff"):
        s = s.replace(z, "")
    return s

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--page-map")
    args = ap.parse_args()
    pages = {}
    pdir = os.path.join(HERE, "pages")
    for fn in sorted(os.listdir(pdir)):
        if fn.endswith(".txt"):
            pages[fn[:-4]] = norm(open(os.path.join(pdir, fn), encoding="utf-8").read())
    allpages = "\n".join(pages.values())
    pmap = json.load(open(args.page_map, encoding="utf-8")) if args.page_map else {}
    rows, problems = [], []
    with open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                problems.append(f"line {ln}: bad JSON: {e}")
    ids = [r.get("id") for r in rows]
    dups = [k for k, v in collections.Counter(ids).items() if v > 1]
    if dups:
        problems.append(f"duplicate ids: {dups}")
    groups_checked = 0
    for r in rows:
        rid = r.get("id")
        if not re.fullmatch(r"t3-[a-z]+-\d{2,}", str(rid)) or rid.split("-")[1] != r.get("cat"):
            problems.append(f"{rid}: id does not match t3-<cat>-NN")
        for k in ("cat", "lang", "q"):
            if not r.get(k):
                problems.append(f"{rid}: missing {k}")
        if r.get("oos"):
            if r.get("expect"):
                problems.append(f"{rid}: oos question with non-empty expect")
            continue
        if not r.get("expect"):
            problems.append(f"{rid}: in-scope question with empty expect")
            continue
        hay = pages.get(pmap.get(rid), allpages) if pmap else allpages
        for g in r["expect"]:
            groups_checked += 1
            if not any(norm(a) and norm(a) in hay for a in g):
                problems.append(f"{rid}: no alternative of {g} occurs in the pages")
    n = len(rows)
    oos = sum(1 for r in rows if r.get("oos"))
    en = sum(1 for r in rows if r.get("lang") == "en")
    print(f"{n} questions ({n - oos} in scope, {oos} oos, {en} English); "
          f"{groups_checked} expect groups checked; duplicate ids: {dups or 'none'}")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)

if __name__ == "__main__":
    main()
