#!/bin/bash
# Replays, with the real pcs, the commands that the linux-system-roles ha_cluster Ansible role (MIT)
# runs to build a cluster's CIB from its variables, into an offline CIB file.
# Usage: replay.sh examples-resources|tests-cib-resources-create OUT.xml
#   (needs pcs 0.11 and cibadmin; replayed here with pcs 0.11.5 and Pacemaker 2.1.5)
#
# Provenance: linux-system-roles/ha_cluster commit 31e38956d62bcd73e3a7a13cb824c852fc2b0fbf
# (2026-08-07, version 1.32.1). Paths below are in that commit; "T" = tasks/shell_pcs/.
#   T/create-and-push-cib.yml   fetches the live CIB into a temp file, purges the configuration
#                               (:53-73, nodes and a few controller-written properties survive), then
#                               builds it in this order: cluster properties (:92-102), bundles
#                               (:160-165), primitives (:167-176), groups (:178-183), clones
#                               (:185-190), stonith levels, constraints, acls, alerts (:192-281);
#                               finally crm_diff + cibadmin --patch (:293-324)
#   a primitive goes into a bundle when a bundle names it in `resource_id` (:153-158)
#   T/pcs-cluster-properties.yml:5-8   pcs -f CIB -- property set NAME=VALUE (one command per attr)
#   T/pcs-cib-resource-bundle.yml:7-44 pcs -f CIB -- resource bundle create ID container TYPE opts
#                                      [network ...] [port-map ...]* [storage-map ...]* [meta ...]
#   T/pcs-cib-resource-primitive.yml:7-53 pcs -f CIB [--no-default-ops] -- resource|stonith create ID
#                                      AGENT attrs [meta ...] [op ACTION ...]* [bundle ID]
#   T/pcs-cib-resource-group.yml:5-10, :20-25   resource group add ID RSC...; resource meta ID ...
#   T/pcs-cib-resource-clone.yml:28-59 resource clone|promotable RSC [CUSTOM-ID] meta...
#     (pcs 0.11.5 has pcmk.resource.clone.custom-id and pcmk.resource.promotable.custom-id, so the
#     custom id is passed)
# The role runs each command with ansible.builtin.command (no shell): Jinja's `quote` (shlex.quote)
# followed by shlex splitting, so the quoting below gives pcs the same argv.
#
# Assumed deployment values (not in the variable sets): the live cluster's CIB before the role runs
# is an empty CIB with the two nodes node1 and node2 (both variable sets fence "node1 node2").
# Fence agents: the role installs fence-agents-all first (defaults/main.yml:19-20, tasks/main.yml:47);
# this machine lacks fence_xvm and fence_kdump, so a `stonith create` refused only for that is
# repeated with --force (pcs then writes the same XML without checking the parameters).
set -eu
SET=${1:?usage: replay.sh examples-resources|tests-cib-resources-create OUT.xml}
OUT=${2:?usage: replay.sh examples-resources|tests-cib-resources-create OUT.xml}
export CIB_file=$OUT
pcsf() { echo "+ pcs -f OUT $*" >&2; pcs -f "$OUT" "$@"; }
stonith_create() {   # stonith_create ARGS-AFTER-"--"...: as the role runs it; again with --force if refused
  local err          # only because the agent is not installed on this replay machine
  echo "+ pcs -f OUT -- $*" >&2
  if ! err=$(pcs -f "$OUT" -- "$@" 2>&1); then
    echo "$err" >&2
    grep -q "is not installed or does not provide valid metadata" <<<"$err" || return 1
    pcsf --force -- "$@"
  fi
}

# --- the live CIB, purged (T/create-and-push-cib.yml:26-73): nodes only
cibadmin --empty > "$OUT"
cibadmin -o nodes -C -X '<node id="1" uname="node1"/>'
cibadmin -o nodes -C -X '<node id="2" uname="node2"/>'

case $SET in
examples-resources)
  # V = examples/resources.yml (the role's documented example of resources; also README.md:2007-2135)
  # no cluster properties in V

  # bundle: template T/pcs-cib-resource-bundle.yml:7-44; values V:91-127. V writes `resource-id:`
  # (V:93, README.md:2097) where the role reads `resource_id` (T/create-and-push-cib.yml:156,
  # README.md:854), so the role puts no primitive into this bundle: bundled-resource stays a plain primitive.
  pcsf -- resource bundle create bundle-with-resource container podman image=my:image \
    network control-port=3121 \
    port-map port=10001 port-map port=10002 internal-port=10003 \
    storage-map source-dir=/srv/daemon-data target-dir=/var/daemon/data \
    storage-map source-dir-root=/var/log/pacemaker/bundles target-dir=/var/log/daemon \
    meta target-role=Started is-managed=true

  # primitives: template T/pcs-cib-resource-primitive.yml:7-53 (stonith: :16-19); values V:11-16
  stonith_create stonith create xvm-fencing fence_xvm pcmk_host_list='node1 node2'
  # T/pcs-cib-resource-primitive.yml:7-53; V:17-19
  pcsf -- resource create simple-resource ocf:pacemaker:Dummy
  # T/pcs-cib-resource-primitive.yml:7-53 (attrs :24-28, meta :30-35, op :37-49); V:20-45
  pcsf -- resource create resource-with-options ocf:pacemaker:Dummy fake=fake-value passwd=passwd-value \
    meta target-role=Started is-managed=true op start timeout=30s op monitor timeout=5 interval=1min
  # T/pcs-cib-resource-primitive.yml:7-53; V:46-63 (six plain Dummy primitives)
  for id in example-1 example-2 example-3 simple-clone clone-with-options bundled-resource; do
    pcsf -- resource create $id ocf:pacemaker:Dummy
  done

  # groups: T/pcs-cib-resource-group.yml:5-10 and :20-25; V:65-74
  pcsf -- resource group add simple-group example-1 example-2
  pcsf -- resource meta simple-group target-role=Started is-managed=true
  # T/pcs-cib-resource-group.yml:5-10; V:75-77
  pcsf -- resource group add cloned-group example-3

  # clones: T/pcs-cib-resource-clone.yml:28-59; V:79
  pcsf -- resource clone simple-clone
  # REFUSED, skipped: T/pcs-cib-resource-clone.yml:28-59; V:80-88 asks for a promotable clone of
  # ocf:pacemaker:Dummy, which has no promote action. pcs 0.11.5: "Error: Clone option 'promotable' is
  # not compatible with 'ocf:pacemaker:Dummy' resource agent of resource 'clone-with-options', use
  # --force to override". The role passes no --force, so on a real cluster its task fails here and
  # nothing is pushed; this replay goes on without the clone.
  #   pcs -f OUT -- resource promotable clone-with-options custom-clone-id clone-max=2 clone-node-max=1
  # REFUSED, skipped: T/pcs-cib-resource-clone.yml:28-59; V:89-90, a promotable clone of a group of
  # one Dummy: "Error: Clone option 'promotable' is not compatible with 'ocf:pacemaker:Dummy' resource
  # agent of resource 'example-3' in group 'cloned-group', use --force to override"
  #   pcs -f OUT -- resource promotable cloned-group
  ;;

tests-cib-resources-create)
  # V = tests/tests_cib_resources_create.yml (the role's CI test "Create all kinds of resources in a
  # cluster"; it checks pcs' view of the result, :305-...)

  # cluster properties: T/pcs-cluster-properties.yml:5-8; V:12-19
  pcsf -- property set maintenance-mode=true
  pcsf -- property set stonith-enabled=false
  pcsf -- property set stop-all-resources=true

  # bundles: T/pcs-cib-resource-bundle.yml:7-44; V:226-231
  pcsf -- resource bundle create bundle-minimal container docker image=my:image1
  # T/pcs-cib-resource-bundle.yml:7-44 (network :15-23); V:232-241
  pcsf -- resource bundle create bundle-minimal-with-resource container docker image=my:image1 \
    network control-port=3121
  # T/pcs-cib-resource-bundle.yml:7-44 (port-map :25-30, storage-map :32-37, meta :39-44); V:242-280
  pcsf -- resource bundle create bundle-all-options container docker image=my:image1 replicas=2 \
    network control-port=3121 host-netmask=32 \
    port-map port=23456 port-map port=34567 internal-port=45678 \
    storage-map source-dir=/tmp/source1 target-dir=/tmp/target1 \
    storage-map source-dir=/tmp/source2 target-dir=/tmp/target2 \
    meta target-role=Stopped an-attr='a value'

  # stonith primitives: T/pcs-cib-resource-primitive.yml:7-53 (stonith :16-19; --no-default-ops only
  # for non-stonith :9-14); V:21-22, V:23-27, V:28-34 (empty attrs give no arguments)
  stonith_create stonith create fence-no-attrs fence_kdump
  stonith_create stonith create fence-empty-attrs1 fence_kdump
  stonith_create stonith create fence-empty-attrs2 fence_kdump
  # T/pcs-cib-resource-primitive.yml:7-53; V:38-64
  stonith_create stonith create fence-with-attrs fence_kdump pcmk_host_list='node1 node2' timeout=30 \
    meta target-role=Stopped an-attr='a value' op monitor timeout=13 interval=26 op monitor timeout=14s interval=28s

  # resource primitives: T/pcs-cib-resource-primitive.yml:7-53; V:66-68, V:69-74, V:75-81
  pcsf -- resource create test-no-attrs ocf:pacemaker:Dummy
  pcsf -- resource create test-empty-attrs1 ocf:pacemaker:Dummy
  pcsf -- resource create test-empty-attrs2 ocf:pacemaker:Dummy
  # T/pcs-cib-resource-primitive.yml:7-53; V:85-100
  pcsf -- resource create test-with-attrs1 ocf:pacemaker:Dummy fake='fake value' meta target-role=Stopped \
    op monitor timeout=1min
  # T/pcs-cib-resource-primitive.yml:7-53; V:101-128
  pcsf -- resource create test-with-attrs2 ocf:pacemaker:Dummy fake='fake value' passwd='passwd value1' \
    meta target-role=Stopped an-attr='a value' op monitor timeout=13 interval=26 op monitor timeout=14 interval=28
  # T/pcs-cib-resource-primitive.yml:9-14 (--no-default-ops before "--"); V:129-132
  pcsf --no-default-ops -- resource create test-no-default-ops ocf:pacemaker:Dummy
  # T/pcs-cib-resource-primitive.yml:7-53; V:134-148, V:150-166 (plain Dummy primitives)
  for id in test-1a test-1b test-2a test-3a test-4a test-clone-no-options; do
    pcsf -- resource create $id ocf:pacemaker:Dummy
  done
  # V:153-154
  pcsf -- resource create stateful-clone-promotable ocf:pacemaker:Stateful
  for id in test-clone-id test-clone-empty-attrs1 test-clone-empty-attrs2 test-clone-with-attrs1; do
    pcsf -- resource create $id ocf:pacemaker:Dummy
  done
  # V:167-168
  pcsf -- resource create stateful-clone-with-attrs2 ocf:pacemaker:Stateful
  # T/pcs-cib-resource-primitive.yml:51-53 (bundle, from the map at T/create-and-push-cib.yml:153-158);
  # V:170-172 and V:233
  pcsf -- resource create test-bundle ocf:pacemaker:Dummy bundle bundle-minimal-with-resource

  # groups: T/pcs-cib-resource-group.yml:5-10; V:175-178, V:179-182, V:183-187 (empty meta: no
  # "resource meta" command, :26-28), V:188-196 (:20-25)
  pcsf -- resource group add group1 test-1a test-1b
  pcsf -- resource group add group2 test-2a
  pcsf -- resource group add group3 test-3a
  pcsf -- resource group add group4 test-4a
  pcsf -- resource meta group4 target-role=Stopped an-attr='a value'

  # clones: T/pcs-cib-resource-clone.yml:28-59; V:199, :200-201, :202-203, :204-205, :206-208,
  # :209-213, :214-222, :223
  pcsf -- resource clone test-clone-no-options
  pcsf -- resource promotable stateful-clone-promotable
  pcsf -- resource clone test-clone-id custom-clone-id1
  pcsf -- resource clone test-clone-empty-attrs1
  pcsf -- resource clone test-clone-empty-attrs2
  pcsf -- resource clone test-clone-with-attrs1 target-role=Stopped
  pcsf -- resource promotable stateful-clone-with-attrs2 custom-clone-id2 target-role=Stopped an-attr='a value'
  pcsf -- resource clone group3
  ;;
*) echo "unknown variable set: $SET" >&2; exit 2 ;;
esac
echo "replayed $SET into $OUT" >&2
