import { participantKinds, ParticipantKind, TreatyStatus, treatyStatuses, maxTitleLength } from '@cm/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsParticipantId } from '../../http/request-fields';
import { BodySchemaRule } from '../../openapi/body-constraints';

/** A State's id is its ISO 3166-1 alpha-3 code; an organisation's an upper-case slug (EU, UNMAS). */
@BodySchemaRule({
  anyOf: [{ properties: { kind: { enum: ['organization'] } } }, { properties: { id: { pattern: '^[A-Z]{3}$' } } }],
})
export class RegisterParticipantRequest {
  @ApiProperty({
    example: 'NOR',
    description: 'ISO 3166-1 alpha-3 for a state, an upper-case slug for an organisation',
  })
  @IsParticipantId()
  id!: string;

  @ApiProperty({ example: 'Norway', maxLength: maxTitleLength })
  @IsString()
  @MinLength(1)
  @MaxLength(maxTitleLength)
  name!: string;

  @ApiProperty({ enum: participantKinds, example: 'state' })
  @IsIn(participantKinds)
  kind!: ParticipantKind;

  @ApiPropertyOptional({ enum: treatyStatuses, example: 'state_party' })
  @IsOptional()
  @IsIn(treatyStatuses)
  treatyStatus?: TreatyStatus;

  @ApiPropertyOptional({
    example: ['LAO'],
    description: 'Alpha-3 codes of states where this participant used cluster munitions (Art. 4(4))',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z]{3}$/, { each: true, message: 'each entry must be an ISO 3166-1 alpha-3 code' })
  usedClusterMunitionsIn?: string[];
}
