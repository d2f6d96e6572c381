// src/protocol/mask.ts
function maskSecrets(text, secrets) {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join(`***(${s.length} chars)`);
  }
  return out;
}
function describeSecret(s) {
  return s ? `set, ${s.length} chars` : "not set";
}

export {
  maskSecrets,
  describeSecret
};
