/** `-`: the CIB on standard input (`pcs cluster cib | cib-lint -`). */
import { type ReadLimits, type ReadResult } from './limits.js';
export declare function readStdin(limits: ReadLimits): ReadResult;
