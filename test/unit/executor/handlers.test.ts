import { describe, expect, it } from 'vitest';
import { HandlerQueue } from '../../../src/executor/handlers.js';
import type { Task } from '../../../src/playbook/types.js';

function handler(name: string, listen: string[] = [], role?: string): Task {
  return {
    kind: 'task',
    name,
    module: 'debug',
    args: {},
    when: [],
    tags: [],
    vars: {},
    notify: [],
    listen,
    location: { file: 'h.yml', line: 1, col: 1 },
    ...(role ? { role: { name: role, path: `/roles/${role}` } } : {}),
  };
}

describe('handler notification', () => {
  it('matches templated names as the namer renders them, once; an unrenderable name is reached by its listen topics only', () => {
    let renders = 0;
    const names: Record<string, string | undefined> = { 'restart {{ svc }}': 'restart web', 'host {{ h }}': undefined };
    const q = new HandlerQueue([handler('restart {{ svc }}'), handler('host {{ h }}', ['by topic'])], (h) => {
      renders++;
      return h.name !== undefined && h.name in names ? names[h.name] : h.name;
    });
    expect(q.resolve('restart web')).toEqual([0]);
    expect(q.resolve('restart {{ svc }}')).toEqual([]);
    expect(q.resolve('host {{ h }}')).toEqual([]);
    expect(q.resolve('by topic')).toEqual([1]);
    expect(renders).toBe(2);
  });

  it('runs each notified handler once per host, in definition order, not notification order', () => {
    const q = new HandlerQueue([handler('restart a'), handler('restart b'), handler('restart c')]);
    q.notify('n1', 'restart c');
    q.notify('n1', 'restart a');
    q.notify('n2', 'restart c');
    q.notify('n1', 'restart c');
    const a = q.next()!;
    expect(a).toMatchObject({ index: 0, hosts: ['n1'] });
    q.spent(a.index, a.hosts);
    const c = q.next(a.index)!;
    expect(c.index).toBe(2);
    expect(c.hosts.sort()).toEqual(['n1', 'n2']);
    q.spent(c.index, c.hosts);
    expect(q.next()).toBeUndefined();
    expect(q.hasPending()).toBe(false);
  });

  it('spends a handler notification only once it ran, and one pass never goes back to an earlier handler', () => {
    const q = new HandlerQueue([handler('a'), handler('b')]);
    q.notify('n1', 'a');
    const a = q.next()!;
    q.notify('n1', 'a'); // a notifies itself while running: spent with this run
    q.notify('n1', 'b');
    q.spent(a.index, a.hosts);
    const b = q.next(a.index)!;
    expect(b.index).toBe(1);
    q.notify('n1', 'a'); // b notifies a, which is earlier: it waits for the next flush
    q.spent(b.index, b.hosts);
    expect(q.next(b.index)).toBeUndefined();
    expect(q.next()).toMatchObject({ index: 0, hosts: ['n1'] });
  });
  it('reaches every handler listening to a topic', () => {
    const q = new HandlerQueue([handler('one', ['web changed']), handler('two'), handler('three', ['web changed'])]);
    expect(q.resolve('web changed')).toEqual([0, 2]);
    expect(q.notify('n1', 'web changed')).toBe(true);
    const first = q.next()!;
    q.spent(first.index, first.hosts);
    expect([first.index, q.next(first.index)!.index]).toEqual([0, 2]);
  });
  it('takes the first handler of a duplicated name (ansible-core 2.14), and accepts `role : name`', () => {
    const q = new HandlerQueue([handler('restart', [], 'web'), handler('restart')]);
    expect(q.resolve('restart')).toEqual([0]);
    expect(q.resolve('web : restart')).toEqual([0]);
    const named = new HandlerQueue([handler('other', ['topic']), handler('topic')]);
    expect(named.resolve('topic')).toEqual([0, 1]);
  });
  it('says when a name reaches nothing, and forgets hosts that left the play', () => {
    const q = new HandlerQueue([handler('a')]);
    expect(q.notify('n1', 'nope')).toBe(false);
    q.notify('n1', 'a');
    q.dropHost('n1');
    expect(q.hasPending()).toBe(false);
  });
  it('a handler notified again after it ran runs again at the next flush', () => {
    const q = new HandlerQueue([handler('a')]);
    q.notify('n1', 'a');
    q.next();
    q.notify('n1', 'a');
    expect(q.next()).toMatchObject({ index: 0, hosts: ['n1'] });
  });
});
