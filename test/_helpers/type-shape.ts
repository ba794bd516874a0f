import ts from 'typescript';

/**
 * The shape of a value as both a TypeScript type and a JSON Schema can state it: what is compared when
 * checking that the two describe the same thing. Constraints only one side can state (a minimum, a
 * pattern, uniqueness) are left out.
 */
export type Shape =
  | { kind: 'string'; enum?: string[] }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'array'; items: Shape }
  | { kind: 'object'; props: Record<string, { optional: boolean; shape: Shape }>; extra?: Shape }
  | { kind: 'union'; of: Shape[] };

/** A union of shapes, flattened and in a fixed order; string enums merged; one member stands for itself. */
function union(members: Shape[]): Shape {
  const flat = members.flatMap((m) => (m.kind === 'union' ? m.of : [m]));
  const enums = flat.filter(
    (m): m is { kind: 'string'; enum: string[] } => m.kind === 'string' && m.enum !== undefined,
  );
  const rest = flat.filter((m) => !(m.kind === 'string' && m.enum !== undefined));
  const all = [
    ...rest,
    ...(enums.length ? [{ kind: 'string' as const, enum: [...new Set(enums.flatMap((e) => e.enum))].sort() }] : []),
  ];
  const unique = [...new Map(all.map((m) => [JSON.stringify(m), m])).values()].sort((a, b) =>
    JSON.stringify(a).localeCompare(JSON.stringify(b)),
  );
  return unique.length === 1 ? unique[0]! : { kind: 'union', of: unique };
}

/** The shape of an exported interface or type alias of `file`, read with the TypeScript compiler. */
export function typeShape(file: string, name: string, options: ts.CompilerOptions): Shape {
  const program = ts.createProgram([file], options);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot read ${file}`);
  const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((s) => s.name === name);
  if (!symbol) throw new Error(`${file} exports no ${name}`);
  const seen = new Set<ts.Type>();

  const shape = (type: ts.Type): Shape => {
    if (type.isUnion()) {
      const members = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
      if (members.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { kind: 'boolean' };
      return union(members.map(shape));
    }
    if (type.isStringLiteral()) return { kind: 'string', enum: [type.value] };
    if (type.flags & ts.TypeFlags.String) return { kind: 'string' };
    if (type.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return { kind: 'number' };
    if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { kind: 'boolean' };
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      return {
        kind: 'array',
        items: shape(checker.getIndexTypeOfType(type, ts.IndexKind.Number) ?? checker.getAnyType()),
      };
    }
    if (type.flags & ts.TypeFlags.Object) {
      if (seen.has(type)) throw new Error(`recursive type ${checker.typeToString(type)}`);
      seen.add(type);
      const props: Record<string, { optional: boolean; shape: Shape }> = {};
      for (const p of checker.getPropertiesOfType(type)) {
        props[p.name] = {
          optional: (p.flags & ts.SymbolFlags.Optional) !== 0,
          shape: shape(checker.getNonNullableType(checker.getTypeOfSymbol(p))),
        };
      }
      const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
      seen.delete(type);
      return { kind: 'object', props, ...(index ? { extra: shape(index.type) } : {}) };
    }
    throw new Error(`no shape for ${checker.typeToString(type)}`);
  };
  return shape(checker.getDeclaredTypeOfSymbol(symbol));
}

interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
}

/** The shape a JSON Schema (with its `$defs`) describes. */
export function schemaShape(root: SchemaNode & { $defs?: Record<string, SchemaNode> }): Shape {
  const shape = (node: SchemaNode): Shape => {
    if (node.$ref) {
      const name = /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1];
      const target = name === undefined ? undefined : root.$defs?.[name];
      if (!target) throw new Error(`cannot follow ${node.$ref}`);
      return shape(target);
    }
    const choices = node.anyOf ?? node.oneOf;
    if (choices) return union(choices.map(shape));
    if (Array.isArray(node.type)) return union(node.type.map((type) => shape({ ...node, type })));
    if (node.enum) return { kind: 'string', enum: node.enum.map(String).sort() };
    if (node.const !== undefined) return { kind: 'string', enum: [node.const] };
    switch (node.type) {
      case 'string':
        return { kind: 'string' };
      case 'integer':
      case 'number':
        return { kind: 'number' };
      case 'boolean':
        return { kind: 'boolean' };
      case 'array':
        if (!node.items) throw new Error('an array without items');
        return { kind: 'array', items: shape(node.items) };
      case 'object': {
        const props: Record<string, { optional: boolean; shape: Shape }> = {};
        for (const [key, value] of Object.entries(node.properties ?? {})) {
          props[key] = { optional: !(node.required ?? []).includes(key), shape: shape(value) };
        }
        const extra = node.additionalProperties;
        return { kind: 'object', props, ...(typeof extra === 'object' ? { extra: shape(extra) } : {}) };
      }
      default:
        throw new Error(`no shape for ${JSON.stringify(node).slice(0, 80)}`);
    }
  };
  return shape(root);
}
