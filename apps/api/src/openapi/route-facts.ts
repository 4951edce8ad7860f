import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { OpenAPIObject } from '@nestjs/swagger';
import { Role } from '@cm/domain';
import { PUBLIC_ROUTE, ROUTE_ROLES } from '../auth/auth.decorators';

/** A request DTO's class. */
export type DtoClass = new (...args: never[]) => unknown;

/** What the router knows of one operation that the generated document does not say, keyed by its operationId. */
export interface RouteFacts {
  roles?: Role[];
  isPublic: boolean;
  /** Path parameters whose pipe states the pattern it enforces (a static `pattern` on the pipe). */
  pathPatterns: Record<string, RegExp>;
  /** The DTO class of the body it reads, if any. */
  bodyType?: DtoClass;
  /** The DTO class of the query string it reads, if any. */
  queryType?: DtoClass;
}

/** A pipe that refuses a path parameter not matching its pattern says so, and the document states it. */
export interface PatternPipe {
  pattern: RegExp;
}

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

const patternOf = (pipe: unknown): RegExp | undefined => {
  const source = (typeof pipe === 'function' ? pipe : (pipe as { constructor?: unknown })?.constructor) as
    Partial<PatternPipe> | undefined;
  return source?.pattern instanceof RegExp ? source.pattern : undefined;
};

/** Reads every controller method's route metadata, as Nest's swagger names its operations (Controller_method). */
export function routeFactsOf(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller?.prototype) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[method];
        if (typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if ((Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined) === undefined) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
          string,
          RouteArgument
        >;
        const pathPatterns: Record<string, RegExp> = {};
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as DtoClass[];
        let bodyType: DtoClass | undefined;
        let queryType: DtoClass | undefined;
        for (const [key, argument] of Object.entries(args)) {
          if (Number(key.split(':')[0]) === RouteParamtypes.BODY) bodyType = types[argument.index];
          if (Number(key.split(':')[0]) === RouteParamtypes.QUERY && argument.data === undefined) {
            queryType = types[argument.index];
          }
          if (Number(key.split(':')[0]) !== RouteParamtypes.PARAM || typeof argument.data !== 'string') continue;
          const pattern = (argument.pipes ?? []).map(patternOf).find((found) => found !== undefined);
          if (pattern) pathPatterns[argument.data] = pattern;
        }
        const read = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) as T | undefined) ??
          (Reflect.getMetadata(key, controller) as T | undefined);
        facts.set(`${controller.name}_${method}`, {
          roles: read<Role[]>(ROUTE_ROLES),
          isPublic: read<boolean>(PUBLIC_ROUTE) === true,
          pathPatterns,
          ...(bodyType && bodyType !== Object && { bodyType }),
          ...(queryType && queryType !== Object && { queryType }),
        });
      }
    }
  }
  return facts;
}

/** States the pattern of every path parameter whose pipe enforces one. */
export function declarePathPatterns(document: OpenAPIObject, facts: Map<string, RouteFacts>): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.patch, item.put, item.delete]) {
      const patterns = facts.get(operation?.operationId ?? '')?.pathPatterns ?? {};
      for (const parameter of operation?.parameters ?? []) {
        if (!('in' in parameter) || parameter.in !== 'path' || !patterns[parameter.name]) continue;
        parameter.schema = { type: 'string', pattern: patterns[parameter.name].source };
      }
    }
  }
}
