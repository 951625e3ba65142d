/**
 * host-netmask and host-interface configure the IPaddr2 resources Pacemaker creates from
 * ip-range-start, and add-host the /etc/hosts entries for those addresses. Without
 * ip-range-start there are no such addresses, and Pacemaker ignores the three without a word:
 * usually a sign that ip-range-start was forgotten or removed.
 */
declare const _default: import("../src/core/rule.js").Rule<"ignored">;
export default _default;
