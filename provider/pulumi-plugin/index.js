// Loaded by the Node.js language host with require(). The provider must start serving unconditionally
// (no require.main check), so this file only hands over to the plugin executable's entry, which prints
// the port on stdout and logs to stderr.
'use strict';
const { pathToFileURL } = require('node:url');
const { join } = require('node:path');

import(pathToFileURL(join(__dirname, '..', '..', 'bin', 'pulumi-resource-aicloud.mjs')).href).catch((err) => {
  process.stderr.write(`pulumi-resource-aicloud: failed to start: ${err && err.message ? err.message : String(err)}\n`);
  process.exit(1);
});
