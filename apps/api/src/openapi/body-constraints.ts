import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { currencyExponents } from '@cm/domain';
import { isoDatePattern } from '../http/request-fields';
import { instantPattern } from '../audit/audit-queries';
import { calendarDatePattern, cursorPattern } from '../queries/query-params';
import { DtoClass, RouteFacts } from './route-facts';

/** Where @ApiProperty keeps a property's options (DECORATORS.API_MODEL_PROPERTIES, not exported by the package). */
const apiModelProperties = 'swagger/apiModelProperties';

type Constraint = (property: SchemaObject, constraints: unknown[]) => void;

const unitWordPattern = '[a-z][a-z_]{0,31}';

/**
 * The document states what class-validator enforces, read from the same decorators: one source of truth for every
 * request DTO, also those added later. Our own validators (ValidateBy) are listed by name.
 */
const constraintsByName: Record<string, Constraint> = {
  matches: (property, [pattern]) => {
    if (pattern instanceof RegExp && pattern.flags === '') property.pattern = pattern.source;
  },
  minLength: (property, [min]) => (property.minLength = min as number),
  maxLength: (property, [max]) => (property.maxLength = max as number),
  isIn: (property, [values]) => (property.enum ??= values as unknown[]),
  min: (property, [min]) => (property.minimum = min as number),
  max: (property, [max]) => (property.maximum = max as number),
  isPositive: (property) => Object.assign(property, { minimum: 0, exclusiveMinimum: true }),
  isInt: (property) => (property.type = 'integer'),
  isString: (property) => (property.type ??= 'string'),
  isBoolean: (property) => (property.type = 'boolean'),
  arrayMinSize: (property, [min]) => (property.minItems = min as number),
  arrayMaxSize: (property, [max]) => (property.maxItems = max as number),
  arrayNotEmpty: (property) => (property.minItems = Math.max(property.minItems ?? 0, 1)),
  arrayUnique: (property) => (property.uniqueItems = true),
  // A calendar date, or a UTC time; 2027-02-30 matches the pattern but names no day, so the formats say it too.
  isIsoDate: (property) => {
    delete property.type;
    property.anyOf = [
      { type: 'string', format: 'date', pattern: isoDatePattern.source },
      { type: 'string', format: 'date-time', pattern: isoDatePattern.source },
    ];
  },
  isUnit: (property) => {
    property.pattern = `^(${[...currencyExponents.keys()].join('|')}|${unitWordPattern})$`;
  },
  // At most 4 decimals, as a plain decimal below 1e15 (larger numbers lose their decimals in a double).
  maxAmountDecimals: (property) => Object.assign(property, { multipleOf: 0.0001, maximum: 1e15 }),
  isCalendarDate: (property) =>
    Object.assign(property, { type: 'string', format: 'date', pattern: calendarDatePattern.source }),
  // Opaque: only the `next` of a page decodes (schemathesis is given one, test/abuse/schemathesis.toml).
  isCursor: (property) => Object.assign(property, { type: 'string', pattern: cursorPattern.source }),
  isInstant: (property) => {
    delete property.type;
    delete property.pattern;
    property.anyOf = [
      { type: 'string', format: 'date' },
      { type: 'string', format: 'date-time', pattern: instantPattern.source },
    ];
  },
};

const nameOf = (metadata: ValidationMetadata): string => metadata.name ?? metadata.type;

const bodyRuleKey = 'cm:body-schema-rule';

/**
 * A rule across fields that the DTO's route enforces (one of two fields required; a field required with some values
 * of another), stated as a JSON schema fragment merged into the body's schema: a request the document calls valid
 * must not be refused as malformed.
 */
export const BodySchemaRule =
  (rule: SchemaObject): ClassDecorator =>
  (target) =>
    Reflect.defineMetadata(bodyRuleKey, rule, target);

/** A nested DTO's class, as its @ApiProperty names it (`type: QuantityRequest`, `type: [PlanEntryRequest]`). */
const nestedClassOf = (target: DtoClass, property: string): DtoClass | undefined => {
  const declared = (
    Reflect.getMetadata(apiModelProperties, target.prototype, property) as { type?: unknown } | undefined
  )?.type;
  const type = Array.isArray(declared) ? declared[0] : declared;
  return typeof type === 'function' && type.prototype && type !== String && type !== Number ? type : undefined;
};

/** Adds each DTO's validation constraints to its component schema, following nested DTOs. */
export function declareBodyConstraints(document: OpenAPIObject, bodyTypes: DtoClass[]): void {
  const schemas = document.components?.schemas ?? {};
  const seen = new Set<DtoClass>();
  const visit = (target: DtoClass): void => {
    if (seen.has(target)) return;
    seen.add(target);
    const schema = schemas[target.name] as SchemaObject | undefined;
    // The validation pipe refuses every field a DTO does not declare (forbidNonWhitelisted).
    if (schema) schema.additionalProperties = false;
    const rule = Reflect.getMetadata(bodyRuleKey, target) as SchemaObject | undefined;
    if (schema && rule) Object.assign(schema, rule);
    const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    for (const metadata of metadatas) {
      if (metadata.type === 'nestedValidation') {
        const nested = nestedClassOf(target, metadata.propertyName);
        if (nested) visit(nested);
        continue;
      }
      const property = schema?.properties?.[metadata.propertyName] as SchemaObject | undefined;
      if (!property || '$ref' in property) continue;
      const apply = constraintsByName[nameOf(metadata)];
      // Constraints with `each` apply to the items of an array.
      const subject = metadata.each && property.items && !('$ref' in property.items) ? property.items : property;
      apply?.(subject as SchemaObject, (metadata.constraints ?? []) as unknown[]);
    }
  };
  bodyTypes.forEach(visit);
}

/**
 * States the constraints of each query parameter that a query DTO declares, from the same class-validator decorators
 * the validation pipe enforces: the document cannot drift from the validation.
 */
export function declareQueryConstraints(document: OpenAPIObject, facts: Map<string, RouteFacts>): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.patch, item.put, item.delete]) {
      const queryType = facts.get(operation?.operationId ?? '')?.queryType;
      if (!operation || !queryType) continue;
      const metadatas = getMetadataStorage().getTargetValidationMetadatas(queryType, '', true, false);
      for (const parameter of operation.parameters ?? []) {
        if (!('in' in parameter) || parameter.in !== 'query') continue;
        const schema = (parameter.schema ?? {}) as SchemaObject;
        for (const metadata of metadatas.filter((m) => m.propertyName === parameter.name)) {
          constraintsByName[nameOf(metadata)]?.(schema, (metadata.constraints ?? []) as unknown[]);
        }
        parameter.schema = schema;
      }
    }
  }
}
