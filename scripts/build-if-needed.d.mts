/** Runs `next build` when the build inputs changed; returns its exit status (0 when up to date). */
export function buildIfNeeded(): number;
