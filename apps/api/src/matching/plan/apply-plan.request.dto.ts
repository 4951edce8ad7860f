import { AssistanceType, assistanceTypes, Pillar, pillars } from '@cm/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsParticipantId, QuantityRequest, recordIdPattern } from '../../http/request-fields';
import { BodySchemaRule } from '../../openapi/body-constraints';

/** The hard ceiling of the request; PLAN_JOB_MAX_ENTRIES (at most this) is the limit a deployment applies. */
export const MAX_APPLIED_ENTRIES = 10_000;

/** One allocation of a plan, copied from GET /matching/plan. */
export class PlanEntryRequest {
  @ApiProperty({ example: '0194f5a1-2b3c-7d4e-8f90-a1b2c3d4e5f6' })
  @Matches(recordIdPattern, { message: 'must be a need id' })
  needId!: string;

  @ApiProperty({ example: '0194f5a2-7c1e-7b3a-9d2f-1a2b3c4d5e6f' })
  @Matches(recordIdPattern, { message: 'must be a pledge id' })
  pledgeId!: string;

  @ApiProperty({ type: QuantityRequest, example: { amount: 250000, unit: 'USD' }, description: "In the pledge's unit" })
  @IsDefined()
  @ValidateNested()
  @Type(() => QuantityRequest)
  amountInPledgeUnit!: QuantityRequest;
}

/**
 * What a plan job applies, named explicitly: `allocations`, exactly those entries of a plan read earlier (entries the
 * world has overtaken fail one by one, the others are still proposed); or, with `applyCurrentPlan: true`, the plan of
 * the filters as of now. A body naming neither is refused: it would apply the whole global plan unasked.
 */
@BodySchemaRule({ anyOf: [{ required: ['allocations'] }, { required: ['applyCurrentPlan'] }] })
export class ApplyPlanRequest {
  @ApiPropertyOptional({ enum: pillars, example: 'clearance' })
  @IsOptional()
  @IsIn(pillars)
  pillar?: Pillar;

  @ApiPropertyOptional({ example: 'LAO', description: 'Plan for the needs of this recipient only' })
  @IsOptional()
  @IsParticipantId()
  recipientId?: string;

  @ApiPropertyOptional({ enum: assistanceTypes, example: 'financial' })
  @IsOptional()
  @IsIn(assistanceTypes)
  assistanceType?: AssistanceType;

  @ApiPropertyOptional({
    type: [PlanEntryRequest],
    example: [
      {
        needId: '0194f5a1-2b3c-7d4e-8f90-a1b2c3d4e5f6',
        pledgeId: '0194f5a2-7c1e-7b3a-9d2f-1a2b3c4d5e6f',
        amountInPledgeUnit: { amount: 250000, unit: 'USD' },
      },
    ],
    maxItems: MAX_APPLIED_ENTRIES,
    description: 'The allocations of a plan (GET /matching/plan) to propose; at most PLAN_JOB_MAX_ENTRIES',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_APPLIED_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => PlanEntryRequest)
  allocations?: PlanEntryRequest[];

  @ApiPropertyOptional({
    enum: [true],
    description:
      'Without `allocations`: confirms that the plan of the filters as of now is to be applied (it is computed when ' +
      'the job is created; refused when it has more than PLAN_JOB_MAX_ENTRIES entries)',
  })
  @IsOptional()
  @Equals(true, { message: 'must be true to apply the current plan of the filters' })
  applyCurrentPlan?: true;
}
