// Validates Kubernetes resources against the API schemas of kubernetes-models (ESM-only, hence a script of its own
// that the Jest suites run as a child process). Reads a JSON array of resources on stdin, prints a JSON array with,
// for each, the list of problems (empty when valid).
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const resources = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const results = [];
for (const resource of resources) {
  const [group, version] = resource.apiVersion?.includes('/') ? resource.apiVersion.split('/') : [null, resource.apiVersion];
  const module = `kubernetes-models/${group ? `${group}/` : ''}${version}/${resource.kind}`;
  let Model;
  try {
    Model = (await import(module))[resource.kind];
  } catch {
    results.push([`no schema for ${resource.apiVersion} ${resource.kind}`]);
    continue;
  }
  try {
    new Model(resource).validate();
    results.push([]);
  } catch (error) {
    const details = (error.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    results.push(details.length ? details : [String(error.message ?? error)]);
  }
}
process.stdout.write(JSON.stringify(results));
