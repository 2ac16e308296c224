// A module that cannot do what it was asked (missing file, bad regexp, failed validate) throws this;
// runModule turns it into a failed task result with the message and any extra keys Ansible registers.
import { HaRunError } from '../errors.js';

export class ModuleFailure extends HaRunError {
  readonly extra: Record<string, unknown>;
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super('module-failed', message);
    this.name = 'ModuleFailure';
    this.extra = extra;
  }
}
