import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, Problem } from './problem';

/** Flattens class-validator's tree into one entry per failing field, named by its dotted path (quantity.amount). */
export function fieldProblemsOf(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblemsOf(error.children ?? [], field)];
  });
}

/**
 * Keys that name JavaScript's object machinery (`__proto__`, `constructor`, `toString`, `valueOf`, … and
 * `prototype`). JSON.parse keeps them as own properties, but class-transformer skips every key that names a function
 * or accessor of Object.prototype when it builds the DTO, so the whitelist never sees them and they would pass.
 */
const prototypeKeys = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Every prototype key in a parsed body, by its dotted path; bodies are at most MAX_JSON_DEPTH deep. */
export function prototypeKeysOf(value: unknown, parent = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const field = parent ? `${parent}.${key}` : key;
    const own = prototypeKeys.has(key) ? [field] : [];
    return [...own, ...prototypeKeysOf((value as Record<string, unknown>)[key], field)];
  });
}

/** Whitelisted, unknown fields refused (prototype keys included), every failure named: the api's one validation pipe. */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // The document requires a body wherever a route reads one (`{}` when every field is optional): none is refused.
    if (metadata.type === 'body' && value === undefined && metadata.metatype && metadata.metatype !== Object) {
      throw Problem.validation([{ field: 'body', message: 'is required: send a JSON object, {} if no field applies' }]);
    }
    const refused =
      metadata.type === 'custom' ? [] : prototypeKeysOf(value).map((field) => ({ field, message: unknownKey(field) }));
    if (refused.length === 0) return super.transform(value, metadata);
    const others = await super.transform(value, metadata).then(
      () => [],
      (error: unknown) => {
        if (error instanceof Problem && error.errors) return error.errors;
        throw error;
      },
    );
    throw Problem.validation([...refused, ...others]);
  }
}

const unknownKey = (field: string): string => `property ${field.split('.').pop()} should not exist`;

export const requestValidationPipe = () =>
  new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => Problem.validation(fieldProblemsOf(errors)),
  });
