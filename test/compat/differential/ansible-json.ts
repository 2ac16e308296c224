// Reads the output of ansible-playbook's `json` stdout callback into per-task outcomes for one host.
import { statusOf, type TaskOutcome } from './outcome.js';

interface AnsibleResult {
  failed?: boolean;
  skipped?: boolean;
  changed?: boolean;
  results?: AnsibleResult[];
}

interface AnsibleJson {
  plays: { play: { name: string }; tasks: { task: { name: string }; hosts: Record<string, AnsibleResult> }[] }[];
  stats: Record<string, Record<string, number>>;
}

export function ansibleOutcomes(stdout: string, host: string): { outcomes: TaskOutcome[]; stats: Record<string, number> | undefined } {
  // Warnings may precede the document on stdout; the JSON object starts at the first '{' line.
  const start = stdout.search(/^\{/m);
  if (start < 0) throw new Error(`ansible-playbook printed no JSON document:\n${stdout.slice(0, 2000)}`);
  const doc = JSON.parse(stdout.slice(start)) as AnsibleJson;
  const outcomes: TaskOutcome[] = [];
  for (const play of doc.plays) {
    for (const task of play.tasks) {
      const result = task.hosts[host];
      if (!result) continue; // the task did not run on this host at all (not even skipped)
      const outcome: TaskOutcome = { play: play.play.name, task: task.task.name, status: statusOf(result) };
      if (Array.isArray(result.results)) outcome.items = result.results.map((r) => statusOf(r));
      outcomes.push(outcome);
    }
  }
  return { outcomes, stats: doc.stats[host] };
}
