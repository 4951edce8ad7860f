import {
  deadlineArticles,
  treatyActions,
  type DeadlineArticle,
  type TreatyAction,
  maxSourceLength,
  maxTitleLength,
} from '@cm/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsIsoDate } from '../../http/request-fields';

export class RecordTreatyActionRequest {
  @ApiProperty({ enum: treatyActions, example: 'ratification' })
  @IsIn(treatyActions)
  action!: TreatyAction;

  @ApiProperty({
    example: '2009-03-18',
    description:
      'Signature, deposit of the instrument of ratification or accession, or the day a withdrawal took effect',
  })
  @IsIsoDate()
  on!: string;

  @ApiProperty({
    example: 'UN Treaty Collection, Chapter XXVI-6',
    maxLength: maxSourceLength,
    description: 'Public source',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(maxSourceLength)
  source!: string;
}

export class RequestDeadlineExtensionRequest {
  @ApiProperty({ enum: deadlineArticles, example: 'article4' })
  @IsIn(deadlineArticles)
  article!: DeadlineArticle;

  @ApiProperty({ example: '2019-03-01' })
  @IsIsoDate()
  requestedOn!: string;

  @ApiProperty({ example: '2025-08-01', description: 'At most 4 years (Art. 3) or 5 years (Art. 4) past the deadline' })
  @IsIsoDate()
  requestedUntil!: string;

  @ApiPropertyOptional({ maxLength: maxSourceLength })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(maxSourceLength)
  source?: string;
}

export class DecideDeadlineExtensionRequest {
  @ApiProperty({ enum: deadlineArticles, example: 'article4' })
  @IsIn(deadlineArticles)
  article!: DeadlineArticle;

  @ApiProperty({ example: '2019-09-04' })
  @IsIsoDate()
  decidedOn!: string;

  @ApiProperty({ example: 'Ninth Meeting of States Parties', maxLength: maxTitleLength })
  @IsString()
  @MinLength(1)
  @MaxLength(maxTitleLength)
  meeting!: string;

  @ApiProperty({ example: '2025-08-01', nullable: true, type: String, description: 'null when refused' })
  @ValidateIf((_, value) => value !== null)
  @IsIsoDate()
  grantedUntil!: string | null;

  @ApiPropertyOptional({ maxLength: maxSourceLength })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(maxSourceLength)
  source?: string;
}
