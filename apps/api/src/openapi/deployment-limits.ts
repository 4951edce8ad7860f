import { OpenAPIObject } from '@nestjs/swagger';
import { AppConfig } from '@cm/platform';
import { MAX_BODY_BYTES } from '../http/body-limits';

/**
 * A plan entry at its longest in JSON: two 100-character ids, an amount of 16 digits and 4 decimals, a 32-character
 * unit, the keys and punctuation: about 320 bytes, so 3,000 entries always fit in one body (MAX_BODY_BYTES).
 */
const longestEntryBytes = 340;

/**
 * Limits a deployment configures, stated where the DTOs' decorators can only state the hard ceiling: a plan job takes
 * at most PLAN_JOB_MAX_ENTRIES entries (1,000 by default), and never more than fit in a body; a longer list would be
 * schema-valid and still refused (400 naming allocations, or 413).
 */
export function declareDeploymentLimits(
  document: OpenAPIObject,
  config: Pick<AppConfig, 'PLAN_JOB_MAX_ENTRIES'>,
): void {
  const allocations = document.components?.schemas?.ApplyPlanRequest as
    { properties?: { allocations?: { maxItems?: number } } } | undefined;
  const property = allocations?.properties?.allocations;
  if (!property) throw new Error('ApplyPlanRequest.allocations is missing from the document');
  property.maxItems = Math.min(config.PLAN_JOB_MAX_ENTRIES, Math.floor(MAX_BODY_BYTES / longestEntryBytes));
}
