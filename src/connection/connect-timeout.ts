// The SSH connect timeout in seconds: one rule for `-T` and for ansible_timeout / ansible_ssh_timeout,
// so an option that passes the command-line check is never refused later, host by host.
export const CONNECT_TIMEOUT_SECONDS = { min: 1, max: 3600 } as const;

/** The timeout `raw` gives, or undefined when it is not a whole number in range. */
export function connectTimeoutSeconds(raw: string): number | undefined {
  const n = Number(raw);
  return Number.isInteger(n) && n >= CONNECT_TIMEOUT_SECONDS.min && n <= CONNECT_TIMEOUT_SECONDS.max ? n : undefined;
}
