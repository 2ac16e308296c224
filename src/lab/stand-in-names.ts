// The stand-in images a lab file may ask for. Kept apart from stand-ins.ts so that reading a lab file
// (which `validate` does for lab inventories) does not load Docker's helpers and zx, whose load touches
// fetch and makes Node reserve WebAssembly memory that a `ulimit -v` environment does not have.
export const STAND_INS = ['rancher-server'] as const;
export type StandInName = (typeof STAND_INS)[number];
