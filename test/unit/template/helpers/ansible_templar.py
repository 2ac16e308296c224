# Renders templates with ansible-core's own Templar, as a reference for ha-run's renderer.
# stdin: {"vars": {...}, "templates": ["...", ...]}; stdout: [{"ok": value} | {"error": message}, ...]
# with floats typed both ways as {"float": repr} (typed_values.py).
import json
import sys

from ansible.errors import AnsibleError
from ansible.parsing.dataloader import DataLoader
from ansible.template import Templar
from typed_values import typed, untyped

request = json.load(sys.stdin)
templar = Templar(loader=DataLoader(), variables=untyped(request["vars"]))
results = []
for template in request["templates"]:
    try:
        value = templar.template(template)
        results.append({"ok": typed(value)})
    except AnsibleError as err:
        results.append({"error": str(err.message).split(". ")[0]})
    except Exception as err:  # a Jinja2 error Ansible did not wrap
        results.append({"error": str(err)})
json.dump(results, sys.stdout, default=str)
