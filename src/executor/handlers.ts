// Handler notifications: a notify names a handler (the first one defined with that name, as
// ansible-core 2.14 does, or `role : name`) or a `listen` topic (every handler listening). Each
// handler runs once per notified host, in definition order, when handlers are flushed.
import type { Handler } from '../playbook/types.js';

/** A handler's name as notifications match it (templated names rendered), or undefined when it has none usable. */
export type HandlerNamer = (handler: Handler) => string | undefined;

export class HandlerQueue {
  private readonly pending = new Map<number, Set<string>>();
  private readonly names = new Map<Handler, string | undefined>();

  constructor(
    private readonly handlers: Handler[],
    private readonly nameOf: HandlerNamer = (h) => h.name,
  ) {}

  /** A handler known only at run time (a role chosen by a template): notifiable from now on, after the others. */
  add(handler: Handler): void {
    if (!this.handlers.includes(handler)) this.handlers.push(handler);
  }

  /** Rendered once, when a notification first looks for it (as Ansible caches it). */
  private nameFor(h: Handler): string | undefined {
    if (!this.names.has(h)) this.names.set(h, this.nameOf(h));
    return this.names.get(h);
  }

  /** Indexes of the handlers a notify name reaches (empty when none: the validator reports that earlier). */
  resolve(name: string): number[] {
    const byName: number[] = [];
    const byListen: number[] = [];
    this.handlers.forEach((h, i) => {
      const own = this.nameFor(h);
      const full = h.role && own !== undefined ? `${h.role.name} : ${own}` : undefined;
      if ((own !== undefined && own === name) || full === name) byName.push(i);
      if (h.listen?.includes(name)) byListen.push(i);
    });
    const chosen = new Set(byListen);
    if (byName.length > 0) chosen.add(byName[0]!);
    return [...chosen].sort((a, b) => a - b);
  }

  notify(host: string, name: string): boolean {
    const targets = this.resolve(name);
    for (const i of targets) {
      const hosts = this.pending.get(i) ?? new Set<string>();
      hosts.add(host);
      this.pending.set(i, hosts);
    }
    return targets.length > 0;
  }

  hasPending(): boolean {
    return [...this.pending.values()].some((s) => s.size > 0);
  }

  /** The first handler defined after `after` with notified hosts; its notifications stay until `spent`. */
  next(after = -1): { index: number; handler: Handler; hosts: string[] } | undefined {
    const index = [...this.pending.keys()].filter((i) => i > after && this.pending.get(i)!.size > 0).sort((a, b) => a - b)[0];
    if (index === undefined) return undefined;
    return { index, handler: this.handlers[index]!, hosts: [...this.pending.get(index)!] };
  }

  /** The handler ran for these hosts: their notifications are spent, also those it made of itself while running. */
  spent(index: number, hosts: readonly string[]): void {
    const pending = this.pending.get(index);
    if (!pending) return;
    for (const h of hosts) pending.delete(h);
    if (pending.size === 0) this.pending.delete(index);
  }

  /** Forget notifications for hosts that left the play (failed or unreachable). */
  dropHost(host: string): void {
    for (const s of this.pending.values()) s.delete(host);
  }
}
