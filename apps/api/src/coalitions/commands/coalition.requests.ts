import { maxSourceLength, maxTitleLength } from '@cm/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsParticipantId } from '../../http/request-fields';

export class FormCoalitionRequest {
  @ApiProperty({ example: 'Lao PDR country coalition', maxLength: maxTitleLength })
  @IsString()
  @MinLength(1)
  @MaxLength(maxTitleLength)
  name!: string;

  @ApiProperty({ example: 'LAO', description: 'The affected State whose national plan the coalition works on' })
  @IsParticipantId()
  affectedStateId!: string;

  @ApiProperty({ example: 'NOR', description: 'The lead partner (a State or an organisation)' })
  @IsParticipantId()
  leadPartnerId!: string;

  @ApiPropertyOptional({ example: 'NRA Safe Path Forward III 2021-2030', maxLength: maxSourceLength })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(maxSourceLength)
  nationalPlan?: string;
}

export class JoinCoalitionRequest {
  @ApiProperty({ example: 'DEU', description: 'The supporting partner joining' })
  @IsParticipantId()
  participantId!: string;
}

export class ChangeLeadPartnerRequest {
  @ApiProperty({ example: 'DEU', description: 'A current supporting partner, who becomes the lead' })
  @IsParticipantId()
  participantId!: string;
}
