# Parses argument strings with ansible-core's own splitter, as a reference for ha-run's parse-kv.ts.
# stdin: [{"text": "...", "check_raw": bool}, ...]; stdout: [{"args": {...}, "tokens": [...]} | {"error": message}, ...]
import json
import sys

from ansible.errors import AnsibleError
from ansible.parsing.splitter import parse_kv, split_args

results = []
for case in json.load(sys.stdin):
    try:
        args = parse_kv(case["text"], check_raw=case["check_raw"])
        results.append({"args": args, "tokens": split_args(case["text"])})
    except AnsibleError as err:
        results.append({"error": str(err.message)})
    except Exception as err:  # Python's own decoding errors (e.g. a bad \N{...} name)
        results.append({"error": "%s: %s" % (type(err).__name__, err)})
json.dump(results, sys.stdout)
