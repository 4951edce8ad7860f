import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { configVariableNames } from '@cm/platform';
import { deadLetterTopic, streamTopics } from '@cm/messaging';
import { initialAliasOf, projectionSetNames, projectionSets } from '@cm/read-models';
import { deployTools, runTool, toolTimeoutMs } from '../support/deploy-tools';

/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests are untyped YAML */
type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; [key: string]: any };
  spec?: any;
  data?: any;
};

/** Resources of the operators' CRDs: the Kubernetes schemas do not cover them, so their fields are asserted here. */
const operatorKinds = ['Kafka', 'KafkaNodePool', 'KafkaTopic', 'MongoDBCommunity'];
const kubernetesVersions = ['1.31.0', '1.37.0']; // the oldest and newest release the manifests are checked against
const overlays = ['development', 'production'] as const;
const apps = { api: 3000, projector: 3001, relay: 3002 } as const;

describe('deploy/k8s', () => {
  const rendered = {} as Record<(typeof overlays)[number], { yaml: string; objects: Manifest[] }>;
  let kubernetesValidate: string;

  beforeAll(async () => {
    const tools = await deployTools('kustomize', 'kubernetes_validate');
    kubernetesValidate = tools.kubernetes_validate;
    for (const overlay of overlays) {
      const yaml = await runTool(tools.kustomize, ['build', `deploy/k8s/overlays/${overlay}`]);
      rendered[overlay] = { yaml, objects: parseAllDocuments(yaml).map((doc) => doc.toJSON() as Manifest) };
    }
  }, toolTimeoutMs);

  const all = (overlay: (typeof overlays)[number], kind: string) =>
    rendered[overlay].objects.filter((object) => object.kind === kind);
  const one = (overlay: (typeof overlays)[number], kind: string, name: string) => {
    const found = all(overlay, kind).find((object) => object.metadata.name === name);
    if (!found) throw new Error(`${overlay}: no ${kind} ${name}`);
    return found;
  };

  describe.each(overlays)('the %s overlay', (overlay) => {
    it(
      'validates every Kubernetes object against the schemas of the supported Kubernetes releases',
      async () => {
        const file = join(tmpdir(), `cm-k8s-${overlay}-${process.pid}.yaml`);
        writeFileSync(file, rendered[overlay].yaml);
        const builtIn = rendered[overlay].objects.filter((object) => !operatorKinds.includes(object.kind));
        for (const version of kubernetesVersions) {
          const output = await runTool(kubernetesValidate, ['--strict', '-k', version, file]);
          const passed = [...output.matchAll(/passed for resource (\S+)/g)].map((match) => match[1]).sort();
          const expected = builtIn.map((o) => `${o.kind.toLowerCase()}/${o.metadata.name}`).sort();
          expect(passed).toEqual(expected);
        }
        const unchecked = rendered[overlay].objects.filter((object) => operatorKinds.includes(object.kind));
        console.log(
          `${overlay}: ${builtIn.length} objects schema-checked (Kubernetes ${kubernetesVersions.join(' and ')}); ` +
            `not schema-checked, fields asserted by this test instead: ${unchecked.length} operator resources ` +
            `(${[...new Set(unchecked.map((o) => `${o.kind} ${o.apiVersion}`))].join(', ')})`,
        );
      },
      toolTimeoutMs,
    );

    it.each(Object.entries(apps))('gives %s exactly the variables of the configuration schema', (app, port) => {
      const deployment = one(overlay, 'Deployment', app);
      const [container] = deployment.spec.template.spec.containers;
      const fromConfigMaps = container.envFrom.flatMap((source: any) =>
        Object.keys(one(overlay, 'ConfigMap', source.configMapRef.name).data),
      );
      const named = [...fromConfigMaps, ...container.env.map((variable: any) => variable.name)].sort();
      const schema = (configVariableNames as string[]).filter((name) => app === 'api' || name !== 'AUTH_JWT_SECRET');
      expect(named).toEqual([...schema].sort());
      expect(container.env).toContainEqual({ name: 'PORT', value: String(port) });
      expect(container.command).toEqual(['node', '--enable-source-maps', `dist/apps/${app}/src/main.js`]);
    });

    it.each(Object.entries(apps))('runs %s non-root, read-only, probed on its health routes', (app, port) => {
      const pod = one(overlay, 'Deployment', app).spec.template.spec;
      const [container] = pod.containers;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      const tmp = container.volumeMounts.find((mount: any) => mount.mountPath === '/tmp');
      expect(pod.volumes.find((volume: any) => volume.name === tmp.name).emptyDir).toBeDefined();
      expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container.resources.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(one(overlay, 'PodDisruptionBudget', app).spec.selector.matchLabels).toEqual({
        'app.kubernetes.io/name': app,
      });
      expect(one(overlay, 'Service', app).spec.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
    });

    it('autoscales the api and the projector, and keeps a standby relay', () => {
      const targets = all(overlay, 'HorizontalPodAutoscaler').map((hpa) => hpa.spec.scaleTargetRef.name);
      expect(targets.sort()).toEqual(['api', 'projector']);
      expect(one(overlay, 'HorizontalPodAutoscaler', 'projector').spec.maxReplicas).toBeLessThanOrEqual(
        Number(one(overlay, 'ConfigMap', 'cm-article6-config').data.KAFKA_PARTITIONS),
      );
      if (overlay === 'production') expect(one(overlay, 'Deployment', 'relay').spec.replicas).toBe(2);
    });

    it('lets only the api be reached from outside the namespace', () => {
      const policies = all(overlay, 'NetworkPolicy');
      const open = policies.filter((policy) => policy.spec.ingress.some((rule: any) => rule.from === undefined));
      expect(open.map((policy) => policy.spec.podSelector)).toEqual([
        { matchLabels: { 'app.kubernetes.io/name': 'api' } },
      ]);
      const selects = (policy: Manifest, app: string) =>
        policy.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === app ||
        policy.spec.podSelector.matchExpressions?.some((expression: any) => expression.values.includes(app));
      for (const app of Object.keys(apps)) expect(policies.some((policy) => selects(policy, app))).toBe(true);
    });

    it('runs Kafka in KRaft mode on three brokers, replication 3 and min.insync.replicas 2', () => {
      const kafka = one(overlay, 'Kafka', 'cm-kafka');
      expect(kafka.metadata.annotations).toMatchObject({
        'strimzi.io/kraft': 'enabled',
        'strimzi.io/node-pools': 'enabled',
      });
      expect(kafka.spec.kafka.config).toMatchObject({
        'default.replication.factor': 3,
        'min.insync.replicas': 2,
        'offsets.topic.replication.factor': 3,
        'auto.create.topics.enable': false,
      });
      const pools = all(overlay, 'KafkaNodePool');
      const brokers = pools.filter((pool) => pool.spec.roles.includes('broker'));
      expect(brokers.reduce((sum, pool) => sum + pool.spec.replicas, 0)).toBe(3);
      expect(pools.every((pool) => pool.metadata.labels['strimzi.io/cluster'] === 'cm-kafka')).toBe(true);
      const config = one(overlay, 'ConfigMap', 'cm-article6-config').data;
      const plain = kafka.spec.kafka.listeners.find((listener: any) => !listener.tls);
      expect(config.KAFKA_BROKERS).toBe(`cm-kafka-kafka-bootstrap:${plain.port}`);
      expect(config.KAFKA_REPLICATION_FACTOR).toBe('3');
    });

    it('declares every topic the code uses as a KafkaTopic, kept forever and replicated three times', () => {
      const config = one(overlay, 'ConfigMap', 'cm-article6-config').data;
      expect(config.KAFKA_TOPIC_PREFIX).toBe('');
      const eventTopics = Object.values(streamTopics);
      const deadLetterTopics = projectionSetNames.map((set) =>
        deadLetterTopic(streamTopics[projectionSets[set].streamType], initialAliasOf(set).groupId),
      );
      const topics = all(overlay, 'KafkaTopic');
      expect(topics.map((topic) => topic.spec.topicName).sort()).toEqual([...eventTopics, ...deadLetterTopics].sort());
      for (const topic of topics) {
        expect(topic.metadata.labels['strimzi.io/cluster']).toBe('cm-kafka');
        expect(topic.spec).toMatchObject({ replicas: 3, config: { 'retention.ms': -1, 'min.insync.replicas': 2 } });
        if (eventTopics.includes(topic.spec.topicName)) {
          expect(topic.spec.partitions).toBe(Number(config.KAFKA_PARTITIONS));
        }
      }
    });

    it('runs MongoDB as a three-member replica set whose connection Secret the apps read', () => {
      const mongodb = one(overlay, 'MongoDBCommunity', 'cm-mongodb');
      expect(mongodb.spec).toMatchObject({ members: 3, type: 'ReplicaSet', version: expect.stringMatching(/^[78]\./) });
      const [user] = mongodb.spec.users;
      const secret = `${mongodb.metadata.name}-${user.db}-${user.name}`; // the operator's naming of it
      const database = one(overlay, 'ConfigMap', 'cm-article6-config').data.MONGODB_DATABASE;
      expect(user.roles).toContainEqual({ name: 'readWrite', db: database });
      for (const app of Object.keys(apps)) {
        const [container] = one(overlay, 'Deployment', app).spec.template.spec.containers;
        expect(container.env).toContainEqual({
          name: 'MONGODB_URI',
          valueFrom: { secretKeyRef: { name: secret, key: 'connectionString.standard' } },
        });
      }
    });
  });

  it('development generates its own secrets; production expects them and runs with NODE_ENV=production', () => {
    expect(
      all('development', 'Secret')
        .map((secret) => secret.metadata.name)
        .sort(),
    ).toEqual(['cm-article6-auth', 'cm-mongodb-app-password']);
    expect(all('production', 'Secret')).toEqual([]);
    expect(one('production', 'ConfigMap', 'cm-article6-config').data.NODE_ENV).toBe('production');
    expect(one('development', 'ConfigMap', 'cm-article6-config').data.NODE_ENV).toBe('development');
    expect(one('production', 'Deployment', 'api').spec.template.spec.containers[0].image).toMatch(/:\d+\.\d+\.\d+$/);
    for (const overlay of overlays) {
      const namespace = all(overlay, 'Namespace')[0].metadata.name;
      const namespaced = rendered[overlay].objects.filter((object) => object.kind !== 'Namespace');
      expect(namespaced.every((object) => object.metadata.namespace === namespace)).toBe(true);
    }
  });
});
