// Validates every document of rendered manifests against the Kubernetes API schemas, offline:
//   node validate.mjs rendered.yaml
// kubernetes-models carries the OpenAPI schemas of the API as compiled validators: types,
// required fields, formats and enums. Unknown fields are caught by the C# tests (a round trip
// through the KubernetesClient models), since these validators let them pass.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate.mjs rendered.yaml");
  process.exit(2);
}

let failures = 0;
let checked = 0;
for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
  if (document.errors.length > 0) {
    console.error(`YAML error: ${document.errors.map((e) => e.message).join("; ")}`);
    failures++;
    continue;
  }
  const manifest = document.toJS();
  if (manifest === null) continue;
  const name = `${manifest.kind ?? "?"}/${manifest.metadata?.name ?? "?"}`;
  const groupVersion = String(manifest.apiVersion ?? "");
  let model;
  try {
    model = (await import(`kubernetes-models/${groupVersion}/${manifest.kind}`))[manifest.kind];
  } catch {
    console.error(`${name}: no schema for ${groupVersion} ${manifest.kind} (unknown API version or kind)`);
    failures++;
    continue;
  }
  try {
    new model(manifest).validate();
    checked++;
  } catch (error) {
    console.error(`${name}: ${error.message}`);
    failures++;
  }
}
console.log(`${checked} valid, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
