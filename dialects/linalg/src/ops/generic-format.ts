// Pretty form of linalg.generic, as upstream prints it:
//   linalg.generic {indexing_maps = [...], iterator_types = ["parallel"]} ins(...) outs(...)
//     [attrs = {...}] { ^bb0(...): ... } -> tensor<...>
// (iterator types are strings in this form, `#linalg.iterator_type<...>` in the generic form).
import { Operation, Region, ArrayAttr, StringAttr, type CustomFormat, type Attribute } from "@zkmlir/core";
import { iteratorKinds, iteratorType, type IteratorKind } from "../attrs.js";
import { printInsOuts, parseInsOuts, printResultTypes, parseOptionalResultTypes } from "./ins-outs-format.js";
import { segmentSizes } from "../builders/structured.js";

const PROPS = ["doc", "indexing_maps", "iterator_types", "library_call"];

export const genericFormat: CustomFormat = {
  print(op, p) {
    const parts: string[] = [];
    for (const k of PROPS) {
      const a = op.getAttr(k);
      if (!a) continue;
      if (k === "iterator_types") parts.push(`iterator_types = [${(iteratorKinds(a) ?? []).map((x) => `"${x}"`).join(", ")}]`);
      else parts.push(`${k} = ${p.attrText(a)}`);
    }
    p.write(` {${parts.join(", ")}}`);
    const nIn = (op.getAttr("operandSegmentSizes") as { values?: number[] } | undefined)?.values?.[0] ?? 0;
    printInsOuts(p, op.operandValues.slice(0, nIn), op.operandValues.slice(nIn));
    if (op.attributes.size) {
      p.write(" attrs =");
      p.printOptionalAttrDict(op, [...op.properties.keys()]);
    }
    p.write(" ");
    p.printRegion(op.region(0), { printEntryBlockArgs: true });
    printResultTypes(p, op.resultTypes);
  },
  parse(p, name) {
    const dict = p.parseAttrDict();
    const props = new Map<string, Attribute>();
    for (const [k, v] of dict) {
      if (k === "iterator_types" && v instanceof ArrayAttr) {
        const ks = v.elements.map((e) => (e instanceof StringAttr ? e.value : ""));
        if (!ks.every((x) => x === "parallel" || x === "reduction")) p.error("iterator_types must be \"parallel\" or \"reduction\"");
        props.set(k, new ArrayAttr(ks.map((x) => iteratorType(x as IteratorKind))));
      } else props.set(k, v);
    }
    const { ins, outs } = parseInsOuts(p);
    const attrs = p.parseOptionalKeyword("attrs") ? (p.expect("="), p.parseAttrDict()) : new Map<string, Attribute>();
    const region = new Region();
    p.parseRegion(region);
    const resultTypes = parseOptionalResultTypes(p);
    props.set("operandSegmentSizes", segmentSizes(ins.length, outs.length));
    return Operation.create({ name, operands: [...ins, ...outs], resultTypes, properties: props, attributes: attrs, regions: [region] });
  },
};
