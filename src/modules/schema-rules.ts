// Argument rules Ansible modules declare (required_one_of, mutually_exclusive), as JSON Schema.
// Each rule is its own subschema with a `description` that says the rule in words, so the validator
// can report "one of path, dest or name is required" instead of a list of ajv branches.

type Rule = Record<string, unknown>;

/** At least one of the keys must be given. */
export function oneOf(...keys: string[]): Rule {
  return requiredOneOf(keys, `one of ${listOf(keys)} is required`);
}

/** At least one of the keys, with the sentence that says so when none is there. */
export function requiredOneOf(keys: string[], description: string): Rule {
  return { description, anyOf: keys.map((k) => ({ required: [k] })) };
}

/** These two keys cannot be given together. */
export function exclusive(a: string, b: string): Rule {
  return { description: `${a} and ${b} are mutually exclusive`, not: { required: [a, b] } };
}

/** Exactly one of the keys: required and mutually exclusive. */
export function exactlyOne(...keys: string[]): Rule[] {
  return [oneOf(...keys), ...atMostOne(...keys)];
}

/** No two of the keys together. */
export function atMostOne(...keys: string[]): Rule[] {
  const rules: Rule[] = [];
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) rules.push(exclusive(keys[i]!, keys[j]!));
  return rules;
}

function listOf(keys: string[]): string {
  return keys.length <= 2 ? keys.join(' or ') : `${keys.slice(0, -1).join(', ')} or ${keys[keys.length - 1]}`;
}
