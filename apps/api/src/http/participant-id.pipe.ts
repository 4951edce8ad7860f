import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { Problem } from '../problems/problem';
import { participantIdMessage, participantIdPattern } from './request-fields';

/** A participant id in a path (LAO, EU), refused before it reaches the store otherwise; the document states the pattern. */
@Injectable()
export class ParticipantIdPipe implements PipeTransform<string, string> {
  static readonly pattern = participantIdPattern;

  transform(value: string, metadata?: ArgumentMetadata): string {
    if (!participantIdPattern.test(value)) {
      throw Problem.validation([{ field: metadata?.data ?? 'id', message: participantIdMessage }]);
    }
    return value;
  }
}
