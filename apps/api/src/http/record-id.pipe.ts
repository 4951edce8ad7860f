import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { Problem } from '../problems/problem';
import { recordIdPattern } from './request-fields';

/** Ids in paths are UUIDs or similar slugs; anything else is refused before it reaches the store. */
@Injectable()
export class RecordIdPipe implements PipeTransform<string, string> {
  static readonly pattern = recordIdPattern;

  transform(value: string, metadata?: ArgumentMetadata): string {
    if (!recordIdPattern.test(value)) {
      throw Problem.validation([{ field: metadata?.data ?? 'id', message: 'must be a record id' }]);
    }
    return value;
  }
}
