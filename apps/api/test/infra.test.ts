import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

/**
 * The infra files are not run here (no Docker engine), so they are linted: they must parse, and
 * they must agree with the code: probe paths that exist, variables the config reads, files the
 * build produces.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const infra = path.join(root, 'infra');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

const configSource = read('apps/api/src/config.ts');
const serverSource = read('apps/api/src/http/server.ts');

function yamlDocs(file: string) {
  const docs = parseAllDocuments(read(file));
  for (const doc of docs) expect(doc.errors, `${file}: ${doc.errors.join('; ')}`).toEqual([]);
  return docs.map((d) => d.toJS());
}

describe('infra/', () => {
  it('has Kubernetes manifests that parse, probe real endpoints and set only known variables', () => {
    const manifests = readdirSync(path.join(infra, 'k8s')).filter((f) => f.endsWith('.yaml'));
    expect(manifests.length).toBeGreaterThan(0);
    for (const file of manifests) {
      for (const doc of yamlDocs(`infra/k8s/${file}`)) {
        expect(doc.apiVersion, file).toBeTruthy();
        expect(doc.kind, file).toBeTruthy();
        if (doc.kind !== 'Deployment') continue;
        const [container] = doc.spec.template.spec.containers;
        expect(serverSource).toContain(`'${container.livenessProbe.httpGet.path}'`);
        expect(serverSource).toContain(`'${container.readinessProbe.httpGet.path}'`);
        for (const { name } of container.env) expect(configSource, `${file} sets ${name}`).toContain(`${name}`);
      }
    }
  });

  it('has a compose file whose service builds from the Dockerfile', () => {
    const [compose] = yamlDocs('infra/compose.yaml');
    expect(compose.services.tandem.build.dockerfile).toBe('infra/Dockerfile');
    for (const name of Object.keys(compose.services.tandem.environment)) expect(configSource).toContain(name);
  });

  it('has a Dockerfile that runs the built server as a non-root user', () => {
    const dockerfile = read('infra/Dockerfile');
    const lines = dockerfile.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    const known = /^(FROM|ENV|WORKDIR|COPY|RUN|USER|EXPOSE|HEALTHCHECK|CMD|ARG|LABEL)\b|^\s/;
    for (const line of lines) expect(line, 'unknown Dockerfile instruction').toMatch(known);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('CMD ["node", "apps/api/dist/main.js"]');
    const pkg = JSON.parse(read('apps/api/package.json'));
    expect(pkg.scripts.start).toBe('node dist/main.js');
  });
});
