# Evaluates host patterns with Ansible's own InventoryManager, many per process (fast compat tests).
# Reads [{"cwd": DIR, "sources": [...], "queries": [{"pattern": P, "limit": L or null}]}] on stdin;
# writes, per job, one entry per query: {"hosts": [...]} or {"error": "..."}.
import json
import os
import sys

from ansible.inventory.manager import InventoryManager
from ansible.parsing.dataloader import DataLoader

answers = []
for job in json.load(sys.stdin):
    os.chdir(job["cwd"])
    inventory = InventoryManager(loader=DataLoader(), sources=job["sources"])
    results = []
    for query in job["queries"]:
        try:
            inventory.subset(query.get("limit"))
            inventory.clear_pattern_cache()
            results.append({"hosts": [h.name for h in inventory.get_hosts(query["pattern"])]})
        except Exception as e:  # noqa: BLE001 - any Ansible error is an answer here
            results.append({"error": str(e)})
    answers.append(results)
json.dump(answers, sys.stdout)
