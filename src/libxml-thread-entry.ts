// The libxml2 thread's own entry point, bundled as build/libxml-thread.mjs beside the command
// (scripts/build.mjs): the worker loads libxml2's share of linting only, not the whole command
// with its rules, formatters and argument parser. The Action's single dist/index.js has no such
// file; its thread loads the Action's bundle itself (libxml-thread.ts says which).
import './libxml-thread.js';
