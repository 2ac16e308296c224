# JSON cannot tell the float 2.0 from the int 2, and ha-run must: floats travel as {"float": repr}.
# typed() encodes Python results that way; untyped() decodes variables sent the same way.
# Unsafe text (Ansible's AnsibleUnsafeText, ha-run's UnsafeText) travels as {"unsafe": text}.


def typed(value):
    if isinstance(value, str) and getattr(value, "__UNSAFE__", False):
        return {"unsafe": str(value)}
    if isinstance(value, float):
        return {"float": repr(value)}
    if isinstance(value, (list, tuple, set)):
        return [typed(v) for v in value]
    if isinstance(value, dict):
        return {str(k): typed(v) for k, v in value.items()}
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)


def untyped(value):
    if isinstance(value, dict):
        if set(value) == {"float"}:
            return float(value["float"])
        if set(value) == {"unsafe"}:
            from ansible.utils.unsafe_proxy import wrap_var
            return wrap_var(value["unsafe"])
        return {k: untyped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [untyped(v) for v in value]
    return value
