// What a module sees of its task on one host: the connection, check and diff mode, the variables, and
// how to render templates and find controller files the way the task would.
import type { Connection } from '../connection/types.js';
import type { ModuleContext } from '../modules/types.js';
import type { Task } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import { evaluateExpression, renderString, renderTemplateFile, templateSearchPath } from './deps.js';
import { effective, type Scope } from './scope.js';
import { fileFinder, searchPaths } from './search-path.js';
import { truthy } from './task-connection.js';

type Vars = Record<string, unknown>;

export function moduleContext(pc: PlayContext, scope: Scope, task: Task, host: string, vars: Vars, conn: Connection): ModuleContext {
  const paths = searchPaths(pc, scope, task);
  const checkKeyword = effective(scope, task, 'checkMode');
  const diffKeyword = effective(scope, task, 'diff');
  return {
    host,
    conn,
    check: checkKeyword !== undefined ? truthy(checkKeyword, vars) : pc.run.options.check,
    diff: diffKeyword !== undefined ? truthy(diffKeyword, vars) : pc.run.options.diff,
    vars,
    // Template files get Python string escapes, as Ansible's template module renders them, and
    // find what they include next to themselves and in the templates/ of the search paths.
    render: (t, options) =>
      options?.file
        ? renderTemplateFile(
            t,
            { vars, searchPaths: paths, templateDirs: options.path === undefined ? undefined : templateSearchPath(paths, options.path) },
            { syntax: options.syntax, vars: options.vars },
          )
        : renderString(t, { vars, searchPaths: paths }),
    evaluate: (expr, options = {}) => evaluateExpression(expr, { vars, searchPaths: paths }, options.condition ? 'python' : undefined),
    findFile: fileFinder(pc, scope, task),
  };
}
