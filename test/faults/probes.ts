import type { Kafka } from 'kafkajs';
import { apiClient } from '../support/api-client';

/** The broker lists its topics. */
export async function brokerAnswers(kafka: Kafka): Promise<true> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.listTopics();
    return true;
  } finally {
    await admin.disconnect();
  }
}

/** A command and a read that waits for it: the whole path (api, store, relay, Kafka, projector) works. */
export async function endToEnd(base: string, token: string): Promise<boolean> {
  const need = await apiClient(base).send('POST', '/needs', {
    token,
    body: {
      assistanceType: 'material',
      category: 'metal_detectors',
      requesterId: 'LAO',
      pillar: 'clearance',
      title: 'Probe',
      quantity: { amount: 1, unit: 'items' },
      priority: 'low',
    },
  });
  if (need.status !== 201) return false;
  const consistencyToken = (need.body as { consistencyToken?: string }).consistencyToken;
  const read = await fetch(`${base}/needs/${need.body.id as string}`, {
    headers: { authorization: `Bearer ${token}`, ...(consistencyToken && { 'x-consistent-with': consistencyToken }) },
  });
  return read.status === 200 && read.headers.get('x-consistency') === 'consistent';
}
