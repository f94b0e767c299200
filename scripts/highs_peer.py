#!/usr/bin/env python3
"""HiGHS on a model `tokenplant bench` exported: the peer the planner is timed against (bench only, not tests).

usage: highs_peer.py MODEL.lp GAP TIME_LIMIT_SECONDS RUNS

Each run reads the model into a fresh HiGHS instance and solves it on one thread with mip_rel_gap = GAP; the time
counted is reading plus solving, wall clock, as glpsol's is. Prints one line per run:
`seconds STATUS objective mip_gap`. Exits 3 when highspy is missing (pip install highspy).
"""
import sys
import time

try:
    import highspy
except ImportError:
    sys.exit(3)


def main(arguments):
    if len(arguments) != 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    path, gap, limit, runs = arguments[0], float(arguments[1]), float(arguments[2]), int(arguments[3])
    for _ in range(runs):
        start = time.perf_counter()
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        h.setOptionValue("mip_rel_gap", gap)
        h.setOptionValue("time_limit", limit)
        h.readModel(path)
        h.run()
        seconds = time.perf_counter() - start
        info = h.getInfo()
        status = h.modelStatusToString(h.getModelStatus()).replace(" ", "_")
        print(f"{seconds:.6f} {status} {info.objective_function_value!r} {info.mip_gap!r}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
