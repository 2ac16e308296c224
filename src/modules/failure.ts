// A module that cannot do what it was asked (missing file, bad regexp, failed validate) throws this;
// runModule turns it into a failed task result with the message and any extra keys Ansible registers.
import { HaRunError } from '../errors.js';

export class ModuleFailure extends HaRunError {
  readonly extra: Record<string, unknown>;
  /**
   * The failure is about something missing NOW that an earlier task of the same run may create
   * (a directory, the file to edit). A dry run cannot know, so check mode reports a change instead.
   */
  readonly missingBeforeEarlierTasks: boolean;

  constructor(message: string, extra: Record<string, unknown> = {}, options: { missingBeforeEarlierTasks?: boolean } = {}) {
    super('module-failed', message);
    this.name = 'ModuleFailure';
    this.extra = extra;
    this.missingBeforeEarlierTasks = options.missingBeforeEarlierTasks ?? false;
  }
}

/** A ModuleFailure for something an earlier task may still create. */
export function missingNow(message: string, extra: Record<string, unknown> = {}): ModuleFailure {
  return new ModuleFailure(message, extra, { missingBeforeEarlierTasks: true });
}
