#!/usr/bin/env python3
"""timeit.py OUT ERR COMMAND...: run COMMAND with its output in OUT and
ERR; print "CPU WALL STATUS": its user + system seconds, wall-clock
seconds and exit status."""
import resource
import subprocess
import sys
import time

with open(sys.argv[1], "wb") as out, open(sys.argv[2], "wb") as err:
    t0 = time.monotonic()
    rc = subprocess.call(sys.argv[3:], stdout=out, stderr=err)
    wall = time.monotonic() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.2f %.2f %d" % (ru.ru_utime + ru.ru_stime, wall, rc))
