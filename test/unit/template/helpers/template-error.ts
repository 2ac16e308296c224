// The TemplateError a template call throws, for tests that check its message (anything else is rethrown).
import { TemplateError } from '../../../../src/template/index.js';

export function templateError(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TemplateError) return err;
    throw err;
  }
  throw new Error('expected a TemplateError');
}
