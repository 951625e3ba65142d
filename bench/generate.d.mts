// Types for bench/generate.mjs, which the tests import too.

/** A bundle-heavy CIB with this many bundles (TripleO-shaped), with a status section unless told not to. */
export function generateCib(bundles: number, options?: { status?: boolean; nodeCount?: number }): string;

/** How many bundles make a CIB of about this many megabytes. */
export function bundlesForSize(megabytes: number): number;
