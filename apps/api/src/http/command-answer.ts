import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What every command answers: the record's id, its stream's new version and a token for read-your-writes. */
export class CommandAnswer {
  @ApiProperty({ example: '0194f5a2-7c1e-7b3a-9d2f-1a2b3c4d5e6f' })
  id!: string;

  @ApiProperty({ example: 3, description: "The record's stream version after this command" })
  version!: number;

  @ApiPropertyOptional({ example: 'open', description: "The record's status after this command" })
  status?: string;

  @ApiProperty({
    example: 'MnxuZWVkOjAxOTRmNWEyLjN8YWxsb2NhdGlvbjowMTk0ZjVhMy40',
    description:
      'Opaque. Covers every stream this command wrote (the allocation, and the pledge and need its saga changed). ' +
      'Send as X-Consistent-With on a query to read this write',
  })
  consistencyToken!: string;
}

/** The kinds of record a command answers the id of; each has its own answer schema in the document. */
export type AnsweredRecord = 'Need' | 'Pledge' | 'Allocation' | 'Delivery' | 'Participant' | 'Coalition';

const answerTypes = new Map<AnsweredRecord, typeof CommandAnswer>();

/**
 * The answer of the commands on one kind of record (`NeedCommandAnswer`): the same shape as CommandAnswer, under a name
 * of its own, so that the document says whose id `id` is. A generated client (and schemathesis' stateful phase, which
 * infers links from the schemas) then feeds a need's id only to the need routes, never to /participants/{id}.
 */
export function commandAnswerOf(record: AnsweredRecord): typeof CommandAnswer {
  let type = answerTypes.get(record);
  if (!type) {
    type = class extends CommandAnswer {};
    Object.defineProperty(type, 'name', { value: `${record}CommandAnswer` });
    answerTypes.set(record, type);
  }
  return type;
}
