// Bundle-heavy CIBs shaped like a TripleO (OpenStack) deployment, for the benchmark and the
// robustness tests: 16 nodes, N bundles with 3 replicas each (ip-range-start, port and storage
// mappings, a primitive with operations), fencing, location constraints and a status section.

const SERVICES = ['haproxy', 'galera', 'rabbitmq', 'redis', 'ovn-dbs', 'cinder-volume', 'manila-share', 'openstack-cinder-backup'];

function escape(value) {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function bundle(index, nodes) {
  const service = SERVICES[index % SERVICES.length];
  const id = `${service}-${index}`;
  const b = `${id}-bundle`;
  const engine = index % 2 === 0 ? 'podman' : 'docker';
  const third = Math.floor(index / 80) % 250;
  const fourth = 1 + (index % 80) * 3;
  const port = 10000 + index;
  const ops = [
    ['start', '0s', '200s'],
    ['stop', '0s', '200s'],
    ['monitor', '30s', '60s'],
    ['promote', '0s', '300s'],
    ['demote', '0s', '120s'],
  ];
  return [
    `      <bundle id="${b}">`,
    `        <meta_attributes id="${b}-meta_attributes">`,
    `          <nvpair id="${b}-meta_attributes-target-role" name="target-role" value="Started"/>`,
    `        </meta_attributes>`,
    `        <${engine} image="cluster.common.tag/openstack-${service}:pcmklatest" replicas="3" options="--user=root --log-driver=k8s-file --log-opt path=/var/log/containers/stdouts/${b}.log -e KOLLA_CONFIG_STRATEGY=COPY_ALWAYS" run-command="/bin/bash /usr/local/bin/kolla_start"/>`,
    `        <network ip-range-start="172.${16 + (third >> 4)}.${third & 15}.${fourth}" host-interface="eth0" host-netmask="16" control-port="${3121 + (index % 5)}">`,
    `          <port-mapping id="${b}-port-map-${port}" port="${port}"/>`,
    `          <port-mapping id="${b}-port-map-range" range="${20000 + index * 10}-${20000 + index * 10 + 9}"/>`,
    `        </network>`,
    `        <storage>`,
    `          <storage-mapping id="${b}-cfg-files" source-dir="/var/lib/kolla/config_files/${service}.json" target-dir="/var/lib/kolla/config_files/config.json" options="ro"/>`,
    `          <storage-mapping id="${b}-cfg-data" source-dir="/var/lib/config-data/puppet-generated/${service}" target-dir="/var/lib/kolla/config_files/src" options="ro"/>`,
    `          <storage-mapping id="${b}-hosts" source-dir="/etc/hosts" target-dir="/etc/hosts" options="ro"/>`,
    `          <storage-mapping id="${b}-localtime" source-dir="/etc/localtime" target-dir="/etc/localtime" options="ro"/>`,
    `          <storage-mapping id="${b}-lib" source-dir-root="/var/lib/${service}" target-dir="/var/lib/${service}" options="rw,z"/>`,
    `          <storage-mapping id="${b}-log" source-dir="/var/log/containers/${service}" target-dir="/var/log/${service}" options="rw,z"/>`,
    `          <storage-mapping id="${b}-pki" source-dir="/etc/pki/ca-trust/extracted" target-dir="/etc/pki/ca-trust/extracted" options="ro"/>`,
    `        </storage>`,
    `        <primitive id="${id}" class="ocf" provider="heartbeat" type="Dummy">`,
    `          <instance_attributes id="${id}-instance_attributes">`,
    `            <nvpair id="${id}-instance_attributes-fake" name="fake" value="${escape(`${service} & co`)}"/>`,
    `          </instance_attributes>`,
    `          <meta_attributes id="${id}-meta_attributes">`,
    `            <nvpair id="${id}-meta_attributes-container-attribute-target" name="container-attribute-target" value="host"/>`,
    `          </meta_attributes>`,
    `          <operations>`,
    ...ops.map(([name, interval, timeout]) => `            <op id="${id}-${name}-interval-${interval}" name="${name}" interval="${interval}" timeout="${timeout}"/>`),
    `          </operations>`,
    `        </primitive>`,
    `      </bundle>`,
  ].join('\n');
}

function location(index, nodes) {
  const service = SERVICES[index % SERVICES.length];
  const b = `${service}-${index}-bundle`;
  return [
    `      <rsc_location id="location-${b}" rsc="${b}">`,
    `        <rule id="location-${b}-rule" score="0">`,
    `          <expression id="location-${b}-rule-expr" attribute="${service}-role" operation="eq" value="true"/>`,
    `        </rule>`,
    `      </rsc_location>`,
    `      <rsc_location id="location-${b}-avoid" rsc="${b}" node="${nodes[index % nodes.length]}" score="-100"/>`,
  ].join('\n');
}

function lrmResource(id, type, klass, provider, node, callId) {
  const providerAttr = provider ? ` provider="${provider}"` : '';
  return [
    `          <lrm_resource id="${id}" type="${type}" class="${klass}"${providerAttr}>`,
    `            <lrm_rsc_op id="${id}_last_0" operation_key="${id}_start_0" operation="start" crm-debug-origin="do_update_resource" crm_feature_set="3.16.2" transition-key="1:${callId}:0:6b1c8e0a-0000-4000-8000-000000000000" transition-magic="0:0;1:${callId}:0:6b1c8e0a-0000-4000-8000-000000000000" exit-reason="" on_node="${node}" call-id="${callId}" rc-code="0" op-status="0" interval="0" last-rc-change="1700000000" exec-time="1000" queue-time="0" op-digest="f2317cad3d54cec5d7d7aa7d0bf35cf8"/>`,
    `            <lrm_rsc_op id="${id}_monitor_30000" operation_key="${id}_monitor_30000" operation="monitor" crm-debug-origin="do_update_resource" crm_feature_set="3.16.2" transition-key="2:${callId}:0:6b1c8e0a-0000-4000-8000-000000000000" transition-magic="0:0;2:${callId}:0:6b1c8e0a-0000-4000-8000-000000000000" exit-reason="" on_node="${node}" call-id="${callId + 1}" rc-code="0" op-status="0" interval="30000" last-rc-change="1700000000" exec-time="50" queue-time="0" op-digest="4811cef7f7f94e3a35a70be7916cb2fd"/>`,
    `          </lrm_resource>`,
  ].join('\n');
}

/**
 * A CIB with `bundles` bundles. With `status` (the default), each node's state lists the
 * container and connection resources of the replicas placed on it.
 */
export function generateCib(bundles, { status = true, nodeCount = 16 } = {}) {
  const nodes = Array.from({ length: nodeCount }, (_, i) => `controller-${i}`);
  const parts = [];
  parts.push(
    `<cib crm_feature_set="3.16.2" validate-with="pacemaker-3.9" epoch="${100 + bundles}" num_updates="0" admin_epoch="0" cib-last-written="Mon Jan  1 00:00:00 2024" update-origin="controller-0" update-client="cibadmin" have-quorum="1" dc-uuid="1">`,
    `  <configuration>`,
    `    <crm_config>`,
    `      <cluster_property_set id="cib-bootstrap-options">`,
    `        <nvpair id="cib-bootstrap-options-have-watchdog" name="have-watchdog" value="false"/>`,
    `        <nvpair id="cib-bootstrap-options-cluster-infrastructure" name="cluster-infrastructure" value="corosync"/>`,
    `        <nvpair id="cib-bootstrap-options-cluster-name" name="cluster-name" value="tripleo_cluster"/>`,
    `        <nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="true"/>`,
    `      </cluster_property_set>`,
    `    </crm_config>`,
    `    <nodes>`,
  );
  nodes.forEach((name, i) => {
    parts.push(
      `      <node id="${i + 1}" uname="${name}">`,
      `        <instance_attributes id="nodes-${i + 1}">`,
      ...SERVICES.map((service) => `          <nvpair id="nodes-${i + 1}-${service}-role" name="${service}-role" value="true"/>`),
      `        </instance_attributes>`,
      `      </node>`,
    );
  });
  parts.push(`    </nodes>`, `    <resources>`);
  nodes.forEach((name, i) => {
    parts.push(
      `      <primitive id="stonith-fence_ipmilan-${i}" class="stonith" type="fence_ipmilan">`,
      `        <instance_attributes id="stonith-fence_ipmilan-${i}-instance_attributes">`,
      `          <nvpair id="stonith-fence_ipmilan-${i}-instance_attributes-pcmk_host_list" name="pcmk_host_list" value="${name}"/>`,
      `          <nvpair id="stonith-fence_ipmilan-${i}-instance_attributes-ip" name="ip" value="10.0.0.${i + 1}"/>`,
      `        </instance_attributes>`,
      `        <operations>`,
      `          <op id="stonith-fence_ipmilan-${i}-monitor-interval-60s" name="monitor" interval="60s"/>`,
      `        </operations>`,
      `      </primitive>`,
    );
  });
  for (let i = 0; i < bundles; i++) parts.push(bundle(i, nodes));
  parts.push(`    </resources>`, `    <constraints>`);
  nodes.forEach((name, i) => {
    parts.push(`      <rsc_location id="location-stonith-fence_ipmilan-${i}" rsc="stonith-fence_ipmilan-${i}" node="${name}" score="-INFINITY"/>`);
  });
  for (let i = 0; i < bundles; i++) parts.push(location(i, nodes));
  parts.push(`    </constraints>`);
  parts.push(
    `    <rsc_defaults>`,
    `      <meta_attributes id="rsc-options">`,
    `        <nvpair id="rsc-options-resource-stickiness" name="resource-stickiness" value="INFINITY"/>`,
    `      </meta_attributes>`,
    `    </rsc_defaults>`,
    `  </configuration>`,
  );
  if (status) {
    parts.push(`  <status>`);
    nodes.forEach((name, n) => {
      parts.push(
        `    <node_state id="${n + 1}" uname="${name}" in_ccm="true" crmd="online" crm-debug-origin="do_update_resource" join="member" expected="member">`,
        `      <lrm id="${n + 1}">`,
        `        <lrm_resources>`,
      );
      let call = 10;
      for (let b = 0; b < bundles; b++) {
        const service = SERVICES[b % SERVICES.length];
        const bundleId = `${service}-${b}-bundle`;
        const engine = b % 2 === 0 ? 'podman' : 'docker';
        for (let replica = 0; replica < 3; replica++) {
          if ((b + replica) % nodes.length !== n) continue;
          parts.push(lrmResource(`${bundleId}-${engine}-${replica}`, engine, 'ocf', 'heartbeat', name, call));
          parts.push(lrmResource(`${bundleId}-${replica}`, 'remote', 'ocf', 'pacemaker', name, call + 2));
          call += 4;
        }
      }
      parts.push(
        `        </lrm_resources>`,
        `      </lrm>`,
        `      <transient_attributes id="${n + 1}">`,
        `        <instance_attributes id="status-${n + 1}">`,
        `          <nvpair id="status-${n + 1}-master-galera" name="master-galera" value="100"/>`,
        `        </instance_attributes>`,
        `      </transient_attributes>`,
        `    </node_state>`,
      );
    });
    parts.push(`  </status>`);
  } else {
    parts.push(`  <status/>`);
  }
  parts.push(`</cib>`, ``);
  return parts.join('\n');
}

/** The number of bundles that makes a CIB of about `megabytes` MB. */
export function bundlesForSize(megabytes) {
  const perBundle = (generateCib(200).length - generateCib(100).length) / 100;
  const base = generateCib(0).length;
  return Math.max(1, Math.round((megabytes * 1024 * 1024 - base) / perBundle));
}
