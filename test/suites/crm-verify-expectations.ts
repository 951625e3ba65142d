// What Pacemaker's own crm_verify prints for a rule's invalid fixtures, where it catches the same
// problem: the oracle suite (crm-verify-oracle.test.ts) runs real crm_verify on them and requires
// a match. Test data, not rule metadata.
export const CRM_VERIFY_SAYS: Readonly<Record<string, RegExp>> = {
  'bundle-control-port-replicas-per-host': /Specifying the 'control-port' for \S+ requires 'replicas-per-host=1'/,
  'bundle-not-cloned': /Element (clone|master) (failed to validate content|has extra content: bundle)/,
  'bundle-not-grouped': /Element group has extra content: bundle/,
  'bundle-promotable-agent': /cannot be used as a promotable clone resource/,
  'bundle-resource-needs-ip-range-or-control-port': /Cannot control \S+ inside \S+ without either ip-range-start or control-port/,
  'bundle-target-role-promoted': /only makes sense for promotable clones/,
  'bundle-unsupported-children': /Element bundle has extra content: (operations|utilization)/,
  'constraint-bundled-primitive': /because '[^']*' is not a valid resource or tag/,
  'constraint-unknown-reference': /references an unknown ID/,
  'fencing-no-devices': /no STONITH resources have been defined/,
  'meta-attribute-names': /element op: Relax-NG validity error/,
  'operation-duplicate': /is duplicate of .*do not use same name and interval combination/,
  'operation-values': /is not allowed for stop|'demote' is not allowed for it|action cannot be recurring|'fence' is not valid when fencing is disabled/,
  'schema': /CIB did not pass schema validation/,
  'score-valid': /Type integer doesn't allow value/,
};
