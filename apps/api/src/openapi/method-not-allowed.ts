import { OpenAPIObject } from '@nestjs/swagger';
import { Problem } from '../problems/problem';

interface Request {
  method: string;
  path: string;
}
interface Response {
  status(code: number): Response;
  setHeader(name: string, value: string): void;
  type(contentType: string): Response;
  send(body: string): void;
}

const documentedMethods = ['get', 'post', 'patch', 'put', 'delete'] as const;

/**
 * 405 with `Allow` for a method a known path does not answer (TRACE /needs, DELETE /needs/:id), instead of the 404
 * of an unknown path. The known paths and their methods are the document's, which Nest builds from the router's
 * routes, so every route a controller adds is covered; paths outside it (the console's files) are left alone.
 */
export function methodNotAllowed(document: OpenAPIObject) {
  const routes = Object.entries(document.paths).map(([path, item]) => {
    const methods = documentedMethods.filter((method) => item[method]).map((method) => method.toUpperCase());
    const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
    return { pattern, allow: methods.includes('GET') ? [...methods, 'HEAD'] : methods };
  });
  return (request: Request, response: Response, next: () => void): void => {
    const known = routes.filter((route) => route.pattern.test(request.path));
    if (known.length === 0 || known.some((route) => route.allow.includes(request.method))) return next();
    const allow = [...new Set(known.flatMap((route) => route.allow))].join(', ');
    const problem = new Problem(
      405,
      'METHOD_NOT_ALLOWED',
      `${request.method} is not a method of ${request.path}; allowed: ${allow}`,
    );
    response.setHeader('Allow', allow);
    response.status(405).type('application/problem+json').send(JSON.stringify(problem.body));
  };
}
