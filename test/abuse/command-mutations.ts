import { AbuseRequest, pickRole } from './abuse-request';
import {
  edgeNumbers,
  extraKeys,
  hostileIds,
  hostileStrings,
  invalidAmounts,
  invalidDates,
  invalidQuantities,
  unsupportedContentTypes,
  wrongTypesOfAmount,
  wrongTypesOfQuantity,
  wrongTypesOfText,
} from './hostile-values';
import { jsonText, malformed, nested, withKeyFirst } from './json-text';
import { Random } from './random';
import { CommandRoute, FieldKind, Seeded } from './route-kinds';

function wrongTypesOf(field: FieldKind): unknown[] {
  switch (field.kind) {
    case 'amount':
      return wrongTypesOfAmount;
    case 'quantity':
      return wrongTypesOfQuantity;
    case 'list':
      return ['x', 1, true, { a: 1 }];
    default:
      return wrongTypesOfText;
  }
}

function invalidValuesOf(field: FieldKind): unknown[] {
  switch (field.kind) {
    case 'text':
      return [...(field.min ? [''] : []), 'x'.repeat(field.max + 1), 'y'.repeat(field.max * 3)];
    case 'pattern':
      return field.bad;
    case 'enum':
      return [
        ...field.values.slice(0, 2).flatMap((value) => [value.toUpperCase(), `${value} `, `\u200b${value}`]),
        'constructor',
        '__proto__',
        'toString',
        '',
        'null',
      ];
    case 'date':
      return invalidDates;
    case 'amount':
      return [...invalidAmounts, Infinity, -Infinity];
    case 'quantity':
      return invalidQuantities;
    case 'list':
      return field.bad;
  }
}

/** A mutated request to a command route: valid but for one breaker (it must be refused), plus 0–3 odd values. */
export function mutatedCommand(random: Random, name: string, route: CommandRoute, ids: Seeded): AbuseRequest {
  const role = pickRole(random, route.roles);
  const body: Record<string, unknown> = structuredClone(route.valid(ids));
  const fields = Object.entries(route.fields);
  const edges: string[] = [];
  for (let i = random.int(4); i > 0; i--) {
    const [field, kind] = random.pick(fields);
    if (kind.kind === 'text' && field in body) {
      const value = random.pick(hostileStrings);
      body[field] = random.chance(0.5) ? value : `${String(body[field])}${value}`;
      edges.push(`unicode:${field}`);
    } else if (kind.kind === 'amount') {
      body[field] = random.pick(edgeNumbers);
      edges.push(`number:${field}=${String(body[field])}`);
    } else if (kind.kind === 'quantity' && field in body) {
      body[field] = { ...(body[field] as object), amount: random.pick(edgeNumbers) };
      edges.push(`number:${field}.amount`);
    }
  }

  const required = fields.filter(([, kind]) => kind.required);
  const breaker = random.weighted({
    missing: required.length > 0 ? 10 : 0,
    wrongType: 20,
    invalid: 20,
    extraKey: 12,
    malformed: 10,
    contentType: 8,
    deep: 5,
    huge: 0.4,
    topLevel: 5,
    hostileId: route.hasId ? 5 : 0,
    badIfMatch: route.method === 'PATCH' ? 4 : 0,
    badIdempotencyKey: 1.5,
  });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (route.method === 'PATCH' && random.chance(0.7)) headers['if-match'] = random.pick(['1', '"1"', 'W/"1"', '*']);
  if (random.chance(0.1)) headers['idempotency-key'] = `abuse-${random.seed}-${random.int(1e9)}`;
  let id: string | undefined;
  let text: string;
  let field: string | undefined;
  let label: string = breaker;
  switch (breaker) {
    case 'missing': {
      [field] = random.pick(required);
      delete body[field];
      text = jsonText(body);
      break;
    }
    case 'wrongType':
    case 'invalid': {
      const [name, kind] = random.pick(fields);
      field = name;
      const value = random.pick(breaker === 'wrongType' ? wrongTypesOf(kind) : invalidValuesOf(kind));
      body[name] = value;
      text = jsonText(body);
      label = `${breaker}:${name}=${jsonText(value).slice(0, 40)}`;
      break;
    }
    case 'extraKey': {
      const key = random.pick(extraKeys);
      const value = jsonText(random.pick([1, 'x', true, null, {}, [], { admin: true }]));
      text = jsonText(body);
      if (random.chance(0.3) && typeof body.quantity === 'object') {
        text = text.replace('"quantity":{', `"quantity":{${JSON.stringify(key)}:${value},`);
        field = `quantity.${key}`;
      } else {
        text = withKeyFirst(text, key, value);
        field = key;
      }
      break;
    }
    case 'malformed':
      text = malformed(random, jsonText(body));
      field = 'body';
      break;
    case 'contentType': {
      const contentType = random.pick(unsupportedContentTypes);
      if (contentType === '') delete headers['content-type'];
      else headers['content-type'] = contentType;
      text = contentType.startsWith('application/x-www') ? 'reason=x&amount=1' : jsonText(body);
      field = 'Content-Type';
      break;
    }
    case 'deep': {
      const depth = random.pick([33, 34, 100, 1_000, 5_000, 100_000]);
      text = random.chance(0.3) ? nested(random, depth) : withKeyFirst(jsonText(body), 'x', nested(random, depth - 1));
      field = 'body';
      label = `deep:${depth}`;
      break;
    }
    case 'huge':
      text = withKeyFirst(jsonText(body), 'padding', JSON.stringify('x'.repeat(1024 * 1024 + random.int(2e6))));
      field = 'body';
      break;
    case 'topLevel': {
      text = random.pick(['[]', `[${jsonText(body)}]`, '"text"', '1', 'null', 'true', '""', '[[]]', '-0', '1e309']);
      label = `topLevel:${text.slice(0, 20)}`;
      break;
    }
    case 'hostileId':
      id = random.pick(hostileIds);
      text = jsonText(body);
      label = `hostileId:${id.slice(0, 20)}`;
      break;
    case 'badIfMatch':
      headers['if-match'] = random.pick(['yesterday', '"abc"', '-1', '1.5', 'W/"x"', '9'.repeat(30), '1, 2']);
      text = jsonText(body);
      field = 'If-Match';
      label = `badIfMatch:${headers['if-match']}`;
      break;
    case 'badIdempotencyKey':
      headers['idempotency-key'] = random.pick(['x'.repeat(256), 'a b', '\u00e9t\u00e9']);
      text = jsonText(body);
      field = 'Idempotency-Key';
      break;
  }
  return {
    route: name,
    method: route.method,
    path: route.path(ids, id),
    role,
    headers,
    body: text,
    breaker: label,
    ...(field !== undefined && { field }),
    edges,
  };
}
