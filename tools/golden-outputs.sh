#!/usr/bin/env bash
# golden-outputs.sh BIN REPO OUTDIR: the outputs a behaviour-preserving change must keep byte for byte.
# Runs every shipped design on Phoenix and Chicago (plan --out; simulate --years 1 --runs 3 --out), the ratio
# objectives, min-capex, a Pareto sweep and an EPW simulation with the binary BIN inside REPO, writing to OUTDIR.
# Compare two builds with: diff -r OUTDIR_BEFORE OUTDIR_AFTER (plan tables have their wall time stripped).
set -u
BIN=$1; REPO=$2; OUT=$3
rm -rf "$OUT"; mkdir -p "$OUT"
cd "$REPO"
for d in reference-designs/*.yaml; do
  dn=$(basename $d .yaml)
  for s in phoenix-az chicago-il; do
    [ "$dn-$s" = mixed-retrofit-chicago-il ] && continue
    o="$OUT/$dn-$s"
    mkdir -p "$o"
    "$BIN" plan "$d" --site sites/$s.yaml --out "$o/plan" > "$o/plan.stdout" 2> "$o/plan.stderr"; echo "plan exit $?" > "$o/exit"
    "$BIN" simulate "$d" --site sites/$s.yaml --years 1 --runs 3 --out "$o/sim" > "$o/sim.stdout" 2> "$o/sim.stderr"; echo "sim exit $?" >> "$o/exit"
    sed -i -E 's/, [0-9.]+ s$//' "$o/plan.stdout"
  done
done
d=reference-designs/gb300-nvl72-hybrid.yaml
for obj in tokens-per-mw cost-per-token; do
  o="$OUT/obj-$obj"; mkdir -p "$o"
  "$BIN" plan $d --objective $obj --out "$o/plan" > "$o/plan.stdout" 2> "$o/plan.stderr"; echo "exit $?" > "$o/exit"
  sed -i -E 's/, [0-9.]+ s$//' "$o/plan.stdout"
done
o="$OUT/mincapex"; mkdir -p $o
"$BIN" plan $d --objective min-capex --token-target 2e7 --out "$o/plan" > "$o/plan.stdout" 2> "$o/plan.stderr"; echo "exit $?" > "$o/exit"
sed -i -E 's/, [0-9.]+ s$//' "$o/plan.stdout"
o="$OUT/pareto"; mkdir -p $o
"$BIN" plan $d --pareto 3 --out "$o/plan" > "$o/plan.stdout" 2> "$o/plan.stderr"; echo "exit $?" > "$o/exit"
o="$OUT/epw"; mkdir -p $o
"$BIN" simulate $d --weather ../shared/data/weather/USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw --years 1 --out "$o/sim" > "$o/sim.stdout" 2> "$o/sim.stderr"; echo "exit $?" > "$o/exit"
