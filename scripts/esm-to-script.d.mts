/** build/cli.mjs as one async function expression for a classic script (see esm-to-script.mjs). */
export function esmToScript(source: string): string;
