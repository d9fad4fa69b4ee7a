import fc from 'fast-check';

/** The subset of JSON Schema draft-04 that `@atlaskit/adf-schema`'s full.json uses. */
interface Schema {
  $ref?: string;
  anyOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema | Schema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  additionalProperties?: boolean;
}

/** Characters that Markdown gives meaning to, mixed with plain, non-Latin and whitespace characters. */
const STRESS_CHARACTERS = [...'ab xyz*_`~[]()<>!#|\\-+=.:&;{}"\'\t\n', 'é', '中', '😀', '&amp;', '1.', 'www.', '```', '<br>', '- ', 'https://a.io/', '@x.io'];

const PATTERNS: Record<string, fc.Arbitrary<string>> = {
  '^#[0-9a-fA-F]{6}$': fc.constantFrom('#ff0000', '#00FFaa'),
  '^#[0-9a-fA-F]{8}$|^#[0-9a-fA-F]{6}$': fc.constantFrom('#091e4224', '#123456'),
  '^(neutral|purple|blue|red|yellow|green|#[0-9a-fA-F]{6})$': fc.constantFrom('neutral', 'green', '#abcdef'),
};

/**
 * Builds fast-check arbitraries for any definition of a draft-04 schema, bounded by a budget of `$ref`
 * hops. Below the budget only alternatives that can still terminate are chosen (each definition's
 * minimal depth is computed by fixpoint), so every generated value is schema-valid.
 */
export class SchemaArbitraries {
  readonly #cost = new Map<Schema, number>();
  readonly #memo = new Map<Schema, Map<number, fc.Arbitrary<unknown>>>();
  readonly #merged = new Map<Schema, Schema>();

  /**
   * @param weights how much more often to pick a definition where it is one of several alternatives
   *   (e.g. text among the ten kinds of inline node)
   */
  constructor(
    private readonly root: { definitions: Record<string, Schema> },
    private readonly weights: Record<string, number> = {},
    private readonly maxExtraItems = 2,
  ) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const definition of Object.values(root.definitions)) {
        const cost = this.#computeCost(definition);
        if (cost !== this.#cost.get(definition)) changed = true;
        this.#cost.set(definition, cost);
      }
    }
  }

  /** An arbitrary for the named definition, descending at most `budget` references. */
  definition(name: string, budget: number): fc.Arbitrary<unknown> {
    return this.#arbitrary(this.#definition(name), budget);
  }

  #definition(ref: string): Schema {
    const definition = this.root.definitions[ref.replace('#/definitions/', '')];
    if (definition === undefined) throw new Error(`unknown definition ${ref}`);
    return definition;
  }

  #costOf(schema: Schema): number {
    return schema.$ref === undefined ? this.#computeCost(schema) : 1 + (this.#cost.get(this.#definition(schema.$ref)) ?? Infinity);
  }

  #computeCost(schema: Schema): number {
    if (schema.$ref !== undefined) return this.#costOf(schema);
    if (schema.anyOf) return Math.min(...schema.anyOf.map((option) => this.#costOf(option)));
    if (schema.allOf) return Math.max(...schema.allOf.map((part) => this.#costOf(part)));
    if (schema.properties) return Math.max(0, ...(schema.required ?? []).map((key) => (schema.properties?.[key] ? this.#costOf(schema.properties[key]) : 0)));
    if (schema.items && (schema.minItems ?? 0) > 0) {
      const items = Array.isArray(schema.items) ? schema.items.slice(0, schema.minItems) : [schema.items];
      return Math.max(...items.map((item) => this.#costOf(item)));
    }
    return 0;
  }

  #arbitrary(schema: Schema, budget: number): fc.Arbitrary<unknown> {
    const byBudget = this.#memo.get(schema) ?? new Map<number, fc.Arbitrary<unknown>>();
    this.#memo.set(schema, byBudget);
    const cached = byBudget.get(budget);
    if (cached) return cached;
    const built = this.#build(schema, budget);
    byBudget.set(budget, built);
    return built;
  }

  #build(schema: Schema, budget: number): fc.Arbitrary<unknown> {
    if (schema.$ref !== undefined) return this.#arbitrary(this.#definition(schema.$ref), budget - 1);
    if (schema.anyOf) {
      const options = this.#affordable(schema.anyOf, budget).map((option) => ({ arbitrary: this.#arbitrary(option, budget), weight: this.#weight(option) }));
      return fc.oneof(...options);
    }
    if (schema.allOf) return this.#arbitrary(this.#mergedOf(schema, schema.allOf), budget);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (schema.properties || type === 'object') return this.#object(schema, budget);
    if (type === 'array') return this.#array(schema, budget);
    if (type === 'string') return this.#string(schema);
    if (type === 'number') return fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 2_000_000_000_000 });
    if (type === 'boolean') return fc.boolean();
    return fc.constantFrom({}, { key: 'value' }, 'text', 1);
  }

  #weight(option: Schema): number {
    return option.$ref === undefined ? 1 : (this.weights[option.$ref.replace('#/definitions/', '')] ?? 1);
  }

  #affordable(options: Schema[], budget: number): Schema[] {
    return options.filter((option) => this.#costOf(option) <= budget);
  }

  #mergedOf(owner: Schema, parts: Schema[]): Schema {
    const merged = this.#merged.get(owner) ?? this.#merge(parts);
    this.#merged.set(owner, merged);
    return merged;
  }

  /** Merges `allOf` parts: later parts narrow the properties of earlier ones; closed parts drop extra keys. */
  #merge(parts: Schema[]): Schema {
    const resolved = parts.map((part) => (part.$ref === undefined ? part : this.#definition(part.$ref)));
    const properties: Record<string, Schema> = {};
    const required = new Set<string>();
    let allowed: Set<string> | undefined;
    for (const part of resolved) {
      const flat = part.allOf ? this.#merge(part.allOf) : part;
      Object.assign(properties, flat.properties);
      for (const key of flat.required ?? []) required.add(key);
      if (flat.additionalProperties === false) allowed = new Set(Object.keys(flat.properties ?? {}));
    }
    const keys = Object.keys(properties).filter((key) => allowed === undefined || allowed.has(key));
    return {
      type: 'object',
      properties: Object.fromEntries(keys.map((key) => [key, properties[key]!])),
      required: [...required],
      additionalProperties: allowed === undefined,
    };
  }

  #object(schema: Schema, budget: number): fc.Arbitrary<unknown> {
    const required = schema.required ?? [];
    const entries = Object.entries(schema.properties ?? {}).filter(([key, value]) => required.includes(key) || this.#costOf(value) <= budget);
    const shape = Object.fromEntries(entries.map(([key, value]) => [key, this.#arbitrary(value, budget)]));
    return fc.record(shape, { requiredKeys: required.filter((key) => key in shape) });
  }

  #array(schema: Schema, budget: number): fc.Arbitrary<unknown> {
    const minLength = schema.minItems ?? 0;
    if (Array.isArray(schema.items)) {
      const tuple = schema.items.map((item) => this.#arbitrary(item, budget));
      const maxLength = Math.min(schema.maxItems ?? tuple.length, tuple.length);
      return fc.integer({ min: minLength, max: maxLength }).chain((length) => fc.tuple(...tuple.slice(0, length)));
    }
    if (schema.items === undefined || this.#costOf(schema.items) > budget) return fc.constant([]);
    const maxLength = Math.min(schema.maxItems ?? Infinity, minLength + (budget > 0 ? this.maxExtraItems : 0));
    return fc.array(this.#arbitrary(schema.items, budget), { minLength, maxLength });
  }

  #string(schema: Schema): fc.Arbitrary<string> {
    if (schema.pattern !== undefined) {
      const pattern = PATTERNS[schema.pattern];
      if (pattern === undefined) throw new Error(`no generator for pattern ${schema.pattern}`);
      return pattern;
    }
    return fc.string({ unit: fc.constantFrom(...STRESS_CHARACTERS), minLength: Math.max(1, schema.minLength ?? 0), maxLength: 8 });
  }
}
