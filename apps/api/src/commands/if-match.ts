import { Headers } from '@nestjs/common';
import { Problem } from '../problems/problem';

/** `If-Match: 3` (or the ETag form `"3"`): the version the client last read; absent means "whatever is current". */
export function versionOfIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '' || header === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header.trim());
  if (!match) throw Problem.validation([{ field: 'If-Match', message: 'must be a record version such as 3' }]);
  return Number(match[1]);
}

export const IfMatchHeader = () => Headers('if-match');
