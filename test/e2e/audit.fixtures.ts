/** The need and pledges the audit spec posts, and the instants and envelopes it reads back. */
export const needBody = {
  requesterId: 'LAO',
  pillar: 'clearance',
  assistanceType: 'financial',
  title: 'Survey of Xieng Khouang <north> & "east"',
  quantity: { amount: 0.1, unit: 'USD' },
  priority: 'high',
};
export const pledgeBody = (donorId: string) => ({
  donorId,
  assistanceType: 'financial',
  pillars: ['clearance'],
  quantity: { amount: 250000, unit: 'EUR' },
});

/** Recorded times are milliseconds; a pause on either side makes "between two commands" unambiguous. */
export const pause = () => new Promise((resolve) => setTimeout(resolve, 25));
export async function instantBetween(): Promise<string> {
  await pause();
  const instant = new Date().toISOString();
  await pause();
  return instant;
}

export interface EnvelopeSummary {
  version: number;
  prevHash: string;
  hash: string;
  metadata: { actor: Record<string, unknown> };
}
