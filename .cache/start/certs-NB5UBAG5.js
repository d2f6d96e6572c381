import {
  parseFlags
} from "./chunk-L4WV3MXU.js";
import {
  SetupError
} from "./chunk-GJAS6JHG.js";

// src/cli/certs.ts
import { existsSync } from "node:fs";
import { join as join2 } from "node:path";

// src/certs.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generate } from "selfsigned";
async function writeSelfSignedCerts(dir, hosts = ["localhost", "127.0.0.1"]) {
  const pems = await generate([{ name: "commonName", value: hosts[0] ?? "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [{ name: "subjectAltName", altNames: hosts.map((h) => /^[\d.]+$/.test(h) ? { type: 7, ip: h } : { type: 2, value: h }) }]
  });
  await mkdir(dir, { recursive: true });
  const certFile = join(dir, "cert.pem");
  const keyFile = join(dir, "key.pem");
  await writeFile(certFile, pems.cert);
  await writeFile(keyFile, pems.private, { mode: 384 });
  return { certFile, keyFile };
}

// src/cli/certs.ts
async function runCerts(argv, io, dir = "certs") {
  const { values } = parseFlags(argv, { force: { type: "boolean" } });
  const existing = ["cert.pem", "key.pem"].map((f) => join2(dir, f)).filter((f) => existsSync(f));
  if (existing.length > 0 && values.force !== true) throw SetupError.from({ code: "CERTS_EXIST", params: { files: existing.join(" and ") } });
  const { certFile, keyFile } = await writeSelfSignedCerts(dir);
  io.out(`wrote ${certFile} and ${keyFile} (self-signed for localhost and 127.0.0.1). Serve HTTPS with:
  TLS_CERT_FILE=${certFile}
  TLS_KEY_FILE=${keyFile}`);
  return 0;
}
export {
  runCerts
};
