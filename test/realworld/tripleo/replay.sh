#!/bin/bash
# Replays, with the real pcs, the commands that OpenStack TripleO's Puppet code issues to build the
# Pacemaker configuration of a 3-controller overcloud (podman, default parameters), into an offline
# CIB file. Usage: replay.sh OUT.xml [LOG]   (needs pcs 0.11, cibadmin; run as root or with pcs -f access)
#
# Provenance. The commands are reconstructed from (all Apache-2.0; puppet-tripleo is Apache-2.0):
#   PT  = openstack/puppet-tripleo       commit 50b5095d114446c7305b87459218633a21485ca9 (master, 2021-03-16)
#   PP  = openstack/puppet-pacemaker     commit 6e272bf9ec7082a9cb935c6dfa53b2eff0ef5e74 (master, 2021-02-23)
#   THT = openstack/tripleo-heat-templates commit 04f9e4f73a7ff72c96852a6d6250cd71509a03d2 (master, 2021-03-15)
# The three commits are from the same three weeks (Wallaby development), so the hiera that THT passes
# matches the parameters that puppet-tripleo reads. (puppet-tripleo's last master 019ec495, 2023,
# differs in details: rw,z storage-map options, rabbitmq storage maps from THT's docker_volumes.)
#
# How a Puppet define becomes pcs arguments (PP):
#   pacemaker::resource::bundle   manifests/resource/bundle.pp:159-177 (masters -> promoted_max with pcs >= 0.10)
#                                 lib/puppet/provider/pcmk_bundle/default.rb:53-83 (argument order),
#                                 :6-24 (storage-map), :109-124 (with a location_rule: create --disabled,
#                                 then the location rule, then "resource enable")
#   pacemaker::resource::ocf/ip   lib/puppet/provider/pcmk_resource/default.rb:36-79; a resource in a bundle
#                                 whose location rule already exists (location-<bundle>, :173-193) is
#                                 created plainly (:127-130); an IP with a location rule: --disabled/rule/enable (:96-101)
#   location rule                 lib/puppet/provider/pcmk_common.rb:229-260
#   pacemaker::property node=     lib/puppet/provider/pcmk_property/default.rb:11-23 ("node attribute" with pcs >= 0.10)
#   constraints                   lib/puppet/provider/pcmk_constraint/default.rb:14-29
#   stonith                       manifests/stonith/fence_ipmilan.pp:213-227, lib/puppet/provider/pcmk_stonith/default.rb:26-31
#   resource (op) defaults        lib/puppet/provider/pcmk_resource_default/pcs.rb:16, pcmk_resource_op_default/pcs.rb:16
# PP runs each command as `pcs -f <copy of the CIB> <cmd>` through a shell (pcmk_common.rb:132-143), so
# the quoting below is the quoting the shell saw.
#
# Assumed deployment values (not in the manifests): nodes controller-0..2 (FQDN
# controller-N.internalapi.localdomain); ContainerCli=podman (THT overcloud-resource-registry-puppet.j2.yaml:352),
# so log driver k8s-file; images quay.io/tripleomaster/openstack-<svc>:pcmklatest (ClusterCommonTag=false,
# THT deployment/*/…-pacemaker-puppet.yaml "pcmklatest" yaql); VIPs: ctlplane 192.168.24.15, external
# 10.0.0.5, internal_api 172.17.0.5, storage 172.18.0.5, storage_mgmt 172.19.0.5, redis 172.17.0.6;
# fencing enabled (THT EnableFencing defaults to false; production sets it) with one fence_ipmilan
# device per controller as `openstack overcloud generate fencing` writes them.
set -u
OUT=${1:?usage: replay.sh OUT.xml [LOG]}
LOG=${2:-/dev/stderr}
: > "$LOG"
export CIB_file=$OUT
N=0; FAIL=0
run() {   # run "<provenance>" pcs args...  (records the exit status; a refused command is information)
  local prov=$1; shift
  N=$((N+1))
  { echo "### [$N] $prov"; echo "\$ $*"; } >> "$LOG"
  if "$@" >> "$LOG" 2>&1; then echo "=> ok" >> "$LOG"; else echo "=> FAILED ($?)" >> "$LOG"; FAIL=$((FAIL+1)); fi
}
run_agent() {   # like run; if pcs refuses only because the agent is not installed on THIS machine
  # (TripleO installs fence-agents-ipmilan first: PP manifests/stonith/fence_ipmilan.pp:216-218), repeat with --force
  local prov=$1; shift
  run "$prov" "$@"
  if tail -n 3 "$LOG" | grep -q "is not installed or does not provide valid metadata"; then
    run "$prov [again with --force: agent not installed on the replay machine]" sh -c "${*: -1} --force"
  fi
}
PCS="pcs -f $OUT"
NODES="controller-0 controller-1 controller-2"
REG=quay.io/tripleomaster
LOGDRV="--log-driver=k8s-file --log-opt path=/var/log/containers/stdouts"

# --- an empty CIB with the three cluster nodes (pcs cluster setup does this on a live cluster)
cibadmin --empty > "$OUT"
for i in 1 2 3; do
  run "nodes (corosync membership)" cibadmin -o nodes -C -X "<node id=\"$i\" uname=\"controller-$((i-1))\"/>"
done

# --- step 1: PT manifests/profile/base/pacemaker.pp:208-211 -> PP manifests/stonith.pp (disable => !enable_fencing; enable_fencing is only true from step 5, :149)
run "PT base/pacemaker.pp:209 pacemaker::stonith disable" $PCS property set stonith-enabled=false

# --- step 2: PT base/pacemaker.pp:268-277; values THT deployment/pacemaker/pacemaker-baremetal-puppet.yaml:160-161,190-197 (podman: bundle op timeout 120s)
run "PT base/pacemaker.pp:269 pacemaker::resource_defaults (THT pacemaker-baremetal-puppet.yaml:160)" $PCS resource defaults resource-stickiness='INFINITY'
run "PT base/pacemaker.pp:273 pacemaker::resource_op_defaults (THT pacemaker-baremetal-puppet.yaml:190)" $PCS resource op defaults timeout='120s'

# ===== galera-bundle: PT manifests/profile/pacemaker/database/mysql_bundle.pp (THT deployment/database/mysql-pacemaker-puppet.yaml:147-161)
for n in $NODES; do run "PT database/mysql_bundle.pp:387 galera-role" $PCS node attribute $n galera-role=true; done
GALERA_BUNDLE="resource bundle create galera-bundle container podman image=$REG/openstack-mariadb:pcmklatest replicas=3 promoted-max=3 options=\"--user=root $LOGDRV/galera-bundle.log -e KOLLA_CONFIG_STRATEGY=COPY_ALWAYS\" run-command=\"/bin/bash /usr/local/bin/kolla_start\" network=host storage-map id=mysql-cfg-files source-dir=/var/lib/kolla/config_files/mysql.json target-dir=/var/lib/kolla/config_files/config.json options=ro storage-map id=mysql-cfg-data source-dir=/var/lib/config-data/puppet-generated/mysql/ target-dir=/var/lib/kolla/config_files/src options=ro storage-map id=mysql-hosts source-dir=/etc/hosts target-dir=/etc/hosts options=ro storage-map id=mysql-localtime source-dir=/etc/localtime target-dir=/etc/localtime options=ro storage-map id=mysql-lib source-dir=/var/lib/mysql target-dir=/var/lib/mysql options=rw storage-map id=mysql-log-mariadb source-dir=/var/log/mariadb target-dir=/var/log/mariadb options=rw storage-map id=mysql-log source-dir=/var/log/containers/mysql target-dir=/var/log/mysql options=rw storage-map id=mysql-dev-log source-dir=/dev/log target-dir=/dev/log options=rw network control-port=3123"
run "PT database/mysql_bundle.pp:481-500 galera-bundle" sh -c "$PCS $GALERA_BUNDLE --disabled"
run "PT database/mysql_bundle.pp:485-489 location rule" $PCS constraint location galera-bundle rule resource-discovery=exclusive score=0 galera-role eq true
run "PP pcmk_bundle/default.rb:119 enable" $PCS resource enable galera-bundle
run "PT database/mysql_bundle.pp:502-518 galera" sh -c "$PCS resource create galera ocf:heartbeat:galera log='/var/log/mysql/mysqld.log' additional_parameters='--open-files-limit=16384' enable_creation=true wsrep_cluster_address='gcomm://controller-0.internalapi.localdomain,controller-1.internalapi.localdomain,controller-2.internalapi.localdomain' cluster_host_map='controller-0:controller-0.internalapi.localdomain;controller-1:controller-1.internalapi.localdomain;controller-2:controller-2.internalapi.localdomain' meta master-max=3 ordered=true container-attribute-target=host op promote timeout=300s on-fail=block bundle galera-bundle"

# ===== redis-bundle: PT manifests/profile/pacemaker/database/redis_bundle.pp (THT deployment/database/redis-pacemaker-puppet.yaml:125-139)
for n in $NODES; do run "PT database/redis_bundle.pp:265 redis-role" $PCS node attribute $n redis-role=true; done
REDIS_BUNDLE="resource bundle create redis-bundle container podman image=$REG/openstack-redis:pcmklatest replicas=3 promoted-max=1 options=\"--user=root $LOGDRV/redis-bundle.log -e KOLLA_CONFIG_STRATEGY=COPY_ALWAYS\" run-command=\"/bin/bash /usr/local/bin/kolla_start\" network=host storage-map id=redis-cfg-files source-dir=/var/lib/kolla/config_files/redis.json target-dir=/var/lib/kolla/config_files/config.json options=ro storage-map id=redis-cfg-data-redis source-dir=/var/lib/config-data/puppet-generated/redis/ target-dir=/var/lib/kolla/config_files/src options=ro storage-map id=redis-hosts source-dir=/etc/hosts target-dir=/etc/hosts options=ro storage-map id=redis-localtime source-dir=/etc/localtime target-dir=/etc/localtime options=ro storage-map id=redis-lib source-dir=/var/lib/redis target-dir=/var/lib/redis options=rw storage-map id=redis-log source-dir=/var/log/containers/redis target-dir=/var/log/redis options=rw storage-map id=redis-run source-dir=/var/run/redis target-dir=/var/run/redis options=rw,z storage-map id=redis-pki-extracted source-dir=/etc/pki/ca-trust/extracted target-dir=/etc/pki/ca-trust/extracted options=ro storage-map id=redis-pki-ca-bundle-crt source-dir=/etc/pki/tls/certs/ca-bundle.crt target-dir=/etc/pki/tls/certs/ca-bundle.crt options=ro storage-map id=redis-pki-ca-bundle-trust-crt source-dir=/etc/pki/tls/certs/ca-bundle.trust.crt target-dir=/etc/pki/tls/certs/ca-bundle.trust.crt options=ro storage-map id=redis-pki-cert source-dir=/etc/pki/tls/cert.pem target-dir=/etc/pki/tls/cert.pem options=ro storage-map id=redis-dev-log source-dir=/dev/log target-dir=/dev/log options=rw network control-port=3124"
run "PT database/redis_bundle.pp:361-379 redis-bundle" sh -c "$PCS $REDIS_BUNDLE --disabled"
run "PT database/redis_bundle.pp:365-369 location rule" $PCS constraint location redis-bundle rule resource-discovery=exclusive score=0 redis-role eq true
run "PP pcmk_bundle/default.rb:119 enable" $PCS resource enable redis-bundle
run "PT database/redis_bundle.pp:387-402 redis" sh -c "$PCS resource create redis ocf:heartbeat:redis wait_last_known_master=true meta notify=true ordered=true interleave=true container-attribute-target=host op start timeout=200s stop timeout=200s bundle redis-bundle"

# ===== rabbitmq-bundle: PT manifests/profile/pacemaker/rabbitmq_bundle.pp (THT deployment/rabbitmq/rabbitmq-messaging-rpc-pacemaker-puppet.yaml:109-123)
for n in $NODES; do run "PT rabbitmq_bundle.pp:208 rabbitmq-role" $PCS node attribute $n rabbitmq-role=true; done
RABBIT_BUNDLE="resource bundle create rabbitmq-bundle container podman image=$REG/openstack-rabbitmq:pcmklatest replicas=3 options=\"--user=root $LOGDRV/rabbitmq-bundle.log -e KOLLA_CONFIG_STRATEGY=COPY_ALWAYS -e LANG=en_US.UTF-8 -e LC_ALL=en_US.UTF-8\" run-command=\"/bin/bash /usr/local/bin/kolla_start\" network=host storage-map id=rabbitmq-cfg-files source-dir=/var/lib/kolla/config_files/rabbitmq.json target-dir=/var/lib/kolla/config_files/config.json options=ro storage-map id=rabbitmq-cfg-data source-dir=/var/lib/config-data/puppet-generated/rabbitmq/ target-dir=/var/lib/kolla/config_files/src options=ro storage-map id=rabbitmq-hosts source-dir=/etc/hosts target-dir=/etc/hosts options=ro storage-map id=rabbitmq-localtime source-dir=/etc/localtime target-dir=/etc/localtime options=ro storage-map id=rabbitmq-lib source-dir=/var/lib/rabbitmq target-dir=/var/lib/rabbitmq options=rw storage-map id=rabbitmq-pki-extracted source-dir=/etc/pki/ca-trust/extracted target-dir=/etc/pki/ca-trust/extracted options=ro storage-map id=rabbitmq-pki-ca-bundle-crt source-dir=/etc/pki/tls/certs/ca-bundle.crt target-dir=/etc/pki/tls/certs/ca-bundle.crt options=ro storage-map id=rabbitmq-pki-ca-bundle-trust-crt source-dir=/etc/pki/tls/certs/ca-bundle.trust.crt target-dir=/etc/pki/tls/certs/ca-bundle.trust.crt options=ro storage-map id=rabbitmq-pki-cert source-dir=/etc/pki/tls/cert.pem target-dir=/etc/pki/tls/cert.pem options=ro storage-map id=rabbitmq-log source-dir=/var/log/containers/rabbitmq target-dir=/var/log/rabbitmq options=rw storage-map id=rabbitmq-dev-log source-dir=/dev/log target-dir=/dev/log options=rw network control-port=3122"
run "PT rabbitmq_bundle.pp:297-314 rabbitmq-bundle" sh -c "$PCS $RABBIT_BUNDLE --disabled"
run "PT rabbitmq_bundle.pp:300-304 location rule" $PCS constraint location rabbitmq-bundle rule resource-discovery=exclusive score=0 rabbitmq-role eq true
run "PP pcmk_bundle/default.rb:119 enable" $PCS resource enable rabbitmq-bundle
# set_policy: PT rabbitmq_bundle.pp:317-328 (3 nodes -> ha-params 2; rabbitmq_extra_policies default :121)
run "PT rabbitmq_bundle.pp:330-346 rabbitmq" sh -c "$PCS resource create rabbitmq ocf:heartbeat:rabbitmq-cluster set_policy='ha-all ^(?!amq\.).* {\"ha-mode\":\"exactly\",\"ha-params\":2,\"ha-promote-on-shutdown\":\"always\"}' meta notify=true container-attribute-target=host op start timeout=200s stop timeout=200s bundle rabbitmq-bundle"

# ===== haproxy-bundle + VIPs: PT manifests/profile/pacemaker/haproxy_bundle.pp, manifests/pacemaker/haproxy_with_vip.pp (THT deployment/haproxy/haproxy-pacemaker-puppet.yaml:172-208, haproxy_docker: true)
for n in $NODES; do run "PT haproxy_bundle.pp:162 haproxy-role" $PCS node attribute $n haproxy-role=true; done
VIPS="192.168.24.15 10.0.0.5 172.17.0.6 172.17.0.5 172.18.0.5 172.19.0.5"   # control :313, public :329, redis :348, internal_api/storage/storage_mgmt :369
for ip in $VIPS; do
  run "PT pacemaker/haproxy_with_vip.pp:99-108 ip (PP manifests/resource/ip.pp)" sh -c "$PCS resource create ip-$ip IPaddr2 ip=$ip cidr_netmask=32 meta resource-stickiness=INFINITY  --disabled"
  run "PT haproxy_bundle.pp:170-174 location rule" $PCS constraint location ip-$ip rule resource-discovery=exclusive score=0 haproxy-role eq true
  run "PP pcmk_resource/default.rb:99 enable" $PCS resource enable ip-$ip
done
HAPROXY_BUNDLE="resource bundle create haproxy-bundle container podman image=$REG/openstack-haproxy:pcmklatest replicas=3 options=\"--user=root $LOGDRV/haproxy-bundle.log -e KOLLA_CONFIG_STRATEGY=COPY_ALWAYS\" run-command=\"/bin/bash /usr/local/bin/kolla_start\" network=host storage-map id=haproxy-cfg-files source-dir=/var/lib/kolla/config_files/haproxy.json target-dir=/var/lib/kolla/config_files/config.json options=ro storage-map id=haproxy-cfg-data source-dir=/var/lib/config-data/puppet-generated/haproxy/ target-dir=/var/lib/kolla/config_files/src options=ro storage-map id=haproxy-hosts source-dir=/etc/hosts target-dir=/etc/hosts options=ro storage-map id=haproxy-localtime source-dir=/etc/localtime target-dir=/etc/localtime options=ro storage-map id=haproxy-var-lib source-dir=/var/lib/haproxy target-dir=/var/lib/haproxy options=rw storage-map id=haproxy-pki-extracted source-dir=/etc/pki/ca-trust/extracted target-dir=/etc/pki/ca-trust/extracted options=ro storage-map id=haproxy-pki-ca-bundle-crt source-dir=/etc/pki/tls/certs/ca-bundle.crt target-dir=/etc/pki/tls/certs/ca-bundle.crt options=ro storage-map id=haproxy-pki-ca-bundle-trust-crt source-dir=/etc/pki/tls/certs/ca-bundle.trust.crt target-dir=/etc/pki/tls/certs/ca-bundle.trust.crt options=ro storage-map id=haproxy-pki-cert source-dir=/etc/pki/tls/cert.pem target-dir=/etc/pki/tls/cert.pem options=ro storage-map id=haproxy-dev-log source-dir=/dev/log target-dir=/dev/log options=rw"
run "PT haproxy_bundle.pp:294-306 haproxy-bundle" sh -c "$PCS $HAPROXY_BUNDLE --disabled"
run "PT haproxy_bundle.pp:170-174 location rule" $PCS constraint location haproxy-bundle rule resource-discovery=exclusive score=0 haproxy-role eq true
run "PP pcmk_bundle/default.rb:119 enable" $PCS resource enable haproxy-bundle
for ip in $VIPS; do
  run "PT pacemaker/haproxy_with_vip.pp:110-117 order" $PCS constraint order start ip-$ip then start haproxy-bundle kind=Optional
  run "PT pacemaker/haproxy_with_vip.pp:118-123 colocation" $PCS constraint colocation add ip-$ip with haproxy-bundle INFINITY
done

# ===== step 3, ovn-dbs-bundle: PT manifests/profile/pacemaker/ovn_dbs_bundle.pp (THT deployment/ovn/ovn-dbs-pacemaker-puppet.yaml:156-187: force_ocf true, timeouts 60/10/30, probe 60000)
for n in $NODES; do run "PT ovn_dbs_bundle.pp:232 ovn-dbs-role" $PCS node attribute $n ovn-dbs-role=true; done
OVN_BUNDLE="resource bundle create ovn-dbs-bundle container podman image=$REG/openstack-ovn-northd:pcmklatest replicas=3 promoted-max=1 options=\"$LOGDRV/ovn-dbs-bundle.log -e KOLLA_CONFIG_STRATEGY=COPY_ALWAYS\" run-command=\"/bin/bash /usr/local/bin/kolla_start\" network=host storage-map id=ovn-dbs-cfg-files source-dir=/var/lib/kolla/config_files/ovn_dbs.json target-dir=/var/lib/kolla/config_files/config.json options=ro storage-map id=ovn-dbs-mod-files source-dir=/lib/modules target-dir=/lib/modules options=ro storage-map id=ovn-dbs-run-files source-dir=/var/lib/openvswitch/ovn target-dir=/run/openvswitch options=rw storage-map id=ovn-dbs-new-run-files source-dir=/var/lib/openvswitch/ovn target-dir=/run/ovn options=rw storage-map id=ovn-dbs-log-files source-dir=/var/log/containers/openvswitch target-dir=/var/log/openvswitch options=rw storage-map id=ovn-dbs-new-log-files source-dir=/var/log/containers/openvswitch target-dir=/var/log/ovn options=rw storage-map id=ovn-dbs-db-path source-dir=/var/lib/openvswitch/ovn target-dir=/etc/openvswitch options=rw storage-map id=ovn-dbs-new-db-path source-dir=/var/lib/openvswitch/ovn target-dir=/etc/ovn options=rw network control-port=3125"
run "PT ovn_dbs_bundle.pp:287-301 ovn-dbs-bundle" sh -c "$PCS $OVN_BUNDLE --disabled"
run "PT ovn_dbs_bundle.pp:244-248 location rule" $PCS constraint location ovn-dbs-bundle rule resource-discovery=exclusive score=0 ovn-dbs-role eq true
run "PP pcmk_bundle/default.rb:119 enable" $PCS resource enable ovn-dbs-bundle
run "PT ovn_dbs_bundle.pp:303-314 ovndb_servers (force_ocf)" sh -c "$PCS --force resource create ovndb_servers ocf:ovn:ovndb-servers master_ip=172.17.0.5 nb_master_port=6641 sb_master_port=6642 manage_northd=yes inactive_probe_interval=180000 listen_on_master_ip_only=yes inactive_probe_interval_to_master=60000 meta notify=true container-attribute-target=host op start timeout=200s stop timeout=200s monitor interval=10s role=Master timeout=60s monitor interval=30s role=Slave timeout=60s bundle ovn-dbs-bundle"
# ovn_dbs_vip == the internal_api VIP (no ovn_dbs_network hiera in THT) -> no separate IP (:316-367); the constraints use ip-172.17.0.5
run "PT ovn_dbs_bundle.pp:369-375 colocation (master_slave)" $PCS constraint colocation add ip-172.17.0.5 with master ovn-dbs-bundle INFINITY
run "PT ovn_dbs_bundle.pp:377-384 order" $PCS constraint order promote ovn-dbs-bundle then start ip-172.17.0.5 kind=Optional

# ===== step 5, openstack-cinder-volume: PT manifests/profile/pacemaker/cinder/volume_bundle.pp; storage maps from THT docker_volumes
# (deployment/cinder/cinder-common-container-puppet.yaml:124-131,258-282 + deployment/containers-common.yaml:131-160, CephConfigPath default :73-75,
# CinderEnableIscsiBackend default true) through PT lib/puppet/functions/docker_volumes_to_storage_maps.rb (id = prefix + source with / -> -, default options rw)
for n in $NODES; do run "PT cinder/volume_bundle.pp:119 cinder-volume-role" $PCS node attribute $n cinder-volume-role=true; done
CV=""
for v in /etc/hosts:/etc/hosts:ro /etc/localtime:/etc/localtime:ro /etc/pki/ca-trust/extracted:/etc/pki/ca-trust/extracted:ro \
  /etc/pki/ca-trust/source/anchors:/etc/pki/ca-trust/source/anchors:ro /etc/pki/tls/certs/ca-bundle.crt:/etc/pki/tls/certs/ca-bundle.crt:ro \
  /etc/pki/tls/certs/ca-bundle.trust.crt:/etc/pki/tls/certs/ca-bundle.trust.crt:ro /etc/pki/tls/cert.pem:/etc/pki/tls/cert.pem:ro /dev/log:/dev/log \
  /etc/puppet:/etc/puppet:ro /var/lib/config-data/puppet-generated/cinder:/var/lib/kolla/config_files/src:ro /var/log/containers/cinder:/var/log/cinder:z \
  /var/lib/kolla/config_files/cinder_volume.json:/var/lib/kolla/config_files/config.json:ro /etc/iscsi:/var/lib/kolla/config_files/src-iscsid:ro \
  /var/lib/tripleo-config/ceph:/var/lib/kolla/config_files/src-ceph:ro /lib/modules:/lib/modules:ro /dev/:/dev/ /run/:/run/ /sys:/sys \
  /var/lib/cinder:/var/lib/cinder:z /var/lib/iscsi:/var/lib/iscsi:z /etc/target:/etc/target:z; do
  IFS=: read -r s t o <<< "$v"; o=${o:-rw}
  CV+=" storage-map id=cinder-volume${s//\//-} source-dir=$s target-dir=$t options=$o"
done
CINDER_BUNDLE="resource bundle create openstack-cinder-volume container podman image=$REG/openstack-cinder-volume:pcmklatest replicas=1 options=\"--ipc=host --privileged=true --user=root $LOGDRV/openstack-cinder-volume.log -e KOLLA_CONFIG_STRATEGY=COPY_ALWAYS\" run-command=\"/bin/bash /usr/local/bin/kolla_start\" network=host$CV"
run "PT cinder/volume_bundle.pp:235-250 openstack-cinder-volume" sh -c "$PCS $CINDER_BUNDLE --disabled"
run "PT cinder/volume_bundle.pp:238-242 location rule" $PCS constraint location openstack-cinder-volume rule resource-discovery=exclusive score=0 cinder-volume-role eq true
run "PP pcmk_bundle/default.rb:119 enable" $PCS resource enable openstack-cinder-volume

# ===== step 5, fencing: PT manifests/fencing.pp:126-170 (each controller creates the device for its own MAC; pcmk_host_list=$(crm_node -n))
# PP manifests/stonith/fence_ipmilan.pp:213 builds the parameter string (empty chunks leave the extra spaces)
i=0
for n in $NODES; do
  i=$((i+1)); mac=52540000000$i
  run_agent "PT fencing.pp:137 -> PP stonith/fence_ipmilan.pp:213-227" sh -c "$PCS stonith create stonith-fence_ipmilan-$mac fence_ipmilan pcmk_host_list=$n  ipaddr=\"192.168.24.10$i\"  passwd=\"p455w0rd\"  lanplus=\"true\" login=\"admin\"          op monitor interval=60s "
  run "PT fencing.pp:162-168 level" $PCS stonith level add 1 $n stonith-fence_ipmilan-$mac
done
run "PT base/pacemaker.pp:223 'Enable STONITH' (PP manifests/stonith.pp)" $PCS property set stonith-enabled=true

echo "replayed $N commands, $FAIL refused" | tee -a "$LOG" >&2
