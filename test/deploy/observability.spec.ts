import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { parse, stringify } from 'yaml';
import { ConsumerMetrics, RelayMetrics } from '@cm/messaging';
import { httpRequestDuration } from '@cm/platform';
import { deployTools, repositoryRoot, runTool, toolTimeoutMs } from '../support/deploy-tools';

const folder = join(repositoryRoot, 'deploy', 'observability');
const dashboard = JSON.parse(readFileSync(join(folder, 'grafana-dashboard.json'), 'utf8'));
const alertGroups: { name: string; rules: { alert: string; expr: string }[] }[] = parse(
  readFileSync(join(folder, 'alerts.yaml'), 'utf8'),
).groups;

type Panel = { id: number; type: string; title: string; targets?: { expr: string }[] };
const panels: Panel[] = dashboard.panels;
const dashboardExpressions = panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
const alertExpressions = alertGroups.flatMap((group) => group.rules.map((rule) => rule.expr));

/** The metric names a PromQL expression reads: what is left once strings, matchers, ranges and groupings are gone. */
function metricNamesIn(expression: string): string[] {
  const bare = expression
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const keywords = new Set(['and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);
  return [...bare.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)]
    .filter((match) => match[2] === undefined && !keywords.has(match[1]))
    .map((match) => match[1]);
}

/** Every series name the apps can expose, taken from the code that registers them. */
async function exposedMetricNames(): Promise<Set<string>> {
  const registry = new Registry();
  new RelayMetrics(registry);
  new ConsumerMetrics(registry);
  httpRequestDuration(registry);
  collectDefaultMetrics({ register: registry });
  const names = new Set<string>();
  for (const { name, type } of await registry.getMetricsAsJSON()) {
    names.add(name);
    if (String(type) === 'histogram') ['_bucket', '_count', '_sum'].forEach((suffix) => names.add(name + suffix));
  }
  return names;
}

describe('deploy/observability', () => {
  let promtool: string;

  beforeAll(async () => {
    promtool = (await deployTools('promtool')).promtool;
  }, toolTimeoutMs);

  it('finds metric names in PromQL, and only them', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.95, sum by (le, route) (rate(x_bucket{app="api", route!~"/a|b"}[5m]))) > 1 and y',
      ),
    ).toEqual(['x_bucket', 'y']);
    expect(metricNamesIn('(sum(relay_lease_held) or vector(0)) < 1')).toEqual(['relay_lease_held']);
  });

  it('names in the dashboard and the alerts only metrics the apps expose', async () => {
    const exposed = await exposedMetricNames();
    const named = [...new Set([...dashboardExpressions, ...alertExpressions].flatMap(metricNamesIn))].sort();
    expect(named.filter((name) => !exposed.has(name))).toEqual([]);
    // what the issue asks the dashboard to show: requests, relay backlog and age, lag per group, DLQ, lease holder
    expect(named).toEqual(
      expect.arrayContaining([
        'http_request_duration_seconds_bucket',
        'http_request_duration_seconds_count',
        'relay_outbox_streams',
        'relay_oldest_waiting_seconds',
        'consumer_lag_messages',
        'consumer_lag_seconds',
        'consumer_messages_total',
        'relay_lease_held',
      ]),
    );
  });

  it('has the alerts an operator needs: backlog growing, lag over threshold, dead letters, no lease holder', () => {
    const alerts = alertGroups.flatMap((group) => group.rules.map((rule) => rule.alert));
    expect(alerts).toEqual(
      expect.arrayContaining(['RelayBacklogGrowing', 'ConsumerLagHigh', 'MessagesDeadLettered', 'RelayNoLeaseHolder']),
    );
  });

  it('has a Grafana dashboard with unique panel ids whose queries use the datasource variable', () => {
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource' }),
    );
    const ids = panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of panels.filter((p) => p.type !== 'row')) {
      expect(panel).toMatchObject({ datasource: { uid: '${datasource}' }, targets: expect.any(Array) });
    }
  });

  it(
    'passes promtool check rules, and every dashboard query parses as PromQL',
    async () => {
      const output = await runTool(promtool, ['check', 'rules', join(folder, 'alerts.yaml')]);
      expect(output).toMatch(/SUCCESS: \d+ rules found/);
      // promtool has no "check query": the dashboard's queries become recording rules, which it parses
      const scratch = mkdtempSync(join(tmpdir(), 'cm-dashboard-'));
      try {
        const rules = dashboardExpressions.map((expr, index) => ({ record: `dashboard:query_${index}`, expr }));
        writeFileSync(join(scratch, 'dashboard.rules.yaml'), stringify({ groups: [{ name: 'dashboard', rules }] }));
        const checked = await runTool(promtool, ['check', 'rules', join(scratch, 'dashboard.rules.yaml')]);
        expect(checked).toContain(`SUCCESS: ${rules.length} rules found`);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
    toolTimeoutMs,
  );

  it(
    'passes the alerts’ unit tests (promtool test rules)',
    async () => {
      const output = await runTool(promtool, ['test', 'rules', join(folder, 'alerts.test.yaml')]);
      expect(output).toContain('SUCCESS');
    },
    toolTimeoutMs,
  );
});
