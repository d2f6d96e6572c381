import {
  UsageError
} from "./chunk-GJAS6JHG.js";

// src/cli/args.ts
import { parseArgs } from "node:util";
function parseFlags(argv, options, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (err) {
    throw new UsageError("USAGE_BAD_FLAGS", err.message);
  }
}

export {
  parseFlags
};
