#!/usr/bin/env bash
# Rebuilds the fuzz seed corpus in Tests/Fuzz/corpus from the shipped files (README "Fuzzing").
# Each seed is one kind byte (0 site, 1 design, 2 catalog, 3 EPW, 4 plan.json) followed by the file's bytes.
# Needs a built `tokenplant` (for plan.json; GLPK) and python3 with PyYAML (for the JSON-form seeds).
# No real weather file goes into the corpus: the EPW seeds are synthetic.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=Tests/Fuzz/corpus
tokenplant=${TOKENPLANT:-.build/debug/tokenplant}
mkdir -p "$out"
rm -f "$out"/*

seed() { # KIND_BYTE NAME FILE
    { printf "\\x$(printf %02x "$1")"; cat "$3"; } > "$out/$2"
}

for f in sites/*.yaml; do seed 0 "site-$(basename "$f" .yaml)" "$f"; done
for f in reference-designs/*.yaml Tests/PlannerTests/Fixtures/*.yaml examples/fabric-pods/*.yaml; do seed 1 "design-$(basename "$f" .yaml)" "$f"; done
seed 2 catalog Sources/PlantModel/Resources/catalog.yaml

# JSON spellings (read as YAML flow style).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
json() { python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout, indent=1)' "$1"; }
json sites/chicago-il.yaml > "$tmp/site.json" && seed 0 site-chicago-il-json "$tmp/site.json"
json reference-designs/legacy-hopper-air.yaml > "$tmp/design.json" && seed 1 design-legacy-hopper-air-json "$tmp/design.json"

# plan.json of the smallest shipped design.
"$tokenplant" plan reference-designs/legacy-hopper-air.yaml --out "$tmp/plan" > /dev/null
seed 4 plan-legacy-hopper-air "$tmp/plan/plan.json"

# Synthetic EPW files (made-up station and figures; ASHRAE 2009 column layout): two days with every field, one
# with LF and design conditions, one with CRLF and none. A whole year is not a seed: 8,760 rows would make
# every mutation slow, and ClimateTests read whole years.
design="DESIGN CONDITIONS,1,Climate Design Data 2009 ASHRAE Handbook,,Heating,1,-18,-15,-25,0.4,-17,-21,0.5,-14,12,-3,11,-3,5,270,Cooling,7,11,34,23,32,22.5,30.5,22,25.5,31,24.5,29.5,23.5,28,5,230,24,19,29,23,18,28,22,17,26.5,79,31,75,29.5,71,28,617,Extremes,11,9.5,8.5,28.5,-24,36,4.5,2,-27,37,-30,38,-32,39.5,-35,41"
epw() { # DESIGN_CONDITIONS_LINE
    echo "LOCATION,Testville,TS,XYZ,SYNTHETIC,000000,40.00,-100.00,-6.0,320.0"
    echo "$1"
    echo "TYPICAL/EXTREME PERIODS,0"
    echo "GROUND TEMPERATURES,0"
    echo "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0"
    echo "COMMENTS 1,synthetic file for fuzzing"
    echo "COMMENTS 2,every figure made up"
    echo "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31"
    for d in 1 2; do for h in $(seq 1 24); do
        echo "1999,1,$d,$h,0,?9?9?9?9E0,$((h % 7 - 3)).0,$((h % 7 - 7 - h % 3)).0,70,98500,0,0,250,0,0,0,0,0,0,0,270,3.1,6,6,16.1,77777,9,999999999,10,0.08,0,88,0.2,0.0,1.0"
    done; done
}
epw "$design" > "$tmp/lf.epw"
seed 3 epw-two-days "$tmp/lf.epw"
epw "DESIGN CONDITIONS,0" | sed 's/$/\r/' > "$tmp/crlf.epw"
seed 3 epw-two-days-crlf "$tmp/crlf.epw"

ls -l "$out"
