/** Profile discovery (src/profiles/discover/): the background hint and the report's sentences. */
export const discovery = {
  DISCOVERY_OTHER_PROFILE: 'this delivery verifies and decrypts under profile {name}, not the configured one ({configured}); set NONTAX_PROFILE={profile}{settings} (docs/PROTOCOL.md §7)',
  DISCOVERY_DECRYPTS_ONLY: 'this delivery decrypts under profile {name}, not the configured one ({configured}), but no signature recipe matched (normal for WeChat\'s signature test); try: npm run captures -- discover {id}',
  DISCOVERY_NO_MATCH: 'no profile decrypts or verifies this delivery with the secrets tried ({secrets}); its anatomy follows',
  DISCOVERY_RSA_NOTE: 'a hybrid RSA envelope (fields like key_encrypt_type and key) cannot be discovered without the private key that opens "key" (docs/PROTOCOL.md §6.6)',
  DISCOVERY_KEY_HINT: 'if the platform gave you another key, pass it with --key K (repeatable); it is tried as cipher key and signing key',
} as const
