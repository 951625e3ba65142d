/**
 * The schema types these attributes as bare integers (add-host as a boolean), so it lets through
 * zero, negative counts and ports beyond 65535: Pacemaker clips bad counts without a word (only
 * -VV shows it) and hands ports and the netmask unchecked to docker/podman and IPaddr2, which then
 * fail. A value that is not an integer (or boolean) at all fails the schema, and crm_verify names
 * neither the attribute nor the bundle.
 */
declare const _default: import("../src/core/rule.js").Rule<"boolean" | "count" | "port" | "notInteger" | "netmask">;
export default _default;
