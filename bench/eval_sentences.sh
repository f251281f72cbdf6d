#!/usr/bin/env bash
# Token and sentence F1 of stenogram and of razdel on every gold CoNLL-U file in ../shared/reference (UD GSD,
# Taiga, PUD where present; GramEval-2020 open test; MorphoRuEval-2017 JZ fiction, VK social, Lenta news), scored
# by ../shared/anchors/eval_segmentation.py (exact character spans; sentences of a document joined by one space).
# Files without `# text =` lines are first given them by bench/conllu_text.py (see its docstring for how).
# Prints one table row per file: file | tokens F1 ours | razdel | sentences F1 ours | razdel.
#
#   bench/eval_sentences.sh            # builds the release binary, creates $VENV with razdel if missing
#   BIN=path/to/stenogram bench/eval_sentences.sh   # score a given binary, no build
#
# Skips (exit 0, with a message) when ../shared (or $SHARED) is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${SHARED:-$root/../shared}
venv=${VENV:-/tmp/venv-seg}
if [ ! -d "$shared/reference" ] || [ ! -f "$shared/anchors/eval_segmentation.py" ]; then
  echo "bench/eval_sentences.sh: $shared/reference or its scorer is absent; skipping" >&2
  exit 0
fi
ref=$shared/reference
scorer=$shared/anchors/eval_segmentation.py
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=${CARGO_TARGET_DIR:-$root/target}/release/stenogram
fi
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet razdel
fi
work=$(mktemp -d /tmp/stenogram-evalsent.XXXXXX)
trap 'rm -rf "$work"' EXIT

files=(
  ud/UD_Russian-GSD/ru_gsd-ud-dev.conllu
  ud/UD_Russian-GSD/ru_gsd-ud-test.conllu
  ud/UD_Russian-Taiga/ru_taiga-ud-dev.conllu
  ud/UD_Russian-Taiga/ru_taiga-ud-test.conllu
  ud/UD_Russian-PUD/ru_pud-ud-test.conllu
  grameval2020/dataOpenTest/GramEval2020-GSD-wiki-dev.conllu
  grameval2020/dataOpenTest/GramEval2020-RuEval2017-Lenta-news-dev.conllu
  grameval2020/dataOpenTest/GramEval2020-RuEval2017-social-dev.conllu
  grameval2020/dataOpenTest/GramEval2020-SynTagRus-dev.conllu
  grameval2020/dataOpenTest/GramEval2020-Taiga-poetry-dev.conllu
  grameval2020/dataOpenTest/GramEval2020-17cent-dev.conllu
  grameval2020/dataTrain/MorphoRuEval2017-JZ-gold.conllu
  grameval2020/dataTrain/MorphoRuEval2017-VK-gold.conllu
  grameval2020/dataTrain/MorphoRuEval2017-Lenta-train.conllu
)
inputs=()
for f in "${files[@]}"; do
  if [ ! -f "$ref/$f" ]; then
    echo "bench/eval_sentences.sh: $f is absent; left out" >&2
    continue
  fi
  out=$work/$(basename "$f")
  python3 "$root/bench/conllu_text.py" "$ref/$f" "$out"
  inputs+=("$out")
done

"$venv/bin/python" "$scorer" stenogram "$BIN" "${inputs[@]}" > "$work/ours.txt"
"$venv/bin/python" "$scorer" razdel "${inputs[@]}" > "$work/razdel.txt"

# Each scorer line: NAME<TAB>tokens P=.. R=.. F1=X (gold N)<TAB>sentences P=.. R=.. F1=Y (gold M)
f1() { sed -n 's/.*F1=\([0-9.]*\).*/\1/p' <<< "$1"; }
printf '%-48s | %s | %s | %s | %s | %s\n' file "tok F1 ours" razdel "sent F1 ours" razdel "gold sents"
paste "$work/ours.txt" "$work/razdel.txt" | while IFS=$'\t' read -r name ot os _ rt rs; do
  gold=$(sed -n 's/.*(gold \([0-9]*\)).*/\1/p' <<< "$os")
  printf '%-48s | %11s | %6s | %12s | %6s | %10s\n' "$name" "$(f1 "$ot")" "$(f1 "$rt")" "$(f1 "$os")" "$(f1 "$rs")" "$gold"
done
