import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, Problem } from './problem';

/** Flattens class-validator's tree into one entry per failing field, named by its dotted path (quantity.amount). */
export function fieldProblemsOf(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblemsOf(error.children ?? [], field)];
  });
}

/** Whitelisted, unknown fields refused, every failure named: the api's one validation pipe. */
export const requestValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => Problem.validation(fieldProblemsOf(errors)),
  });
