/**
 * What libxml2's RelaxNG errors on a CIB mean, said at the element or attribute that has the
 * problem. libxml2 reports one mistake as a cascade (the element at fault, then "failed to
 * validate content" on each ancestor), gives up on a whole section at the first child it cannot
 * match ("Element constraints has extra content: rsc_colocation" names that child even when it is
 * valid and the fault is a later sibling or a duplicate id), and for an element it rejects names
 * the first thing the schema expected ("Expecting an element meta_attributes" for a clone without
 * a resource, or for an op with an invalid role). So each error is checked against the element
 * validated on its own: an element valid alone is not blamed for a sibling's fault, and one that
 * is valid without one of its attributes is reported at that attribute.
 */
import type { SchemaError, XmlAttribute, XmlElement } from '../document/document.js';
import { nodeAtPath } from '../document/xml/node-path.js';
import type { Cib } from './model.js';

export interface SchemaProblem {
  /** Where the problem is; undefined when libxml2 named no node the element tree has (then `line`). */
  node: XmlElement | XmlAttribute | undefined;
  line: number;
  /** The problem in terms of the CIB, libxml2's own message in parentheses. */
  reason: string;
  related?: { target: XmlElement | XmlAttribute; message: string }[];
}

/**
 * Validates an element's subtree on its own (see CibDocument.isolatedSchemaErrors): the paths of
 * the errors inside it are the original document's; undefined when it cannot stand alone.
 */
export type Isolate = (element: XmlElement, without?: XmlAttribute) => SchemaError[] | undefined;

/** The line an element starts on, for messages that point at another element. */
export type LineOf = (element: XmlElement) => number;

/** Elements that are valid directly in `<resources>` wherever they are nested. */
const RESOURCES = new Set(['primitive', 'group', 'clone', 'master', 'bundle', 'template']);
const CONTAINERS = ['docker', 'podman', 'rkt'];
const NVSETS = new Set(['meta_attributes', 'instance_attributes', 'utilization', 'cluster_property_set']);
/** An XML ID: a name without a colon (the NCName production, its common characters). */
const NCNAME = /^[\p{L}_][\p{L}\p{N}_.\u00B7\u0300-\u036F\u203F\u2040-]*$/u;

/** Elements whose id every schema requires (those that may refer to another with id-ref aside). */
const IDENTIFIED = new Set(['group', 'clone', 'master', 'bundle', 'rsc_location', 'rsc_colocation', 'rsc_order', 'rsc_ticket', 'resource_set', 'resource_ref', 'tag', 'obj_ref', 'alert']);

/** How many elements' attributes are tried one by one where libxml2 names no node. */
const MAX_PROBED_ELEMENTS = 20;

/** A bound on nested reports of isolated parts, which shrink at each level anyway. */
const MAX_DEPTH = 8;

/** Errors an element gets when something below it failed. */
const FOLLOWS_BELOW = new Set<Kind>(['cascade', 'interleave', 'expecting']);

/**
 * A budget of isolated validations per file: each is quick (one small CIB), but a file with
 * hundreds of invalid elements would otherwise validate once per attribute of each.
 */
const MAX_ISOLATIONS = 200;

type Kind =
  | 'duplicate-id'
  | 'attribute'
  | 'value'
  | 'attributes'
  | 'unexpected'
  | 'expected-other'
  | 'expecting'
  | 'other'
  | 'cascade'
  | 'interleave'
  | 'misfit'
  | 'extra';

/**
 * From the most to the least specific: the message an element is reported with. A child its
 * parent rejects ("misfit") is at fault only when nothing of its own failed.
 */
const SPECIFICITY: Kind[] = ['duplicate-id', 'attribute', 'value', 'attributes', 'unexpected', 'expected-other', 'expecting', 'other', 'cascade', 'interleave', 'misfit', 'extra'];

interface Classified {
  error: SchemaError;
  kind: Kind;
  /** The element the problem is about. */
  element: XmlElement | undefined;
  /** The element libxml2's path names, when that is not `element`. */
  pointedAt?: XmlElement;
  /** The attribute the message names (Invalid attribute, ID redefined) or whose value it quotes. */
  attributeName?: string;
  /** `Expecting an element X`, `Expecting element X, got Y`, `Extra element X`: X. */
  expected?: string;
  got?: string;
  /** The value a `Type ... doesn't allow value` message quotes. */
  value?: string;
  /** The element name a message without a node speaks of: a hint where to look. */
  named?: string;
  /** For `misfit` and `extra`: the element libxml2 says rejected this one. */
  container?: string;
}

function classify(error: SchemaError, root: XmlElement): Classified {
  const node = error.path === undefined ? undefined : nodeAtPath(root, error.path);
  const element = node && 'owner' in node ? node.owner : node;
  const message = error.message;
  let match: RegExpExecArray | null;
  if ((match = /^ID (\S+) redefined/.exec(message))) return { error, element, kind: 'duplicate-id', attributeName: 'id', value: match[1] };
  if ((match = /^Invalid attribute (\S+) for element (\S+)/.exec(message))) return { error, element, kind: 'attribute', attributeName: match[1] };
  if ((match = /^Type \S+ doesn't allow value '(.*)'$/.exec(message))) return { error, element, kind: 'value', value: match[1] };
  if ((match = /^Element (\S+) failed to validate attributes/.exec(message))) {
    // libxml2 names the element whose attributes failed but points at its first child, if any.
    if (element && element.name !== match[1] && element.parent?.name === match[1]) return { error, element: element.parent, pointedAt: element, kind: 'attributes' };
    return { error, element, kind: 'attributes', named: match[1] };
  }
  if ((match = /^Did not expect element (\S+) there/.exec(message))) return { error, element, kind: 'unexpected' };
  if ((match = /^Expecting element (\S+), got (\S+)/.exec(message))) return { error, element, kind: 'expected-other', expected: match[1], got: match[2] };
  if ((match = /^Expecting an element (\S+), got nothing/.exec(message))) return { error, element, kind: 'expecting', expected: match[1] };
  if ((match = /^Element (\S+) has extra content: (\S+)/.exec(message))) return { error, element, kind: 'extra', container: match[1] };
  if ((match = /^Element (\S+) failed to validate content/.exec(message))) {
    // Said at a child, it means the parent does not accept that child; at the element itself, that
    // something inside it failed.
    return element && element.name !== match[1] ? { error, element, kind: 'misfit', container: match[1] } : { error, element, kind: 'cascade', named: match[1] };
  }
  // The parent's interleave stopped here, or (with "Element X failed to validate content") X's own.
  if ((match = /^Extra element (\S+) in interleave/.exec(message))) return { error, element, kind: 'interleave', named: match[1] };
  if (/^Invalid sequence in interleave/.test(message)) return { error, element, kind: 'interleave' };
  return { error, element, kind: 'other' };
}

/** Whether the error names the element or a node inside it. */
function isInside(error: SchemaError, element: XmlElement, root: XmlElement): boolean {
  const node = error.path === undefined ? undefined : nodeAtPath(root, error.path);
  const at = node && 'owner' in node ? node.owner : node;
  return at !== undefined && contains(element, at);
}

function contains(ancestor: XmlElement, element: XmlElement): boolean {
  return element.index >= ancestor.index && element.index <= ancestor.lastDescendantIndex;
}

/** The child of `<configuration>` an element is in (the section itself for a section). */
function isSectionChild(element: XmlElement): boolean {
  const section = element.parent;
  return section?.parent?.name === 'configuration' && section.parent.parent?.name === 'cib' && section.parent.parent.parent === undefined;
}

/** Whether the element is valid or not by itself, directly in its configuration section. */
function standsAlone(element: XmlElement): boolean {
  if (isSectionChild(element)) return true;
  return RESOURCES.has(element.name) && element.ancestor('resources') !== undefined;
}

/** The smallest part of the configuration around the element that can be validated alone. */
function unitOf(element: XmlElement): XmlElement | undefined {
  for (let node: XmlElement | undefined = element; node; node = node.parent) if (standsAlone(node)) return node;
  return undefined;
}

/** An id attribute that repeats the id of `first`. */
interface Duplicate {
  attribute: XmlAttribute;
  first: XmlElement;
}

class Analysis {
  readonly problems: SchemaProblem[] = [];
  readonly #seen = new Set<string>();
  readonly #isolated = new Map<string, SchemaError[] | undefined>();
  #budget = MAX_ISOLATIONS;
  /** How deep reports of isolated elements are nested (each reports a smaller part). */
  #depth = 0;

  constructor(
    private readonly cib: Cib,
    private readonly isolate: Isolate,
    private readonly lineOf: LineOf,
  ) {}

  /** Validation of the element alone (cached), or undefined when it cannot be done. */
  isolated(element: XmlElement, without?: XmlAttribute): SchemaError[] | undefined {
    const key = `${element.index} ${without ? `${without.owner.index}@${without.name}` : ''}`;
    if (this.#isolated.has(key)) return this.#isolated.get(key);
    if (this.#budget <= 0) return undefined;
    this.#budget--;
    const errors = this.isolate(element, without);
    this.#isolated.set(key, errors);
    return errors;
  }

  addDuplicate({ attribute, first }: Duplicate, entry: Classified): void {
    const reason = `${attribute.owner.describe()} reuses the id of the <${first.name}> on line ${this.lineOf(first)}: ids must be unique`;
    this.add(attribute, entry.error.line, explained(reason, entry), [{ target: first.attribute('id') ?? first, message: `${first.describe()} has this id first` }]);
  }

  add(node: XmlElement | XmlAttribute | undefined, line: number, reason: string, related?: SchemaProblem['related']): void {
    const where = node === undefined ? `line ${line}` : 'owner' in node ? `${node.owner.index}@${node.name}` : `${node.index}`;
    const key = `${where} ${reason}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.problems.push(related ? { node, line, reason, related } : { node, line, reason });
  }

  /**
   * Reports the errors of one validation: of the whole CIB, or (`isolatedRoot`) of that element
   * alone, where it has no siblings.
   */
  report(errors: SchemaError[], isolatedRoot?: XmlElement): void {
    if (this.#depth > MAX_DEPTH) {
      // Each level reports a smaller part; past the bound, libxml2's first error as it is.
      const [first] = errors;
      if (first && isolatedRoot) this.add(isolatedRoot, 0, explained(genericReason(isolatedRoot), classify(first, this.cib.root)));
      return;
    }
    this.#depth++;
    try {
      this.reportErrors(errors, isolatedRoot);
    } finally {
      this.#depth--;
    }
  }

  private reportErrors(errors: SchemaError[], isolatedRoot: XmlElement | undefined): void {
    const classified = errors.map((error) => classify(error, this.cib.root));
    const located = classified.filter((entry) => entry.element !== undefined);
    if (located.length === 0) {
      if (isolatedRoot) {
        // Alone, the element is invalid, and libxml2 names no node inside it.
        const hints = classified.filter((entry) => entry.named !== undefined);
        const best = [...classified].sort((a, b) => SPECIFICITY.indexOf(a.kind) - SPECIFICITY.indexOf(b.kind))[0]!;
        if (this.followHints([isolatedRoot], false, hints)) return;
        const duplicate = this.duplicateIn(isolatedRoot, isolatedRoot);
        const lacking = [isolatedRoot, ...isolatedRoot.descendants()].find((element) => missingAttributes(element).length > 0);
        if (duplicate) this.addDuplicate(duplicate, best);
        else if (lacking) this.add(lacking, 0, explained(elementReason(lacking, best)!, best));
        else if (!this.probeAttributes(isolatedRoot, [isolatedRoot], (without) => without.length === 0, best)) {
          this.add(isolatedRoot, 0, explained(elementReason(isolatedRoot, best) ?? genericReason(isolatedRoot), best));
        }
        return;
      }
      // Nothing names a node: libxml2's messages as they are, at their lines.
      for (const entry of classified) this.add(undefined, entry.error.line, entry.error.message);
      return;
    }
    // libxml2 says an element's attributes failed at its first child; so does "Invalid sequence
    // in interleave" that comes with it (a <cib> without epoch): both belong to the parent.
    for (const entry of located) {
      if (entry.kind !== 'attributes' || entry.pointedAt === entry.element) continue;
      for (const other of located) if (other.kind === 'interleave' && other.element === entry.pointedAt) other.element = entry.element;
    }
    const byElement = new Map<XmlElement, Classified[]>();
    for (const entry of located) {
      const list = byElement.get(entry.element!) ?? [];
      list.push(entry);
      byElement.set(entry.element!, list);
    }
    // Messages without a node that name an element: where to look when the located ones only
    // say that something inside failed.
    const hints = classified.filter((entry) => entry.element === undefined && entry.named !== undefined);
    const failing = [...byElement.keys()];
    const hasFailureBelow = (element: XmlElement) => failing.some((other) => other !== element && contains(element, other));
    for (const [element, entries] of [...byElement].sort(([a], [b]) => a.index - b.index)) {
      const stopped = entries.find((entry) => entry.kind === 'extra' || entry.kind === 'misfit');
      let own = entries.filter((entry) => entry.kind !== 'extra' && entry.kind !== 'misfit' && entry.kind !== 'interleave');
      // Where the parent stopped at this element, "Invalid sequence in interleave" is the parent's.
      if (own.length > 0 || !stopped) own = entries.filter((entry) => entry.kind !== 'extra' && entry.kind !== 'misfit');
      // The ancestors' "failed to validate content", and the next thing they expected, only
      // repeat what is below them.
      const specific = own.filter((entry) => !FOLLOWS_BELOW.has(entry.kind) || !hasFailureBelow(element));
      if (specific.length > 0) this.reportElement(element, specific, hints, isolatedRoot);
      else if (stopped && own.length === 0 && !hasFailureBelow(element)) {
        this.reportStop(element, stopped, isolatedRoot, hints, (other) => byElement.has(other) || hasFailureBelow(other));
      }
    }
  }

  /**
   * libxml2 stopped matching the parent's content at `element` ("Element constraints has extra
   * content: rsc_colocation", or "Element clone failed to validate content" said at a child): the
   * fault is there, at a later sibling, or in the parent. Reported at the first sibling from there
   * on that is invalid, in this validation or on its own.
   */
  reportStop(element: XmlElement, stopped: Classified, isolatedRoot: XmlElement | undefined, hints: Classified[], fails: (element: XmlElement) => boolean): void {
    const parent = element.parent;
    if (!parent || element === isolatedRoot) {
      // Alone in its section and still rejected: what it lacks, if that is known.
      const reason = elementReason(element, stopped) ?? `<${stopped.container}> does not allow ${element.describe()} here`;
      this.add(element, stopped.error.line, explained(reason, stopped));
      return;
    }
    const siblings = parent.children.slice(parent.children.indexOf(element));
    for (const sibling of siblings) {
      // Its own errors, reported where they are, say what is wrong.
      if (sibling !== element && fails(sibling)) return;
      if (!standsAlone(sibling)) continue;
      const alone = this.isolated(sibling);
      if (alone !== undefined && alone.length > 0) {
        this.report(alone, sibling);
        return;
      }
    }
    if (this.followHints(siblings, true, hints)) return;
    for (const sibling of siblings) {
      const duplicate = this.duplicateIn(sibling, sibling);
      if (duplicate) {
        this.addDuplicate(duplicate, stopped);
        return;
      }
    }
    // The parent's own attributes are checked at its first child: an <instance_attributes>
    // without an id is rejected at its first <nvpair>.
    if (this.reportLacking([parent, ...siblings.flatMap((sibling) => [sibling, ...sibling.descendants()])], stopped)) return;
    const unit = unitOf(element);
    if (unit && unit !== element && this.isolated(unit)?.length) {
      for (const sibling of siblings) if (this.probeAttributes(unit, [sibling], (without) => this.passes(sibling, without), stopped)) return;
    }
    // Valid on its own, so its place is wrong; otherwise it may also be what is inside it.
    const valid = standsAlone(element) && this.isolated(element)?.length === 0;
    this.add(element, stopped.error.line, explained(misfitReason(element, valid), stopped));
  }

  /** Reports the first of the elements that lacks an attribute every schema requires. */
  reportLacking(elements: XmlElement[], entry: Classified): boolean {
    const lacking = elements.find((element) => missingAttributes(element).length > 0);
    if (lacking) this.add(lacking, entry.error.line, explained(elementReason(lacking, entry)!, entry));
    return lacking !== undefined;
  }

  /**
   * Validates the (invalid) unit without each attribute of the subtrees in turn, the roots' own
   * first: a bad value deep inside a <resource_set> makes libxml2 reject the whole set. Reported
   * at the first attribute without which `passes`; false when there is none.
   */
  probeAttributes(unit: XmlElement, roots: XmlElement[], passes: (errors: SchemaError[]) => boolean, entry: Classified, descend = true): boolean {
    for (const root of roots) {
      for (const candidate of (descend ? [root, ...root.descendants()] : [root]).slice(0, MAX_PROBED_ELEMENTS)) {
        for (const attribute of candidate.attributes) {
          const without = this.isolated(unit, attribute);
          if (without === undefined) return false;
          if (passes(without)) {
            this.add(attribute, entry.error.line, explained(`${candidate.describe()} does not allow ${attribute.name}="${attribute.value}"`, entry));
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Reports the element a message without a node names ("Element op failed to validate
   * attributes", "Extra element rsc_defaults in interleave") inside the given subtrees: the first
   * such element (or a part of it that stands alone) invalid on its own, one with a repeated id,
   * one that lacks a required attribute, or the only such element there is. False when none is
   * found.
   */
  followHints(roots: XmlElement[], includeRoots: boolean, hints: Classified[]): boolean {
    if (hints.length === 0 || this.#depth > MAX_DEPTH) return false;
    for (const hint of hints) {
      const candidates = roots.flatMap((root) => [...(includeRoots ? [root] : []), ...root.descendants()]).filter((element) => element.name === hint.named);
      for (const candidate of candidates) {
        const units = standsAlone(candidate) ? [candidate] : candidate.children.filter(standsAlone);
        for (const unit of units) {
          const alone = this.isolated(unit);
          if (alone !== undefined && alone.length > 0) {
            this.report(alone, unit);
            return true;
          }
        }
        const duplicate = this.duplicateIn(candidate, candidate);
        if (duplicate) {
          this.addDuplicate(duplicate, hint);
          return true;
        }
        const badId = candidate.attribute('id');
        if (badId && this.isInvalidId(badId)) {
          this.addInvalidId(badId, hint);
          return true;
        }
        const unit = units.length === 0 ? unitOf(candidate) : undefined;
        if (unit && unit !== candidate && this.isolated(unit)?.length) {
          if (this.probeAttributes(unit, [candidate], (without) => this.passes(candidate, without), hint)) return true;
        }
      }
      const lacking = candidates.find((candidate) => missingAttributes(candidate).length > 0);
      // One valid on its own is not it ("Extra element group in interleave" of a clone's second resource).
      const suspects = candidates.filter((candidate) => !(standsAlone(candidate) && this.isolated(candidate)?.length === 0));
      const only = suspects.length === 1 ? suspects[0] : undefined;
      const target = lacking ?? only;
      if (target) {
        this.add(target, hint.error.line || this.lineOf(target), explained(elementReason(target, hint) ?? genericReason(target), hint));
        return true;
      }
    }
    return false;
  }

  reportElement(element: XmlElement, entries: Classified[], hints: Classified[], isolatedRoot: XmlElement | undefined): void {
    const best = [...entries].sort((a, b) => SPECIFICITY.indexOf(a.kind) - SPECIFICITY.indexOf(b.kind))[0]!;
    const line = best.error.line;
    // Attributes libxml2 names are reported as they are, each one.
    let named = false;
    for (const entry of entries) {
      if (entry.kind !== 'attribute' && entry.kind !== 'duplicate-id') continue;
      const attribute = element.attribute(entry.attributeName!);
      if (!attribute) continue;
      named = true;
      const duplicate = this.duplicateOf(attribute);
      if (duplicate) this.addDuplicate(duplicate, entry);
      else this.add(attribute, entry.error.line, explained(`${element.describe()} does not allow ${attribute.name}="${attribute.value}"`, entry));
    }
    if (named) return;
    const badId = this.invalidIdAround(element);
    if (badId) {
      this.addInvalidId(badId, best);
      return;
    }
    const badValue = invalidValue(element);
    if (badValue) {
      this.add(badValue, line, explained(`${element.describe()} does not allow ${badValue.name}="${badValue.value}"`, best));
      return;
    }
    // libxml2 faults the first child of an element that lacks a required attribute (a <node>
    // without uname: "Expecting an element nvpair" on its instance_attributes).
    const enclosing: XmlElement[] = [];
    for (let outer = element.parent; outer && outer.parent?.parent?.name !== 'cib'; outer = outer.parent) enclosing.push(outer);
    if (missingAttributes(element).length === 0 && this.reportLacking(enclosing, best)) return;
    const unit = unitOf(element);
    const alone = unit ? this.isolated(unit) : undefined;
    if (alone !== undefined && alone.length === 0) {
      // Valid on its own: what fails is how it fits into this CIB, a repeated id, or an
      // enclosing element that libxml2 reports at its first child (a clone without an id).
      const duplicate = this.duplicateIn(element, unit!);
      if (duplicate) {
        this.addDuplicate(duplicate, best);
        return;
      }
      // Within an element validated alone, that element is as far as the fault can be.
      for (let outer = unit!.parent; outer && outer !== isolatedRoot && (!isolatedRoot || contains(isolatedRoot, outer)); outer = outer.parent) {
        if (!standsAlone(outer)) continue;
        const outerAlone = this.isolated(outer);
        if (outerAlone !== undefined && outerAlone.length > 0) {
          this.report(outerAlone, outer);
          return;
        }
      }
    }
    if (best.kind === 'value') {
      const quoted = element.attributes.filter((attribute) => attribute.value === best.value);
      if (quoted.length === 1) {
        this.add(quoted[0]!, line, explained(`${element.describe()} does not allow ${quoted[0]!.name}="${best.value}"`, best));
        return;
      }
    }
    const reason = elementReason(element, best);
    // Valid without one attribute (its own, or one inside it where libxml2 names no node): that
    // attribute, or its value, is what the schema rejects.
    if (unit && alone?.some((error) => isInside(error, element, this.cib.root))) {
      const passes = (without: SchemaError[]) => this.passes(element, without);
      if (this.probeAttributes(unit, [element], passes, best)) return;
      // A bad value on an enclosing element makes libxml2 fault something inside it.
      if (this.probeAttributes(unit, enclosing.filter((outer) => contains(unit, outer)), passes, best, false)) return;
    }
    if (reason === undefined && this.followHints([element], false, hints)) return;
    this.add(element, line, explained(reason ?? genericReason(element), best));
  }

  /**
   * Whether a validation of the element's unit finds nothing wrong with the element. Errors at a
   * later element (a second invalid op) do not count against it: libxml2 reaches them only once
   * the element passed. An error without a node does, unless it is a cascade ("Extra element
   * operations in interleave"): "Element op failed to validate attributes" may be about it.
   */
  passes(element: XmlElement, errors: SchemaError[]): boolean {
    if (errors.length === 0) return true;
    let laterFault = false;
    for (const entry of errors.map((error) => classify(error, this.cib.root))) {
      const cascade = entry.kind === 'cascade' || entry.kind === 'interleave' || entry.kind === 'misfit' || entry.kind === 'extra';
      if (entry.element === undefined) {
        if (!cascade) return false;
      } else if (contains(element, entry.element)) {
        return false;
      } else if (!cascade && entry.element.index > element.lastDescendantIndex) {
        laterFault = true;
      }
    }
    return laterFault;
  }

  /**
   * When the attribute is an id that another element has too: the later of the two (where
   * unique-ids reports it; libxml2 may flag either, in the order its interleaves visit them) and
   * the first element with the id.
   */
  duplicateOf(attribute: XmlAttribute): Duplicate | undefined {
    if (attribute.name !== 'id') return undefined;
    const same = this.cib.elementsById.get(attribute.value);
    if (!same || same.length < 2 || !same.includes(attribute.owner)) return undefined;
    const first = same[0]!;
    const later = first === attribute.owner ? same[1]!.attribute('id') : attribute;
    return later ? { attribute: later, first } : undefined;
  }

  /**
   * An id on the element or an element enclosing it in its section that is not an XML NCName
   * (`id="1"`): libxml2 then faults whatever it tried next, often a child.
   */
  invalidIdAround(element: XmlElement): XmlAttribute | undefined {
    for (let node: XmlElement | undefined = element; node && node.parent?.parent?.name !== 'cib'; node = node.parent) {
      const id = node.attribute('id');
      if (id && this.isInvalidId(id)) return id;
    }
    return undefined;
  }

  isInvalidId(id: XmlAttribute): boolean {
    return !NCNAME.test(id.value) && this.cib.elementsById.get(id.value)?.includes(id.owner) === true;
  }

  addInvalidId(id: XmlAttribute, entry: Classified): void {
    const reason = `${id.owner.describe()} has an id that is not a valid XML ID: it must start with a letter or "_" and hold only letters, digits, ".", "-" and "_"`;
    this.add(id, entry.error.line, explained(reason, entry));
  }

  /**
   * A repeated id on the element, on an element enclosing it in its configuration section (a
   * clone's id makes libxml2 fault something deep inside it), or anywhere in `unit`.
   */
  duplicateIn(element: XmlElement, unit: XmlElement): Duplicate | undefined {
    const candidates: XmlElement[] = [];
    for (let node: XmlElement | undefined = element; node && node.parent?.parent?.name !== 'cib'; node = node.parent) candidates.push(node);
    candidates.push(unit, ...unit.descendants());
    for (const candidate of candidates) {
      const attribute = candidate.attribute('id');
      const duplicate = attribute && this.duplicateOf(attribute);
      if (duplicate) return duplicate;
    }
    return undefined;
  }
}

function explained(reason: string, entry: Classified): string {
  return `${reason} (libxml2: ${entry.error.message})`;
}


/** A valid element its parent does not accept (libxml2: "Element clone failed to validate content" at it). */
function misfitReason(element: XmlElement, valid = true): string {
  const parent = element.parent;
  if (!parent) return `${element.describe()} is not allowed here`;
  if (parent.name === 'clone' || parent.name === 'master') {
    const resources = parent.childrenNamed('primitive', 'group');
    if (resources.length > 1 && resources.indexOf(element) > 0) {
      return `${parent.describe()} holds more than one resource: ${element.describe()} is one too many, a ${parent.name} holds exactly one primitive or group`;
    }
  }
  if (!valid) return `${parent.describe()} does not accept ${element.describe()} here: it, or something inside it, does not match the schema`;
  return `${parent.describe()} does not allow ${element.describe()} here`;
}

/** The resource classes every schema lists (element-resource-class). */
const RESOURCE_CLASSES = new Set(['heartbeat', 'lsb', 'nagios', 'ocf', 'service', 'stonith', 'systemd', 'upstart']);

/**
 * An attribute whose value no schema accepts, where libxml2 says only that the element failed (a
 * required attribute cannot be tried by leaving it out).
 */
function invalidValue(element: XmlElement): XmlAttribute | undefined {
  const resourceClass = element.name === 'primitive' || element.name === 'template' ? element.attribute('class') : undefined;
  return resourceClass && !RESOURCE_CLASSES.has(resourceClass.value) ? resourceClass : undefined;
}

/**
 * Attributes every schema requires of the element, where libxml2 says only that the attributes
 * (or the content, for a primitive's interleave) failed.
 */
function missingAttributes(element: XmlElement): string[] {
  let required: string[] = IDENTIFIED.has(element.name) ? ['id'] : [];
  if (element.name === 'op') required = ['id', 'name', 'interval'];
  else if (element.name === 'node' && element.parent?.name === 'nodes') required = ['id', 'uname'];
  else if (NVSETS.has(element.name) && !element.has('id-ref')) required = ['id'];
  else if (element.name === 'nvpair' && !element.has('id-ref')) required = ['id', 'name'];
  else if (element.name === 'rule' && !element.has('id-ref')) {
    required = ['id'];
    // A location rule says what score it gives.
    if (element.parent?.name === 'rsc_location' && !element.has('score') && !element.has('score-attribute')) return [...required.filter((name) => !element.has(name)), 'score (or score-attribute)'];
  }
  else if (element.name === 'op_expression') required = ['id', 'name'];
  else if (element.name === 'recipient') required = ['id', 'value'];
  else if (element.name === 'alert') required = ['id', 'path'];
  else if (element.name === 'date_expression' || element.name === 'rsc_expression') required = ['id'];
  else if (element.name === 'primitive' || element.name === 'template') {
    required = ['id'];
    if (element.name === 'template' || !element.has('template')) required.push('class', 'type');
    if (element.attr('class') === 'ocf') required.push('provider');
  }
  return required.filter((name) => !element.has(name));
}

/**
 * What a rejected element lacks or has wrong, from its children where libxml2's words mislead;
 * undefined when libxml2 said only that something in it failed.
 */
function elementReason(element: XmlElement, entry: Classified): string | undefined {
  const what = element.describe();
  if ((element.name === 'clone' || element.name === 'master') && element.childrenNamed('primitive', 'group').length === 0) {
    return `${what} holds no resource: a ${element.name} needs one primitive or group child`;
  }
  if (element.name === 'group' && element.childrenNamed('primitive').length === 0) return `${what} holds no primitive: a group needs at least one primitive child`;
  if (element.name === 'bundle' && element.childrenNamed(...CONTAINERS).length === 0) {
    return `${what} has no container: a bundle needs a docker, podman or rkt child`;
  }
  const missing = missingAttributes(element);
  if (missing.length > 0) return `${what} lacks the required attribute${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
  switch (entry.kind) {
    case 'attributes':
      return `${what} lacks a required attribute or has an invalid one`;
    case 'unexpected':
      return `${what} is not allowed here`;
    case 'expected-other':
      return `<${entry.got}> found where <${entry.expected}> is required`;
    case 'expecting':
      return `${what} lacks the required element <${entry.expected}>`;
    case 'misfit':
      return misfitReason(element);
    case 'other':
      return `${what} is not valid`;
    default:
      return undefined;
  }
}

/** For an element libxml2 says only "failed to validate content" of. */
function genericReason(element: XmlElement): string {
  return `${element.describe()} does not match the schema: an attribute or a child is not allowed here, or a required one is missing`;
}

/**
 * The problems the errors of validating the whole CIB (status content set aside) stand for, each
 * at the element or attribute that has it.
 */
export function schemaProblems(cib: Cib, errors: SchemaError[], isolate: Isolate, lineOf: LineOf): SchemaProblem[] {
  const analysis = new Analysis(cib, isolate, lineOf);
  analysis.report(errors);
  return analysis.problems;
}
