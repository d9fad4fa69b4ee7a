'use strict';
/* global require, exports */
// Temporal loads a custom failure converter by path, with require() in the client and worker and through webpack in
// the workflow sandbox, so this one file is plain CommonJS: it works from the TypeScript sources and from dist alike.
// encodeCommonAttributes moves each failure's message and stack trace into a payload, which the encryption codec
// seals, so neither sits in Temporal history in clear text.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DefaultFailureConverter } = require('@temporalio/common');

exports.failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
