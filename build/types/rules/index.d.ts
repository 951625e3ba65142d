import type { Rule } from '../src/core/rule.js';
export declare const builtinRules: readonly Rule[];
