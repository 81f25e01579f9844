// Declarative parametric dialect attributes: `#fixedpoint.scale<frac = 8, signed = true>`.
// Printed and parsed in the same struct form as parametric types; values are DialectAttrs whose
// body is the canonical parameter list (so equality is textual) and which carry the parameters.
import { DialectAttr, type Attribute } from "./attribute.js";
import { canonicalParams, type TypeParamSpec, type TypeParamValue } from "./typedef.js";

export interface AttrDefInit {
  dialect: string;
  name: string;
  summary?: string;
  params: TypeParamSpec[];
  /** Returns an error message for invalid parameters. */
  verify?: (params: Readonly<Record<string, TypeParamValue>>) => string | undefined;
}

const attrDefs = new Map<string, AttrDef>();

export class AttrDef {
  constructor(readonly init: AttrDefInit) {}
  get fullName(): string { return `${this.init.dialect}.${this.init.name}`; }

  /** The attribute for these parameters; throws with the verifier's message when invalid. */
  get(params: Readonly<Record<string, TypeParamValue>>): DialectAttr {
    const { body, ordered } = canonicalParams(`#${this.fullName}`, this.init.params, params, this.init.verify);
    return new DialectAttr(this.init.dialect, this.init.name, body, ordered);
  }

  is(a: Attribute | undefined): a is DialectAttr {
    return a instanceof DialectAttr && a.dialect === this.init.dialect && a.name === this.init.name;
  }
}

export function defineAttr(init: AttrDefInit): AttrDef {
  const d = new AttrDef(init);
  attrDefs.set(d.fullName, d);
  return d;
}
export function lookupAttrDef(fullName: string): AttrDef | undefined {
  return attrDefs.get(fullName);
}
