import { EntryReport, PlanJobDoc } from '@cm/application';

export const planJobLocation = (id: string) => `/matching/plan/jobs/${id}`;

/** The job as the api shows it: progress, the counts so far, each entry's outcome (or `pending`), interruptions. */
export const planJobAnswer = (job: PlanJobDoc) => {
  const processed = job.next;
  return {
    id: job._id,
    status: job.status,
    source: job.source,
    total: job.entries.length,
    processed,
    progress: job.entries.length === 0 ? 1 : Math.round((processed / job.entries.length) * 1000) / 1000,
    created: job.counts.created,
    alreadyApplied: job.counts.already_applied,
    failed: job.counts.failed,
    createdBy: job.actor.sub,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    ...(job.finishedAt && { finishedAt: job.finishedAt.toISOString() }),
    ...(job.cancelledAt && { cancelledAt: job.cancelledAt.toISOString(), cancelledBy: job.cancelledBy }),
    interruptions: job.interruptions,
    ...(job.lastInterruption && {
      lastInterruption: { at: job.lastInterruption.at.toISOString(), message: job.lastInterruption.message },
    }),
    errors: Object.entries(job.results)
      .filter(([, report]) => report.outcome === 'failed')
      .map(([index, report]) => ({ entry: Number(index), ...report.problem })),
    entries: job.entries.map(
      (entry, index): EntryReport | (typeof entry & { outcome: 'pending' }) =>
        job.results[String(index)] ?? { ...entry, outcome: 'pending' },
    ),
  };
};

export const planJobExample = {
  id: '0194f5a4-0b1c-7d2e-8f3a-4b5c6d7e8f90',
  status: 'running',
  source: { kind: 'entries' },
  total: 3,
  processed: 2,
  progress: 0.667,
  created: 1,
  alreadyApplied: 0,
  failed: 1,
  createdBy: 'coordinator-staff',
  createdAt: '2026-12-02T06:40:00.000Z',
  updatedAt: '2026-12-02T06:40:01.250Z',
  interruptions: 0,
  errors: [{ entry: 1, code: 'PLEDGE_NOT_OPEN', status: 422, detail: 'pledge 0194f5a2-9a8b… is withdrawn' }],
  entries: [
    {
      needId: '0194f5a1-2b3c-7d4e-8f90-a1b2c3d4e5f6',
      pledgeId: '0194f5a2-7c1e-7b3a-9d2f-1a2b3c4d5e6f',
      amountInPledgeUnit: { amount: 250000, unit: 'USD' },
      outcome: 'created',
      allocationId: '0194f5a3-1d2e-7f3a-8b4c-5d6e7f8a9b0c',
      status: 'proposed',
      consistencyToken: 'MnxhbGxvY2F0aW9uOjAxOTRmNWEzLjM',
    },
    {
      needId: '0194f5a1-2b3c-7d4e-8f90-a1b2c3d4e5f6',
      pledgeId: '0194f5a2-9a8b-7c6d-8e5f-4a3b2c1d0e9f',
      amountInPledgeUnit: { amount: 1000, unit: 'EUR' },
      outcome: 'failed',
      problem: { code: 'PLEDGE_NOT_OPEN', status: 422, detail: 'pledge 0194f5a2-9a8b… is withdrawn' },
    },
    {
      needId: '0194f5a1-3c4d-7e5f-8a9b-0c1d2e3f4a5b',
      pledgeId: '0194f5a2-7c1e-7b3a-9d2f-1a2b3c4d5e6f',
      amountInPledgeUnit: { amount: 50000, unit: 'USD' },
      outcome: 'pending',
    },
  ],
};
