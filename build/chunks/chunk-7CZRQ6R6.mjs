import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);
import {
  escapeAttributeValue
} from "./chunk-BCFIFQX6.mjs";

// src/cib/pcs-commands.ts
var EDIT_CIB_FILE = "Edit the CIB file (pcs cannot load a CIB that fails schema validation)";
var IN_CIB_FILE = " in the CIB file (pcs and cibadmin cannot load it until then)";
function setMetaCommand(owner, nvpair, value) {
  const name = nvpair.attr("name");
  const pair = name === void 0 ? `<name>=${shellWord(value)}` : shellWord(`${name}=${value}`);
  const set = nvpair.parent;
  if (set && set.parent === owner && set === owner.child("meta_attributes")) {
    if (owner.name === "bundle" && owner.id !== void 0) return `pcs resource bundle update ${shellWord(owner.id)} meta ${pair}`;
    if (owner.name === "rsc_defaults") return `pcs resource defaults update ${pair}`;
    if (["primitive", "group", "clone", "master"].includes(owner.name) && owner.id !== void 0) {
      return `pcs resource meta ${shellWord(owner.id)} ${pair}`;
    }
  }
  const id = nvpair.id ?? "";
  const command = value === "" ? `cibadmin --delete --xml-text ${xmlTextWord("nvpair", { id })}` : `cibadmin --modify --xml-text ${xmlTextWord("nvpair", { id, value })}`;
  return set?.parent === owner ? command : `${command} (the set "${set?.id ?? ""}" is shared through id-ref: this changes every resource using it)`;
}
function unsetMetaCommand(owner, nvpair) {
  return setMetaCommand(owner, nvpair, "");
}
function shellWord(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
function idWord(id, placeholder = "<id>") {
  return id === void 0 ? placeholder : shellWord(id);
}
function xpathLiteral(value) {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `concat(${value.split('"').map((part) => `"${part}"`).join(`, '"', `)})`;
}
function xmlText(name, attributes) {
  return `<${name}${Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeAttributeValue(value, '"')}"`).join("")}/>`;
}
function xmlTextWord(name, attributes) {
  return shellWord(xmlText(name, attributes));
}
function recreateMappingCommand(bundle, mapping, changes) {
  const id = idWord(mapping.id);
  const options = ["source-dir", "source-dir-root", "target-dir", "options"].flatMap((name) => {
    const value = changes[name] ?? (mapping.has(name) ? shellWord(mapping.attr(name)) : void 0);
    return value === void 0 ? [] : [`${name}=${value}`];
  });
  const update = `pcs resource bundle update ${shellWord(bundle)} storage-map`;
  return `${update} delete ${id} && ${update} add ${mapping.id === void 0 ? "id=<id>" : shellWord(`id=${mapping.id}`)} ${options.join(" ")}`;
}

export {
  EDIT_CIB_FILE,
  IN_CIB_FILE,
  setMetaCommand,
  unsetMetaCommand,
  shellWord,
  idWord,
  xpathLiteral,
  xmlText,
  xmlTextWord,
  recreateMappingCommand
};
