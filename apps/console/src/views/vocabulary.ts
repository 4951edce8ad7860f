/** The domain's closed vocabularies (pillars, priorities, assistance types), as the console's selects offer them. */
export const pillars = [
  'clearance',
  'risk_education',
  'victim_assistance',
  'stockpile_destruction',
  'capacity_building',
] as const;
export const priorities = ['critical', 'high', 'medium', 'low'] as const;
export const types = ['financial', 'material', 'technical'] as const;
