import {
  ENCODING_AES_KEY_RE
} from "./chunk-UZATLX4B.js";
import {
  describeSecret
} from "./chunk-QJB4YHH6.js";

// src/cli/captures-secrets.ts
var SecretFlagError = class extends Error {
  name = "SecretFlagError";
};
var has = (env, k) => (env[k]?.trim() ?? "") !== "";
function resolveSecrets(flags, env, config, r) {
  const aes = flags["aes-key"]?.trim();
  if (aes !== void 0 && !ENCODING_AES_KEY_RE.test(aes)) {
    throw new SecretFlagError(`--aes-key must be the 43-character EncodingAESKey (A-Z, a-z, 0-9); got ${aes.length} characters`);
  }
  const token = flags.token?.trim();
  if (token !== void 0 && token === "") throw new SecretFlagError("--token is empty: pass the Token configured for the notification URL");
  const RANDOM = "a random value";
  const random = (name, flag) => `${RANDOM} (${name} is not set; pass ${flag} or set ${name})`;
  const tokenFrom = token !== void 0 ? "--token" : has(env, "NONTAX_TOKEN") ? "NONTAX_TOKEN" : void 0;
  const aesFrom = aes !== void 0 ? "--aes-key" : has(env, "NONTAX_ENCODING_AES_KEY") ? "NONTAX_ENCODING_AES_KEY" : void 0;
  const tokenSrc = tokenFrom ?? random("NONTAX_TOKEN", "--token");
  const aesSrc = aesFrom ?? random("NONTAX_ENCODING_AES_KEY", "--aes-key");
  const recorded = r?.inspection.envelope?.appid ?? (r?.inspection.decryption?.ok ? r.inspection.decryption.appid : void 0);
  let appid = config.secrets.appid;
  let appidSrc = random("WECHAT_APPID", "--appid");
  if (flags.appid?.trim()) [appid, appidSrc] = [flags.appid.trim(), "--appid"];
  else if (has(env, "WECHAT_APPID")) appidSrc = "WECHAT_APPID";
  else if (recorded) [appid, appidSrc] = [recorded, "the recorded delivery"];
  const secrets = { appid, token: token ?? config.secrets.token, encodingAESKey: aes ?? config.secrets.encodingAESKey };
  return {
    secrets,
    sources: {
      token: `token from ${tokenSrc} (${describeSecret(secrets.token)})`,
      aesKey: `EncodingAESKey from ${aesSrc} (${describeSecret(secrets.encodingAESKey)})`,
      appid: `appid ${appid} from ${appidSrc}`
    },
    origins: { token: `token from ${tokenFrom ?? RANDOM}`, aesKey: `EncodingAESKey from ${aesFrom ?? RANDOM}` },
    mask: [secrets.token, secrets.encodingAESKey]
  };
}

export {
  SecretFlagError,
  resolveSecrets
};
