import { HttpStatus } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details, with the stable `code` clients branch on. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldProblem[];
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const problemTypeOf = (code: string): string =>
  `https://cm-article6.example.org/problems/${code.toLowerCase().replace(/_/g, '-')}`;

/** A failure the api answers on purpose; the exception filter renders it as application/problem+json. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: FieldProblem[],
  ) {
    super(`${code}: ${detail}`);
    this.name = 'Problem';
  }

  get body(): ProblemBody {
    return {
      type: problemTypeOf(this.code),
      title: titles[this.status] ?? HttpStatus[this.status] ?? 'Error',
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(this.errors && { errors: this.errors }),
    };
  }

  static validation(problems: FieldProblem[]): Problem {
    // A key with an empty name (`?=x`, `{"": 1}`) is still named: as its JSON text.
    const errors = problems.map((error) => (error.field ? error : { ...error, field: '""' }));
    const fields = [...new Set(errors.map((error) => error.field))].join(', ');
    return new Problem(400, 'VALIDATION_FAILED', `invalid request: ${fields}`, errors);
  }

  static unauthenticated(detail: string): Problem {
    return new Problem(401, 'UNAUTHENTICATED', detail);
  }

  static forbidden(detail: string): Problem {
    return new Problem(403, 'FORBIDDEN', detail);
  }

  static preconditionFailed(detail: string): Problem {
    return new Problem(412, 'PRECONDITION_FAILED', detail);
  }
}
