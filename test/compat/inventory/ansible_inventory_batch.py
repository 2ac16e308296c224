# Runs many `ansible-inventory` invocations in one Python process (startup and imports cost ~1 s each),
# so the compat tests stay fast. Reads [{"cwd": DIR, "args": [...]}] on stdin, writes [{"code", "stdout"}].
import contextlib
import io
import json
import os
import sys

from ansible.cli.inventory import InventoryCLI
from ansible.utils.context_objects import GlobalCLIArgs

results = []
for job in json.load(sys.stdin):
    # CLI arguments live in a process-wide singleton; forget the previous run's.
    GlobalCLIArgs._Singleton__instance = None
    os.chdir(job["cwd"])
    out = io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out):
        try:
            InventoryCLI(["ansible-inventory"] + job["args"]).run()
        except SystemExit as exit:
            code = exit.code
    results.append({"code": code, "stdout": out.getvalue()})
json.dump(results, sys.stdout)
