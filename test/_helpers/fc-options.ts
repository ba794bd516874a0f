/**
 * Run options for fast-check properties. `FC_SEED` (with `FC_PATH` to go straight to the shrunk case)
 * replays a reported failure; `FC_RUNS_FACTOR` scales the number of runs, e.g. for a longer soak.
 */
export function runs(numRuns: number): { numRuns: number; seed?: number; path?: string } {
  const factor = Number(process.env.FC_RUNS_FACTOR ?? 1);
  const seed = process.env.FC_SEED;
  const path = process.env.FC_PATH;
  return {
    numRuns: Math.max(1, Math.round(numRuns * (Number.isFinite(factor) && factor > 0 ? factor : 1))),
    ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
    ...(path ? { path } : {}),
  };
}
