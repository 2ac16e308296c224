// Python's `'%s-%d' % (a, b)` string formatting, for the conversions playbooks use.
import { TemplateError } from './errors.js';
import { isMapping, pyRepr, pyStr } from './python.js';

export function percentFormat(template: string, args: unknown): string {
  const positional = Array.isArray(args) ? args : [args];
  let next = 0;
  return template.replace(/%(\(([^)]+)\))?([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifrx%])/g, (_m, _n, key: string | undefined, flags: string, width: string | undefined, precision: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    let value: unknown;
    if (key !== undefined) {
      if (!isMapping(args)) throw new TemplateError('template-error', 'format requires a mapping');
      value = args[key];
    } else {
      if (next >= positional.length) throw new TemplateError('template-error', 'not enough arguments for format string');
      value = positional[next++];
    }
    let text: string;
    switch (conv) {
      case 'd':
      case 'i':
        text = String(Math.trunc(Number(value)));
        break;
      case 'f':
        text = Number(value).toFixed(precision === undefined ? 6 : Number(precision));
        break;
      case 'x':
        text = Math.trunc(Number(value)).toString(16);
        break;
      case 'r':
        text = pyRepr(value);
        break;
      default:
        text = pyStr(value);
        if (precision !== undefined) text = text.slice(0, Number(precision));
    }
    const w = width === undefined ? 0 : Number(width);
    if (flags.includes('-')) return text.padEnd(w);
    return text.padStart(w, flags.includes('0') && conv !== 's' ? '0' : ' ');
  });
}
