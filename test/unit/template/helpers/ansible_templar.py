# Renders templates with ansible-core's own Templar, as a reference for ha-run's renderer.
# stdin: {"vars": {...}, "templates": ["...", ...], "searchpath": [...]?, "settings": [{...}, ...]?};
# stdout: [{"ok": value} | {"error": message}, ...] with floats typed both ways as {"float": repr}
# (typed_values.py). With a searchpath or settings, templates are rendered as the template module
# renders a file (its environment, search path and escapes); settings[i] are the Jinja2 environment
# settings (trim_blocks, variable_start_string...) the module passes for templates[i].
import json
import sys

from ansible.errors import AnsibleError
from ansible.parsing.dataloader import DataLoader
from ansible.template import AnsibleEnvironment, Templar
from typed_values import typed, untyped

request = json.load(sys.stdin)
variables = untyped(request["vars"])
templar = Templar(loader=DataLoader(), variables=variables)
searchpath = request.get("searchpath")
if searchpath is not None:
    templar = templar.copy_with_new_env(environment_class=AnsibleEnvironment, searchpath=searchpath, available_variables=variables)


settings = request.get("settings")


def render(template, index):
    if settings is not None:
        module_templar = templar.copy_with_new_env(environment_class=AnsibleEnvironment, searchpath=searchpath or [],
                                                   available_variables=variables, **settings[index])
        return module_templar.do_template(template, preserve_trailing_newlines=True, escape_backslashes=False)
    if searchpath is None:
        return templar.template(template)
    return templar.do_template(template, preserve_trailing_newlines=True, escape_backslashes=False)


results = []
for index, template in enumerate(request["templates"]):
    try:
        value = render(template, index)
        results.append({"ok": typed(value)})
    except AnsibleError as err:
        results.append({"error": str(err.message).split(". ")[0]})
    except Exception as err:  # a Jinja2 error Ansible did not wrap
        results.append({"error": str(err)})
json.dump(results, sys.stdout, default=str)
