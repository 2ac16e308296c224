// A lookup's own failure, as ansible-core reports it: inside a template, the lookup's message wrapped in
// "An unhandled exception occurred while running the lookup plugin ..."; in a with_<lookup> loop, bare.
import { TemplateError } from './errors.js';

export class UnhandledLookupError extends TemplateError {
  constructor(
    readonly plugin: string,
    readonly bare: string,
  ) {
    super('template-error', bare);
    this.name = 'UnhandledLookupError';
  }

  /** The message a template that called the lookup fails with (the original message comes twice, as in Ansible). */
  inTemplate(): TemplateError {
    const message = `An unhandled exception occurred while running the lookup plugin '${this.plugin}'. Error was a <class 'ansible.errors.AnsibleError'>, original message: ${this.bare}. ${this.bare}`;
    return new TemplateError('template-error', message, { cause: this });
  }
}
