import { Headers } from '@nestjs/common';
import { Problem } from '../problems/problem';

/** The header as the api reads it: empty or `*` (whatever is current), or a version, bare or as an ETag. */
export const ifMatchPattern = /^(\*|(?:W\/)?"?\d{1,15}"?)?$/;

/** `If-Match: 3` (or the ETag form `"3"`): the version the client last read; absent means "whatever is current". */
export function versionOfIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '' || header === '*') return undefined;
  const match = ifMatchPattern.test(header.trim()) && /(\d{1,15})/.exec(header);
  if (!match) throw Problem.validation([{ field: 'If-Match', message: 'must be a record version such as 3' }]);
  return Number(match[1]);
}

export const IfMatchHeader = () => Headers('if-match');
