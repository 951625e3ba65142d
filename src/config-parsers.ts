/**
 * yaml and ajv, for src/config.ts to import on demand when it reads a configuration file: about
 * 500 of the 960 KB of build/cli.mjs, which a run without one never needs. Measured, cold runs of
 * a one-bundle CIB with --no-config, medians of 15 interleaved with the eager bundle, three times:
 * 139/138/142 -> 127/125/128 ms; with --concurrency on (the worker loads the bundle too) 217 ->
 * 192 ms; with a YAML configuration file no slower (172/174 -> 171/170 ms).
 *
 * Why this module rather than `await import('yaml')`: both packages are CommonJS, and a split
 * esbuild chunk exposes such a package only as `default` (Node's semantics), so the named exports
 * were undefined. A static import here gets esbuild's usual interop. Import nothing else here: the
 * build checks that this chunk holds no other source, since a lazily loaded chunk that reaches
 * libxml2-wasm (top-level await) hangs the process.
 */
export { parse as parseYaml } from 'yaml';
export { Ajv } from 'ajv';
