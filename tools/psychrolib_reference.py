#!/usr/bin/env python3
"""Reference thermodynamic wet-bulbs from psychrolib for TokenPlant's Climate tests.

    pip install psychrolib==2.5.0
    python3 tools/psychrolib_reference.py [WEATHER_FOLDER]

WEATHER_FOLDER defaults to ../shared/data/weather beside the clone. It must hold the six EPW files
named below (SHA-256 sums in its SOURCES.md). The script writes two files and commits neither EPW rows
nor anything else from the files beyond the numbers listed here:

Tests/ClimateTests/Resources/wetbulb-reference.csv
    A sample of hours: site (the site file made from the EPW file; see FILES), line (1-based line of
    the EPW file), dry-bulb °C (field 7), dew point °C
    (field 8), station pressure Pa (field 10), and psychrolib's GetTWetBulbFromTDewPoint in SI units.
    Per file: every 13th hour, the 50 hours with the largest dry-bulb − dew-point depression, the 50
    coldest hours, the 50 hours whose wet-bulb is nearest 0 °C (where ASHRAE's equations over water and
    over ice meet) and the 50 nearest 24 °C; each hour once.

Tests/ClimateTests/Resources/wetbulb-summary.csv
    Per file, over all its hours: the hour count, hours above 24 °C wet-bulb, hours within 0.01 K of
    24 °C (a count may differ by that many), the highest, 35th- and 175th-highest and mean wet-bulb,
    and the largest |psychrometer − thermodynamic| difference with the psychrometer relation TokenPlant
    used before (WMO-No. 8 Annex 4.B coefficient, bisection to 0.0001 K) and its hours above 24 °C.

Before writing, the script checks psychrolib against the worked example of ASHRAE Handbook—
Fundamentals 2017 ch. 1 (Example 1: 40 °C dry-bulb, 20 °C thermodynamic wet-bulb, 101.325 kPa →
W = 0.0065 kg/kg, within the 0.0001 kg/kg psychrolib's tests allow) and the two humidity-ratio values of psychrolib's own test suite
(tests/test_psychrolib_si.py, test_HumRatio_TWetBulb), and prints what it computed.
"""

import csv
import math
import os
import sys

import psychrolib as psy

# Site name (as in sites/ and Tests/ClimateTests/WeatherFiles.swift) → weather file.
FILES = [
    ("ashburn-va", "USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3.epw"),
    ("phoenix-az", "USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw"),
    ("dallas-tx", "USA_TX_Dallas-Fort.Worth.Intl.AP.722590_TMY3.epw"),
    ("chicago-il", "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"),
    ("hillsboro-or", "USA_OR_Portland-Troutdale.AP.726985_TMY3.epw"),
    ("stockholm-se", "SWE_Stockholm.Arlanda.024600_IWEC.epw"),
]
HEADER_LINES = 8
EVERY = 13
EXTREMES = 50

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "ClimateTests", "Resources")


def check_psychrolib():
    """psychrolib against the Handbook example and its own test values; stops on a disagreement."""
    w = psy.GetHumRatioFromTWetBulb(40.0, 20.0, 101325.0)
    dew = psy.GetTDewPointFromHumRatio(40.0, w, 101325.0)
    back = psy.GetTWetBulbFromTDewPoint(40.0, dew, 101325.0)
    print(f"ASHRAE 2017 ch. 1 Example 1: W(40 °C, t* 20 °C, 101325 Pa) = {w:.9f} (Handbook 0.0065, from its Table 2 "
          f"W*s = 0.014758; eq. 20 from p_ws gives W*s = {psy.GetSatHumRatio(20.0, 101325.0):.6f}); "
          f"dew point {dew:.3f} °C; wet-bulb back from it {back:.4f} °C")
    # psychrolib's own test of this example allows 0.0001 kg/kg.
    assert abs(w - 0.0065) <= 0.0001 and abs(back - 20) < 0.001
    above = psy.GetHumRatioFromTWetBulb(30.0, 25.0, 95461.0)
    below = psy.GetHumRatioFromTWetBulb(-1.0, -5.0, 95461.0)
    print(f"psychrolib tests: W(30, 25, 95461 Pa) = {above:.10f} (0.0192281274241096), "
          f"W(-1, -5, 95461 Pa) = {below:.10f} (0.00120399819933844)")
    assert abs(above / 0.0192281274241096 - 1) < 3e-4 and abs(below / 0.00120399819933844 - 1) < 3e-4


def psychrometer_wet_bulb(dry, dew, pressure):
    """The relation TokenPlant used before: e_s(T_dew) = e_s(T_w) − A·p·(T − T_w), A from WMO-No. 8
    Annex 4.B (6.53e-4·(1 + 9.44e-4·T_w) over water, 5.75e-4 over ice), bisection to 0.0001 K."""
    dew = min(dew, dry)
    vapor = psy.GetSatVapPres(dew)
    low, high = dew, dry
    while high - low > 1e-4:
        mid = (low + high) / 2
        a = 6.53e-4 * (1 + 9.44e-4 * mid) if mid >= 0 else 5.75e-4
        if psy.GetSatVapPres(mid) - a * pressure * (dry - mid) > vapor:
            high = mid
        else:
            low = mid
    return (low + high) / 2


def read(path):
    """(line, dry-bulb, dew point, pressure) of every data row; missing pressures take the standard
    atmosphere at the station's elevation, as TokenPlant's EPW reader does."""
    with open(path, encoding="ascii") as f:
        lines = f.read().splitlines()
    elevation = float(lines[0].split(",")[9])
    rows = []
    for index in range(HEADER_LINES, len(lines)):
        if not lines[index]:
            continue
        f = lines[index].split(",")
        dry, dew, pressure = float(f[6]), float(f[7]), float(f[9])
        if dry >= 99.9 or dew >= 99.9:
            sys.exit(f"{path}:{index + 1}: missing dry-bulb or dew point")
        if pressure >= 999999:
            pressure = psy.GetStandardAtmPressure(elevation)
        rows.append((index + 1, dry, dew, pressure))
    return rows


def main():
    psy.SetUnitSystem(psy.SI)
    check_psychrolib()
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "weather")
    os.makedirs(OUT, exist_ok=True)
    sample, summary = [], []
    for site, name in FILES:
        rows = read(os.path.join(folder, name))
        wet = [psy.GetTWetBulbFromTDewPoint(dry, dew, p) for _, dry, dew, p in rows]
        old = [psychrometer_wet_bulb(dry, dew, p) for _, dry, dew, p in rows]
        n = len(rows)
        chosen = set(range(0, n, EVERY))
        chosen |= set(sorted(range(n), key=lambda i: rows[i][2] - rows[i][1])[:EXTREMES])  # largest depression
        chosen |= set(sorted(range(n), key=lambda i: rows[i][1])[:EXTREMES])               # coldest
        chosen |= set(sorted(range(n), key=lambda i: abs(wet[i]))[:EXTREMES])              # wet-bulb near 0 °C
        chosen |= set(sorted(range(n), key=lambda i: abs(wet[i] - 24))[:EXTREMES])         # near 24 °C
        for i in sorted(chosen):
            line, dry, dew, p = rows[i]
            sample.append((site, line, f"{dry:g}", f"{dew:g}", f"{p:g}", f"{wet[i]:.5f}"))
        ranked = sorted(wet, reverse=True)
        difference = max(abs(a - b) for a, b in zip(old, wet))
        summary.append((site, n, sum(w > 24 for w in wet), sum(abs(w - 24) <= 0.01 for w in wet),
                        f"{ranked[0]:.5f}", f"{ranked[34]:.5f}", f"{ranked[174]:.5f}", f"{sum(wet) / n:.5f}",
                        f"{difference:.4f}", sum(w > 24 for w in old)))
        print(f"{site} ({name}): {len(chosen)} sampled hours; wet-bulb > 24 °C in {summary[-1][2]} h "
              f"(psychrometer relation: {summary[-1][9]} h); max |psychrometer − thermodynamic| {difference:.4f} K")
    comment = (f"# psychrolib {psy_version()} GetTWetBulbFromTDewPoint (SI, its default tolerance 0.001 K) on the six EPW files of "
               f"../shared/data/weather; written by tools/psychrolib_reference.py")
    with open(os.path.join(OUT, "wetbulb-reference.csv"), "w", newline="") as f:
        f.write(comment + "\n")
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["site", "line", "dryBulbC", "dewPointC", "pressurePa", "wetBulbC"])
        out.writerows(sample)
    with open(os.path.join(OUT, "wetbulb-summary.csv"), "w", newline="") as f:
        f.write(comment + "\n")
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["site", "hours", "hoursAbove24C", "hoursWithin0.01KOf24C", "maxWetBulbC", "wetBulb35thC",
                      "wetBulb175thC", "meanWetBulbC", "maxPsychrometerDifferenceK", "psychrometerHoursAbove24C"])
        out.writerows(summary)
    print(f"{len(sample)} sampled hours written to {os.path.relpath(OUT, ROOT)}")


def psy_version():
    try:
        from importlib.metadata import version
        return version("psychrolib")
    except Exception:
        return "(version unknown)"


if __name__ == "__main__":
    main()
